package io.debrief.scorecard.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.debrief.scorecard.domain.Limits;
import io.debrief.scorecard.domain.Stage;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record PanelMemberRequest(
        @NotBlank @Size(max = Limits.MAX_ID_LENGTH) String interviewerId,
        @NotNull Stage stage,
        @Schema(description = "When the interview ends (RFC 3339), optional: reminders are counted from it",
                nullable = true) Instant scheduledEnd) {
}
