package io.debrief.notification.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.debrief.notification.domain.Level;
import io.debrief.notification.domain.Outcome;

/** {@code POST /api/subscriptions}. Without outcomes or levels, a subscription receives every decision. */
public record SubscriptionRequest(
        @NotBlank @Size(max = 2000) String url,
        @Size(max = 500) String description,
        List<@NotNull Outcome> outcomes,
        List<@NotNull Level> levels) {
}
