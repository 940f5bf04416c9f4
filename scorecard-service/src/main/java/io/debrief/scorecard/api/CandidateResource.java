package io.debrief.scorecard.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.debrief.platform.security.Roles;
import io.debrief.scorecard.domain.DomainException;
import io.debrief.scorecard.usecase.EraseCandidate;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A candidate's erasure (issue 18, CONTRACT.md Part 2): admins only. */
@Path("/api/candidates/{candidateId}/erasure")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Candidates")
public class CandidateResource {

    /** The answer: every loop of the candidate, all erased, and when the last of them was. */
    @Schema(name = "Erasure", example = """
            {"candidateId":"cand-42","loopIds":["5f0c6a52-2b1e-4d43-9a53-7c1d3e9b8a01"],
             "erasedAt":"2026-12-02T09:00:00.000Z"}""")
    public record ErasureView(String candidateId, List<String> loopIds, Instant erasedAt) {

        static ErasureView of(EraseCandidate.Erasure erasure) {
            return new ErasureView(erasure.candidateId(), erasure.loopIds().stream().map(UUID::toString).toList(),
                    erasure.erasedAt());
        }
    }

    private final EraseCandidate eraseCandidate;
    private final SecurityIdentity identity;

    public CandidateResource(EraseCandidate eraseCandidate, SecurityIdentity identity) {
        this.eraseCandidate = eraseCandidate;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Erase a candidate", description = "Removes the candidate's name and every note and evidence "
            + "text of all their loops from every API, page, database, topic and delivery log: the loops' keys are "
            + "destroyed, so the name sealed in events opens nowhere, and every service scrubs its copies when it "
            + "consumes hiring.candidate.erased.v1 (also delivered to webhook subscriptions of that type). Scores, "
            + "checks and decisions stay, anonymised. Idempotent: a repeat answers the same erasure and emits nothing; "
            + "loops opened for the candidate since are erased by it.")
    @APIResponse(responseCode = "202", description = "Erased here; the other services follow from the event",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ErasureView.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No loop of this candidate")
    @APIResponse(responseCode = "503", description = "The database is unavailable or the service is at capacity; "
            + "Retry-After says when to try again")
    public Uni<Response> erase(@PathParam("candidateId") String candidateId) {
        if (candidateId.length() > 200 || candidateId.indexOf('\u0000') >= 0) {
            return Uni.createFrom().failure(new DomainException.NotFound("no loop of candidate "
                    + candidateId.substring(0, Math.min(candidateId.length(), 200)).replace('\u0000', '?')));
        }
        return eraseCandidate.execute(candidateId, Callers.of(identity).subject())
                .map(erasure -> Response.accepted(ErasureView.of(erasure)).build());
    }
}
