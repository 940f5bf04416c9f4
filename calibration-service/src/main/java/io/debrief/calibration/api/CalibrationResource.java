package io.debrief.calibration.api;

import java.util.List;
import java.util.Optional;

import io.debrief.calibration.domain.CalibrationStatus;
import io.debrief.calibration.domain.Level;
import io.debrief.calibration.domain.Outcome;
import io.debrief.calibration.events.CalibrationJson;
import io.debrief.calibration.events.CalibrationStream;
import io.debrief.calibration.events.DecisionJson;
import io.debrief.calibration.events.FinalDecisionJson;
import io.debrief.calibration.usecase.OpenPersonalText;
import io.debrief.calibration.usecase.QueryCalibrations;
import io.debrief.calibration.usecase.RecordFinalDecision;
import io.debrief.platform.problem.EnumParameter;
import io.debrief.platform.problem.ProblemException;
import io.debrief.platform.security.Roles;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * Calibrations as stored after each batch (exactly the documents published on {@code calibration-updates}), and the
 * hiring manager's final decision of a loop. The candidate's name and the final decision's reason are stored sealed and
 * opened for the answer ({@link OpenPersonalText}); once the candidate is erased they are null.
 */
@Path("/api/calibrations")
@RolesAllowed({Roles.RECRUITER, Roles.HIRING_MANAGER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calibrations")
@APIResponse(responseCode = "401", description = "No valid bearer token (header or session cookie)")
@APIResponse(responseCode = "403", description = "The token's roles may not do this")
@APIResponse(responseCode = "503", description = "The database or the loop keys (scorecard-service) are unavailable;"
        + " retry after Retry-After")
public class CalibrationResource {

    private static final Logger LOG = Logger.getLogger(CalibrationResource.class);

    private final QueryCalibrations calibrations;
    private final OpenPersonalText open;
    private final RecordFinalDecision finalDecisions;
    private final CalibrationStream stream;
    private final JsonWebToken caller;

    public CalibrationResource(QueryCalibrations calibrations, RecordFinalDecision finalDecisions,
                               CalibrationStream stream, JsonWebToken caller, OpenPersonalText open) {
        this.open = open;
        this.calibrations = calibrations;
        this.finalDecisions = finalDecisions;
        this.stream = stream;
        this.caller = caller;
    }

    @GET
    @Path("/{loopId}")
    @Operation(summary = "The current calibration of a loop")
    @APIResponse(responseCode = "200", description = "The calibration")
    @APIResponse(responseCode = "404", description = "The loop is unknown (or only scorecards of it arrived so far)")
    public Uni<CalibrationJson> calibration(@PathParam("loopId") String loopId) {
        return calibrations.calibration(loopId).map(found -> ofKnownLoop(found, loopId)).chain(open::calibration);
    }

    /** Every decision version of a loop, oldest first (an extension of the contract). */
    @GET
    @Path("/{loopId}/decisions")
    @Operation(summary = "Every decision version of a loop, oldest first")
    @APIResponse(responseCode = "200", description = "The decisions (empty while the loop is undecided)")
    @APIResponse(responseCode = "404", description = "The loop is unknown")
    public Uni<List<DecisionJson>> decisions(@PathParam("loopId") String loopId) {
        return calibrations.decisions(loopId).map(found -> ofKnownLoop(found, loopId))
                .chain(decisions -> open.decisions(loopId, decisions));
    }

    @POST
    @Path("/{loopId}/final-decision")
    @RolesAllowed({Roles.HIRING_MANAGER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the final decision of a DECIDED loop (hiring-manager, admin)")
    @APIResponse(responseCode = "201", description = "The final decision; published as hiring.decision.finalized.v1",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FinalDecisionJson.class)))
    @APIResponse(responseCode = "400", description = "An invalid body: outcome not HIRE or NO_HIRE, reason missing or"
            + " over 10,000 characters, decisionVersion missing")
    @APIResponse(responseCode = "404", description = "The loop is unknown")
    @APIResponse(responseCode = "409", description = "The loop is not DECIDED, decisionVersion is not its latest, it"
            + " is already final, HIRE on INSUFFICIENT_EVIDENCE, or the candidate was erased")
    public Uni<Response> finalDecision(@PathParam("loopId") String loopId,
                                       @NotNull(message = "a body is required") @Valid FinalDecisionRequest request,
                                       @Context UriInfo uri) {
        return finalDecisions.record(loopId, Outcome.valueOf(request.outcome().name()), request.reason(),
                        request.decisionVersion(), caller.getSubject())
                .map(decision -> Response.created(uri.getBaseUriBuilder().path("api/calibrations").path(loopId).build())
                        .entity(decision).type(MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Operation(summary = "Calibrations matching every filter given, newest change first")
    @APIResponse(responseCode = "200", description = "The calibrations")
    @APIResponse(responseCode = "400", description = "An unknown status, level or outcome")
    public Uni<List<CalibrationJson>> calibrations(
            @QueryParam("status") @Schema(implementation = CalibrationStatus.class) String status,
            @QueryParam("level") @Schema(implementation = Level.class) String level,
            @QueryParam("outcome") @Schema(implementation = Outcome.class) String outcome) {
        return calibrations.calibrations(filter("status", status, CalibrationStatus.class),
                filter("level", level, Level.class), filter("outcome", outcome, Outcome.class))
                .chain(open::calibrations);
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Every calibration change, live: event name calibration, data a Calibration")
    @APIResponse(responseCode = "200", description = "text/event-stream of Calibration documents",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(type = SchemaType.OBJECT, implementation = CalibrationJson.class)))
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        // an update whose keys cannot be asked for is left out (never shown as erased): the next one, or a reload, shows it
        return stream.updates().onItem().transformToUniAndConcatenate(document -> open.calibrationDocument(document)
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf("a calibration update was left out of the stream: %s", failure.toString());
                            return null;
                        }))
                .map(calibration -> sse.newEventBuilder()
                .name("calibration")
                .mediaType(MediaType.TEXT_PLAIN_TYPE) // the data is already JSON text
                .data(String.class, calibration)
                .build());
    }

    private static <E extends Enum<E>> E filter(String field, String value, Class<E> type) {
        return value == null || value.isBlank() ? null : EnumParameter.of(field, value, type);
    }

    private static <T> T ofKnownLoop(Optional<T> found, String loopId) {
        return found.orElseThrow(() -> ProblemException.notFound("no calibration for loop " + loopId));
    }
}
