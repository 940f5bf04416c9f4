package io.debrief.scorecard.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.debrief.platform.security.Roles;
import io.debrief.scorecard.usecase.ReadAudit;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A loop's audit trail (issue 18): recruiters, hiring managers and admins. */
@Path("/api/loops/{loopId}/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    private final ReadAudit readAudit;

    public AuditResource(ReadAudit readAudit) {
        this.readAudit = readAudit;
    }

    @GET
    @RolesAllowed({Roles.RECRUITER, Roles.HIRING_MANAGER, Roles.ADMIN})
    @Operation(summary = "A loop's audit trail", description = "Every scorecard version, computed decision version, "
            + "final decision and erasure of the loop, oldest first: who, when, and what changed. Scores, "
            + "recommendations, flags and decision facts are shown before and after; notes, evidence and a final "
            + "decision's reason only by name (freeTextChanged), never their text. Decisions appear once "
            + "calibration-service's events have been consumed from hiring-decisions.")
    @APIResponse(responseCode = "200", description = "The entries, oldest first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditEntryView[].class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not a recruiter, hiring manager or admin (an interviewer)")
    @APIResponse(responseCode = "404", description = "No such loop")
    @APIResponse(responseCode = "503", description = "The database is unavailable or the service is at capacity; "
            + "Retry-After says when to try again")
    public Uni<List<AuditEntryView>> audit(@PathParam("loopId") String loopId) {
        return readAudit.of(loopId).map(entries -> entries.stream().map(AuditEntryView::of).toList());
    }
}
