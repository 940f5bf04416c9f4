package io.debrief.notification.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.debrief.notification.domain.Level;
import io.debrief.notification.domain.Outcome;

/**
 * {@code POST /api/subscriptions}. Without {@code types} a subscription receives decisions only
 * ({@code hiring.decision.made}); without outcomes or levels, every decision; without interviewers, every overdue
 * reminder (when it receives {@code hiring.scorecard.overdue}).
 */
public record SubscriptionRequest(
        @NotBlank @Size(max = 2000) String url,
        @Size(max = 500) String description,
        @Schema(description = "what it receives; default [hiring.decision.made]", enumeration = {
                "hiring.decision.made", "hiring.decision.finalized", "hiring.scorecard.overdue",
                "hiring.candidate.erased" })
        List<@NotNull WebhookType> types,
        @Schema(description = "hiring.decision.made only: the outcomes it receives; empty or missing: all")
        List<@NotNull Outcome> outcomes,
        @Schema(description = "hiring.decision.made only: the levels it receives; empty or missing: all")
        List<@NotNull Level> levels,
        @Schema(description = "hiring.scorecard.overdue only: the interviewers whose reminders it receives; empty or"
                + " missing: all")
        @Size(max = 200) List<@NotBlank @Size(max = 200) String> interviewers) {
}
