package io.debrief.calibration.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.debrief.calibration.domain.Level;
import io.debrief.calibration.usecase.InterviewerCalibrationView;
import io.debrief.calibration.usecase.QueryInterviewers;
import io.debrief.platform.problem.EnumParameter;
import io.debrief.platform.problem.AccessDenied;
import io.debrief.platform.problem.Problem;
import io.debrief.platform.problem.ProblemException;
import io.debrief.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Interviewer calibration (CONTRACT.md Part 2): how each interviewer deviates from the rest of the same candidate's
 * panel. The overseers read everyone; an interviewer reads their own.
 */
@Path("/api/interviewers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Interviewers")
@APIResponse(responseCode = "400", description = "An unknown level or a since that is not an RFC 3339 time or date",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token (header or session cookie)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles may not read this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "The database is unavailable; retry after Retry-After",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class InterviewerResource {

    private final QueryInterviewers interviewers;
    private final JsonWebToken caller;

    public InterviewerResource(QueryInterviewers interviewers, JsonWebToken caller) {
        this.interviewers = interviewers;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.RECRUITER, Roles.HIRING_MANAGER, Roles.ADMIN})
    @Operation(summary = "Every interviewer's calibration, most deviating first (|meanDeviation| descending)")
    @APIResponse(responseCode = "200", description = "The interviewers with decided loops")
    public Uni<List<InterviewerCalibrationView>> interviewers(
            @QueryParam("level") @Schema(implementation = Level.class) String level,
            @QueryParam("since") @Parameter(description = "Only loops decided at or after this RFC 3339 time or date")
            String since) {
        return interviewers.interviewers(level(level), since(since));
    }

    @GET
    @Path("/{interviewerId}")
    @RolesAllowed({Roles.INTERVIEWER, Roles.RECRUITER, Roles.HIRING_MANAGER, Roles.ADMIN})
    @Operation(summary = "One interviewer's calibration (an interviewer may read their own only)")
    @APIResponse(responseCode = "200", description = "The interviewer's calibration")
    @APIResponse(responseCode = "404", description = "No decided loop of this interviewer (in this level, since then)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<InterviewerCalibrationView> interviewer(@PathParam("interviewerId") String interviewerId,
                                                       @QueryParam("level") @Schema(implementation = Level.class) String level,
                                                       @QueryParam("since") String since) {
        boolean overseer = caller.getGroups() != null && caller.getGroups().stream().anyMatch(Roles.OVERSEERS::contains);
        if (!overseer && !interviewerId.equals(caller.getSubject())) {
            throw new AccessDenied("an interviewer may read their own calibration only");
        }
        return interviewers.interviewer(interviewerId, level(level), since(since)).map(found -> found.orElseThrow(
                () -> ProblemException.notFound("no calibration for interviewer " + interviewerId)));
    }

    private static Level level(String value) {
        return value == null || value.isBlank() ? null : EnumParameter.of("level", value, Level.class);
    }

    /** An RFC 3339 time, or a date (its start, UTC). */
    private static Instant since(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("since", "must be an RFC 3339 time or a date (YYYY-MM-DD)");
        }
    }
}
