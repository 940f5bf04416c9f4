package io.debrief.scorecard.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.debrief.platform.problem.EnumParameter;
import io.debrief.platform.problem.Problem;
import io.debrief.platform.problem.ProblemException;
import io.debrief.platform.security.Roles;
import io.debrief.scorecard.domain.Candidate;
import io.debrief.scorecard.domain.Caller;
import io.debrief.scorecard.domain.LoopStatus;
import io.debrief.scorecard.domain.PanelMember;
import io.debrief.scorecard.usecase.CancelLoop;
import io.debrief.scorecard.usecase.OpenLoop;
import io.debrief.scorecard.usecase.ReadLoops;
import io.debrief.scorecard.usecase.WriteScorecard;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Loops and their scorecards (CONTRACT.md, scorecard-service): HTTP in, a use case, HTTP out. Every method names the
 * roles that may call it (a missing or bad token is a 401 before anything else); the finer rules — the interviewer
 * themself, the panel, blind feedback — are the use cases' ({@code domain.Caller}), answered 403.
 */
@Path("/api/loops")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Loops and scorecards")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token's roles (or the rules below) do not allow this call")
@APIResponse(responseCode = "503", description = "The database is unavailable or the service is at capacity; "
        + "Retry-After says when to try again")
public class LoopResource {

    private static final String PROBLEM = Problem.MEDIA_TYPE;
    private static final String BLIND = "Recruiters, hiring managers and admins read any; an interviewer on the panel "
            + "reads their own, and the others' once they have submitted their own (blind feedback).";
    private static final String FORBIDDEN_READ = "An interviewer not on the panel, or one reading another's scorecard "
            + "before submitting their own";
    private static final String INVALID_EXAMPLE = """
            {"type":"about:blank","title":"Bad Request","status":400,"detail":"the request has invalid fields",
             "violations":[{"field":"scores[CI_CD]","message":"must be less than or equal to 5"}]}""";

    private final OpenLoop openLoop;
    private final CancelLoop cancelLoop;
    private final WriteScorecard writeScorecard;
    private final ReadLoops readLoops;
    private final IdempotencyKeys keys;
    private final LoopViews views;
    private final SecurityIdentity identity;

    public LoopResource(OpenLoop openLoop, CancelLoop cancelLoop, WriteScorecard writeScorecard, ReadLoops readLoops,
                        IdempotencyKeys keys, LoopViews views, SecurityIdentity identity) {
        this.views = views;
        this.openLoop = openLoop;
        this.cancelLoop = cancelLoop;
        this.writeScorecard = writeScorecard;
        this.readLoops = readLoops;
        this.keys = keys;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RECRUITER, Roles.ADMIN})
    @Operation(summary = "Open a loop", description = "Opens a candidate's loop with its panel and emits "
            + "hiring.loop.opened.v1. With an Idempotency-Key, a repeat returns the first response and emits nothing.")
    @APIResponse(responseCode = "201", description = "Loop opened; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LoopView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "invalid", value = INVALID_EXAMPLE)))
    public Uni<Response> open(@Valid @NotNull OpenLoopRequest request,
                              @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        List<PanelMember> panel = request.panel() == null ? List.of() : request.panel().stream()
                .map(seat -> PanelMember.seat(seat.interviewerId(), seat.stage(), seat.scheduledEnd())).toList();
        OpenLoop.Command command = new OpenLoop.Command(
                new Candidate(request.candidate().id(), request.candidate().name()), request.position(),
                request.level(), panel, request.fromPlan(), request.interviewers(), request.scheduledEnds());
        return openLoop.execute(command, keys.key(idempotencyKey, caller().subject(), "POST", "/api/loops", request),
                        loop -> keys.reply(201, "/api/loops/" + loop.loopId(), views.of(loop)))
                .map(IdempotencyKeys::response);
    }

    @GET
    @RolesAllowed({Roles.RECRUITER, Roles.HIRING_MANAGER, Roles.ADMIN, Roles.INTERVIEWER})
    @Operation(summary = "List loops", description = "Loops newest first (at most " + ReadLoops.MAX_LISTED + "): the "
            + "loops whose panel holds the interviewer, with the status when given. An interviewer lists their own "
            + "(interviewer may be omitted or must be their own id); recruiters, hiring managers and admins anyone's, "
            + "or every loop without interviewer.")
    @APIResponse(responseCode = "200", description = "The loops, newest first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LoopView[].class)))
    @APIResponse(responseCode = "400", description = "An unknown status")
    @APIResponse(responseCode = "403", description = "An interviewer naming another interviewer")
    public Uni<List<LoopView>> list(
            @Parameter(description = "An interviewer's id") @QueryParam("interviewer") String interviewer,
            @Parameter(description = "OPEN or CANCELLED") @QueryParam("status") String status) {
        return readLoops.list(caller(), interviewer == null || interviewer.isEmpty() ? null : interviewer,
                        status(status))
                .map(loops -> loops.stream().map(views::of).toList());
    }

    private static LoopStatus status(String status) {
        return status == null || status.isEmpty() ? null : EnumParameter.of("status", status, LoopStatus.class);
    }

    @GET
    @Path("/{loopId}")
    @RolesAllowed({Roles.RECRUITER, Roles.HIRING_MANAGER, Roles.ADMIN, Roles.INTERVIEWER})
    @Operation(summary = "Read a loop", description = "The loop with its panel: who submitted, at which version. "
            + "Recruiters, hiring managers, admins, and the interviewers on its panel.")
    @APIResponse(responseCode = "200", description = "The loop",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LoopView.class)))
    @APIResponse(responseCode = "404", description = "No such loop")
    @APIResponse(responseCode = "403", description = "An interviewer who is not on the panel")
    public Uni<LoopView> get(@PathParam("loopId") String loopId) {
        return readLoops.loop(caller(), loopId).map(views::of);
    }

    @POST
    @Path("/{loopId}/cancel")
    @RolesAllowed({Roles.RECRUITER, Roles.ADMIN})
    @Operation(summary = "Cancel a loop", description = "Cancels the loop and emits hiring.loop.cancelled.v1. "
            + "Cancelling a cancelled loop answers 200 and emits nothing.")
    @APIResponse(responseCode = "200", description = "The cancelled loop",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LoopView.class)))
    @APIResponse(responseCode = "404", description = "No such loop")
    public Uni<LoopView> cancel(@PathParam("loopId") String loopId) {
        return cancelLoop.execute(loopId).map(views::of);
    }

    @POST
    @Path("/{loopId}/scorecards")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INTERVIEWER)
    @Operation(summary = "Submit a scorecard", description = "A panel interviewer's first scorecard (version 1); emits "
            + "hiring.scorecard.submitted.v1. Only the interviewer themself: the token's sub is the body's "
            + "interviewerId. Idempotency-Key as for opening a loop (keys are per caller).")
    @APIResponse(responseCode = "201", description = "Scorecard version 1; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScorecardView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or an interviewer not on the panel",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "invalid", value = INVALID_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "The token's sub is not the body's interviewerId")
    @APIResponse(responseCode = "404", description = "No such loop")
    @APIResponse(responseCode = "409", description = "Already submitted (amend with PUT), or the loop is cancelled")
    public Uni<Response> submit(@PathParam("loopId") String loopId, @Valid @NotNull ScorecardRequest request,
                                @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        Caller caller = caller();
        String path = "/api/loops/" + loopId + "/scorecards";
        return writeScorecard.submit(
                        new WriteScorecard.Command(caller, loopId, request.interviewerId(), request.content()),
                        keys.key(idempotencyKey, caller.subject(), "POST", path, request),
                        s -> keys.reply(201, path + "/" + segment(s.interviewerId()), ScorecardView.of(s)))
                .map(IdempotencyKeys::response);
    }

    @PUT
    @Path("/{loopId}/scorecards/{interviewerId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INTERVIEWER)
    @Operation(summary = "Amend a scorecard", description = "Stores a new version (latest + 1) and emits "
            + "hiring.scorecard.submitted.v1 with it. Earlier versions are kept. Only the interviewer themself (the "
            + "token's sub is the path's interviewerId); the body's interviewerId must match the path. "
            + "Idempotency-Key as for submitting (keys are per caller).")
    @APIResponse(responseCode = "200", description = "The new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScorecardView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "invalid", value = INVALID_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "The token's sub is not the path's interviewerId")
    @APIResponse(responseCode = "404", description = "No such loop, or no scorecard of this interviewer to amend")
    @APIResponse(responseCode = "409", description = "The loop is cancelled")
    public Uni<Response> amend(@PathParam("loopId") String loopId, @PathParam("interviewerId") String interviewerId,
                               @Valid @NotNull ScorecardRequest request,
                               @Parameter(in = ParameterIn.HEADER, description = IdempotencyResponses.KEY
                                       + ": a repeat returns the first response and stores no second version")
                               @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        Caller caller = caller();
        if (caller.mayWriteScorecardOf(interviewerId) && !interviewerId.equals(request.interviewerId())) {
            return Uni.createFrom().failure(
                    ProblemException.invalid("interviewerId", "must match the interviewer in the path"));
        }
        String path = "/api/loops/" + loopId + "/scorecards/" + interviewerId;
        return writeScorecard.amend(new WriteScorecard.Command(caller, loopId, interviewerId, request.content()),
                        keys.key(idempotencyKey, caller.subject(), "PUT", path, request),
                        s -> keys.reply(200, null, ScorecardView.of(s)))
                .map(IdempotencyKeys::response);
    }

    @GET
    @Path("/{loopId}/scorecards")
    @RolesAllowed({Roles.RECRUITER, Roles.HIRING_MANAGER, Roles.ADMIN, Roles.INTERVIEWER})
    @Operation(summary = "List a loop's scorecards", description = "The latest version of each submitted scorecard, "
            + "in panel order. Recruiters, hiring managers and admins see all; an interviewer on the panel sees "
            + "everyone's once they have submitted their own, before that nothing (blind feedback).")
    @APIResponse(responseCode = "200", description = "Latest scorecards", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScorecardView[].class)))
    @APIResponse(responseCode = "404", description = "No such loop")
    @APIResponse(responseCode = "403", description = "An interviewer who is not on the panel")
    public Uni<List<ScorecardView>> list(@PathParam("loopId") String loopId) {
        return readLoops.latestScorecards(caller(), loopId)
                .map(all -> all.stream().map(ScorecardView::of).toList());
    }

    @GET
    @Path("/{loopId}/scorecards/{interviewerId}")
    @RolesAllowed({Roles.RECRUITER, Roles.HIRING_MANAGER, Roles.ADMIN, Roles.INTERVIEWER})
    @Operation(summary = "Read a scorecard", description = "The latest version of one interviewer's scorecard. "
            + BLIND)
    @APIResponse(responseCode = "200", description = "The latest version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScorecardView.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN_READ)
    @APIResponse(responseCode = "404", description = "No such loop or no scorecard yet")
    public Uni<ScorecardView> scorecard(@PathParam("loopId") String loopId,
                                        @PathParam("interviewerId") String interviewerId) {
        return readLoops.versions(caller(), loopId, interviewerId)
                .map(versions -> ScorecardView.of(versions.get(versions.size() - 1)));
    }

    @GET
    @Path("/{loopId}/scorecards/{interviewerId}/versions")
    @RolesAllowed({Roles.RECRUITER, Roles.HIRING_MANAGER, Roles.ADMIN, Roles.INTERVIEWER})
    @Operation(summary = "A scorecard's history", description = "Every version of one interviewer's scorecard, "
            + "oldest first (an extension of the contract). " + BLIND)
    @APIResponse(responseCode = "200", description = "All versions", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScorecardView[].class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN_READ)
    @APIResponse(responseCode = "404", description = "No such loop or no scorecard yet")
    public Uni<List<ScorecardView>> versions(@PathParam("loopId") String loopId,
                                             @PathParam("interviewerId") String interviewerId) {
        return readLoops.versions(caller(), loopId, interviewerId)
                .map(all -> all.stream().map(ScorecardView::of).toList());
    }

    private Caller caller() {
        return Callers.of(identity);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
