package io.debrief.scorecard.api;

import io.debrief.scorecard.domain.Limits;
import io.debrief.scorecard.domain.Stage;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record PanelMemberRequest(
        @NotBlank @Size(max = Limits.MAX_ID_LENGTH) String interviewerId,
        @NotNull Stage stage) {
}
