package io.debrief.scorecard.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.debrief.platform.security.Roles;
import io.debrief.scorecard.domain.Area;
import io.debrief.scorecard.domain.Level;
import io.debrief.scorecard.domain.Plan;
import io.debrief.scorecard.domain.Plans;
import io.debrief.scorecard.domain.Stage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/plans} (CONTRACT.md Part 2): each level's interview plan, as configured. */
@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Interview process")
public class PlansResource {

    /** {@code {JUNIOR:{…}, MID:{…}, SENIOR:{…}}}. */
    @Schema(name = "Plans")
    public record PlansView(PlanView JUNIOR, PlanView MID, PlanView SENIOR) {
    }

    @Schema(name = "Plan")
    public record PlanView(List<StageView> stages, List<QuestionRangeView> questionRanges) {
    }

    @Schema(name = "PlanStage")
    public record StageView(Stage stage, int minutes, List<Area> focusAreas) {
    }

    @Schema(name = "QuestionRange", description = "Questions from..to of the handbook's numbering")
    public record QuestionRangeView(String topic, int from, int to) {
    }

    private final PlansView plans;

    public PlansResource(Plans plans) {
        this.plans = new PlansView(view(plans.of(Level.JUNIOR)), view(plans.of(Level.MID)),
                view(plans.of(Level.SENIOR)));
    }

    private static PlanView view(Plan plan) {
        return new PlanView(
                plan.stages().stream().map(s -> new StageView(s.stage(), s.minutes(), s.focusAreas())).toList(),
                plan.questionRanges().stream().map(r -> new QuestionRangeView(r.topic(), r.from(), r.to())).toList());
    }

    @GET
    @RolesAllowed({Roles.INTERVIEWER, Roles.RECRUITER, Roles.HIRING_MANAGER, Roles.ADMIN})
    @Operation(summary = "The interview plans", description = "Each level's stages with their minutes and focus "
            + "areas, and the handbook's question ranges. Any signed-in role.")
    @APIResponse(responseCode = "200", description = "The plans", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlansView.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "A token without any of the four roles")
    @APIResponse(responseCode = "503", description = "The service is at capacity; Retry-After says when to try again")
    public PlansView plans() {
        return plans;
    }
}
