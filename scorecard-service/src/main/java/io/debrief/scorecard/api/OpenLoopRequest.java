package io.debrief.scorecard.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.debrief.scorecard.domain.Level;
import io.debrief.scorecard.domain.Limits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/loops}: a panel of 1 to 20 interviewers, or {@code "plan": true} with {@code interviewers}
 * (one per stage of the level's plan, in its order) and optional {@code scheduledEnds} (one per interviewer). With
 * {@code plan: true} a panel may be given instead, using only the plan's stages.
 */
@Schema(name = "OpenLoop", example = """
        {"candidate":{"id":"cand-42","name":"Ada Lovelace"},"position":"MLOps Engineer","level":"MID",
         "plan":true,"interviewers":["alice","bob","carol"],
         "scheduledEnds":["2026-12-02T09:45:00Z","2026-12-02T10:15:00Z","2026-12-02T10:30:00Z"]}""")
@PanelOrPlan
public record OpenLoopRequest(
        @NotNull @Valid CandidateRequest candidate,
        @NotBlank @Size(max = Limits.MAX_ID_LENGTH) String position,
        @NotNull Level level,
        @Schema(description = "1 to 20 distinct interviewers with their stages; may be omitted with plan: true")
        @Size(max = Limits.MAX_PANEL) @DistinctInterviewers List<@NotNull @Valid PanelMemberRequest> panel,
        @Schema(description = "Fill the panel from the level's plan (GET /api/plans)") Boolean plan,
        @Schema(description = "With plan: true, one interviewer per stage of the plan, in its order")
        @Size(max = Limits.MAX_PANEL) List<@NotBlank @Size(max = Limits.MAX_ID_LENGTH) String> interviewers,
        @Schema(description = "With plan: true and interviewers, each interviewer's scheduled end (optional)")
        @Size(max = Limits.MAX_PANEL) List<@NotNull Instant> scheduledEnds) {

    boolean fromPlan() {
        return Boolean.TRUE.equals(plan);
    }
}
