package io.debrief.scorecard.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.debrief.scorecard.domain.Level;
import io.debrief.scorecard.domain.Limits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/loops}. */
@Schema(name = "OpenLoop", example = """
        {"candidate":{"id":"cand-42","name":"Ada Lovelace"},"position":"MLOps Engineer","level":"MID",
         "panel":[{"interviewerId":"alice","stage":"TECHNICAL_SCREEN"},{"interviewerId":"bob","stage":"SYSTEM_DESIGN"}]}""")
public record OpenLoopRequest(
        @NotNull @Valid CandidateRequest candidate,
        @NotBlank @Size(max = Limits.MAX_ID_LENGTH) String position,
        @NotNull Level level,
        @NotNull @Size(min = Limits.MIN_PANEL, max = Limits.MAX_PANEL) @DistinctInterviewers
        List<@NotNull @Valid PanelMemberRequest> panel) {
}
