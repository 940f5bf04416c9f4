package io.debrief.scorecard.api;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.debrief.scorecard.domain.Caller;
import io.debrief.scorecard.domain.Candidate;
import io.debrief.scorecard.domain.Loop;
import io.debrief.scorecard.domain.PanelMember;
import io.debrief.scorecard.domain.Scorecard;
import io.debrief.scorecard.store.LoopStore;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Loops and their scorecards (CONTRACT.md, scorecard-service). Every method names the roles that may call it
 * (a missing or bad token is a 401 before anything else); the finer rules — the interviewer themself, the panel,
 * blind feedback — are {@link Caller}'s, applied here before anything is read or written (403).
 */
@Path("/api/loops")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Loops and scorecards")
public class LoopResource {

    private static final String PROBLEM = Problem.MEDIA_TYPE;
    private static final String ONLY_THEMSELF = "only the interviewer themself may submit or amend their scorecard";
    private static final String BLIND = "Recruiters, hiring managers and admins read any; an interviewer on the panel "
            + "reads their own, and the others' once they have submitted their own (blind feedback).";
    private static final String FORBIDDEN_READ = "An interviewer not on the panel, or one reading another's scorecard "
            + "before submitting their own";
    private static final String INVALID_EXAMPLE = """
            {"type":"about:blank","title":"Bad Request","status":400,"detail":"the request has invalid fields",
             "violations":[{"field":"scores[CI_CD]","message":"must be less than or equal to 5"}]}""";

    private final LoopStore loops;
    private final IdempotentWrites writes;
    private final SecurityIdentity identity;

    public LoopResource(LoopStore loops, IdempotentWrites writes, SecurityIdentity identity) {
        this.loops = loops;
        this.writes = writes;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.RECRUITER, Caller.ADMIN})
    @Operation(summary = "Open a loop", description = "Opens a candidate's loop with its panel and emits "
            + "hiring.loop.opened.v1. With an Idempotency-Key, a repeat returns the first response and emits nothing.")
    @APIResponse(responseCode = "201", description = "Loop opened; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LoopView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = INVALID_EXAMPLE)))
    @APIResponse(responseCode = "413", description = "Body over 256 KiB", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "415", description = "Body not application/json", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different request",
            content = @Content(mediaType = PROBLEM))
    public Uni<Response> open(@Valid @NotNull OpenLoopRequest request,
                              @Parameter(in = ParameterIn.HEADER, description = "Makes retries safe for 24 h")
                              @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        return writes.run(idempotencyKey, caller().subject(), "POST", "/api/loops", request, tx -> {
            Loop loop = Loop.open(UUID.randomUUID(),
                    new Candidate(request.candidate().id(), request.candidate().name()), request.position(),
                    request.level(), request.panel().stream()
                            .map(seat -> PanelMember.seat(seat.interviewerId(), seat.stage())).toList(),
                    LoopStore.now());
            return loops.open(tx, loop).map(opened -> new IdempotentWrites.Outcome(201,
                    URI.create("/api/loops/" + opened.loopId()), LoopView.of(opened)));
        });
    }

    @GET
    @Path("/{loopId}")
    @RolesAllowed({Caller.RECRUITER, Caller.HIRING_MANAGER, Caller.ADMIN, Caller.INTERVIEWER})
    @Operation(summary = "Read a loop", description = "The loop with its panel: who submitted, at which version. "
            + "Recruiters, hiring managers, admins, and the interviewers on its panel.")
    @APIResponse(responseCode = "200", description = "The loop",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LoopView.class)))
    @APIResponse(responseCode = "404", description = "No such loop", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "An interviewer who is not on the panel",
            content = @Content(mediaType = PROBLEM))
    public Uni<LoopView> get(@PathParam("loopId") String loopId) {
        return readable(loopId).map(LoopView::of);
    }

    @POST
    @Path("/{loopId}/cancel")
    @RolesAllowed({Caller.RECRUITER, Caller.ADMIN})
    @Operation(summary = "Cancel a loop", description = "Cancels the loop and emits hiring.loop.cancelled.v1. "
            + "Cancelling a cancelled loop answers 200 and emits nothing.")
    @APIResponse(responseCode = "200", description = "The cancelled loop",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LoopView.class)))
    @APIResponse(responseCode = "404", description = "No such loop", content = @Content(mediaType = PROBLEM))
    public Uni<Response> cancel(@PathParam("loopId") String loopId) {
        return writes.run(null, caller().subject(), "POST", "/api/loops/" + loopId + "/cancel", null,
                tx -> loops.cancel(tx, loopId).map(loop -> new IdempotentWrites.Outcome(200, null, LoopView.of(loop))));
    }

    @POST
    @Path("/{loopId}/scorecards")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.INTERVIEWER)
    @Operation(summary = "Submit a scorecard", description = "A panel interviewer's first scorecard (version 1); emits "
            + "hiring.scorecard.submitted.v1. Only the interviewer themself: the token's sub is the body's "
            + "interviewerId. Idempotency-Key as for opening a loop (keys are per caller).")
    @APIResponse(responseCode = "201", description = "Scorecard version 1; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScorecardView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or an interviewer not on the panel",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = INVALID_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "The token's sub is not the body's interviewerId",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such loop", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Already submitted (amend with PUT), or the loop is cancelled",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different request",
            content = @Content(mediaType = PROBLEM))
    public Uni<Response> submit(@PathParam("loopId") String loopId, @Valid @NotNull ScorecardRequest request,
                                @Parameter(in = ParameterIn.HEADER, description = "Makes retries safe for 24 h")
                                @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        Caller caller = caller();
        if (!caller.mayWriteScorecardOf(request.interviewerId())) {
            return Uni.createFrom().failure(new AccessDenied(ONLY_THEMSELF));
        }
        String path = "/api/loops/" + loopId + "/scorecards";
        return writes.run(idempotencyKey, caller.subject(), "POST", path, request,
                tx -> loops.submit(tx, loopId, request.interviewerId(), request.content())
                        .map(s -> new IdempotentWrites.Outcome(201, URI.create(path + "/" + segment(s.interviewerId())),
                                ScorecardView.of(s))));
    }

    @PUT
    @Path("/{loopId}/scorecards/{interviewerId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.INTERVIEWER)
    @Operation(summary = "Amend a scorecard", description = "Stores a new version (latest + 1) and emits "
            + "hiring.scorecard.submitted.v1 with it. Earlier versions are kept. Only the interviewer themself (the "
            + "token's sub is the path's interviewerId); the body's interviewerId must match the path.")
    @APIResponse(responseCode = "200", description = "The new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScorecardView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = INVALID_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "The token's sub is not the path's interviewerId",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such loop, or no scorecard of this interviewer to amend",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "The loop is cancelled", content = @Content(mediaType = PROBLEM))
    public Uni<Response> amend(@PathParam("loopId") String loopId, @PathParam("interviewerId") String interviewerId,
                               @Valid @NotNull ScorecardRequest request) {
        Caller caller = caller();
        if (!caller.mayWriteScorecardOf(interviewerId)) {
            return Uni.createFrom().failure(new AccessDenied(ONLY_THEMSELF));
        }
        if (!interviewerId.equals(request.interviewerId())) {
            return Uni.createFrom().failure(new ProblemException(400, "the request has invalid fields",
                    List.of(new Problem.Violation("interviewerId", "must match the interviewer in the path"))));
        }
        return writes.run(null, caller.subject(), "PUT", "/api/loops/" + loopId + "/scorecards/" + interviewerId, request,
                tx -> loops.amend(tx, loopId, interviewerId, request.content())
                        .map(s -> new IdempotentWrites.Outcome(200, null, ScorecardView.of(s))));
    }

    @GET
    @Path("/{loopId}/scorecards")
    @RolesAllowed({Caller.RECRUITER, Caller.HIRING_MANAGER, Caller.ADMIN, Caller.INTERVIEWER})
    @Operation(summary = "List a loop's scorecards", description = "The latest version of each submitted scorecard, "
            + "in panel order. Recruiters, hiring managers and admins see all; an interviewer on the panel sees "
            + "everyone's once they have submitted their own, before that nothing (blind feedback).")
    @APIResponse(responseCode = "200", description = "Latest scorecards", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScorecardView[].class)))
    @APIResponse(responseCode = "404", description = "No such loop", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "An interviewer who is not on the panel",
            content = @Content(mediaType = PROBLEM))
    public Uni<List<ScorecardView>> list(@PathParam("loopId") String loopId) {
        Caller caller = caller();
        return readable(loopId).flatMap(loop -> loops.latestScorecards(loop)
                .map(all -> all.stream().filter(s -> caller.mayReadScorecardOf(loop, s.interviewerId()))
                        .map(ScorecardView::of).toList()));
    }

    @GET
    @Path("/{loopId}/scorecards/{interviewerId}")
    @RolesAllowed({Caller.RECRUITER, Caller.HIRING_MANAGER, Caller.ADMIN, Caller.INTERVIEWER})
    @Operation(summary = "Read a scorecard", description = "The latest version of one interviewer's scorecard. "
            + BLIND)
    @APIResponse(responseCode = "200", description = "The latest version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScorecardView.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN_READ, content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such loop or no scorecard yet",
            content = @Content(mediaType = PROBLEM))
    public Uni<ScorecardView> scorecard(@PathParam("loopId") String loopId,
                                        @PathParam("interviewerId") String interviewerId) {
        return history(loopId, interviewerId).map(versions -> ScorecardView.of(versions.get(versions.size() - 1)));
    }

    @GET
    @Path("/{loopId}/scorecards/{interviewerId}/versions")
    @RolesAllowed({Caller.RECRUITER, Caller.HIRING_MANAGER, Caller.ADMIN, Caller.INTERVIEWER})
    @Operation(summary = "A scorecard's history", description = "Every version of one interviewer's scorecard, "
            + "oldest first (an extension of the contract). " + BLIND)
    @APIResponse(responseCode = "200", description = "All versions", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScorecardView[].class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN_READ, content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such loop or no scorecard yet",
            content = @Content(mediaType = PROBLEM))
    public Uni<List<ScorecardView>> versions(@PathParam("loopId") String loopId,
                                             @PathParam("interviewerId") String interviewerId) {
        return history(loopId, interviewerId).map(all -> all.stream().map(ScorecardView::of).toList());
    }

    // ---- access ----

    private Caller caller() {
        return Callers.of(identity);
    }

    /** The loop, when the caller may read it: 404 for no such loop, 403 for an interviewer not on its panel. */
    private Uni<Loop> readable(String loopId) {
        Caller caller = caller();
        return loops.find(loopId).invoke(loop -> {
            if (!caller.mayRead(loop)) {
                throw new AccessDenied("only recruiters, hiring managers, admins and this loop's panel may read it");
            }
        });
    }

    /** One interviewer's versions, when the caller may read them (blind feedback); 404 when there are none. */
    private Uni<List<Scorecard>> history(String loopId, String interviewerId) {
        Caller caller = caller();
        return readable(loopId).flatMap(loop -> {
            if (!caller.mayReadScorecardOf(loop, interviewerId)) {
                return Uni.createFrom().failure(new AccessDenied(
                        "blind feedback: other interviewers' scorecards can be read after submitting your own"));
            }
            return loops.history(loop, interviewerId);
        });
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
