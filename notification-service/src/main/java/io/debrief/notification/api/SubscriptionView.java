package io.debrief.notification.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.debrief.notification.domain.Subscription;

/** A subscription as {@code GET} shows it: never the secret. */
public record SubscriptionView(UUID id, String url, String description, List<String> outcomes, List<String> levels,
        Instant createdAt, boolean active, Instant disabledAt, String disabledReason) {

    static SubscriptionView of(Subscription subscription) {
        return new SubscriptionView(subscription.id(), subscription.url(), subscription.description(),
                subscription.outcomes(), subscription.levels(), subscription.createdAt(), subscription.active(),
                subscription.disabledAt(), subscription.disabledReason());
    }
}
