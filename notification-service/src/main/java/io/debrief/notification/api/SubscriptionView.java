package io.debrief.notification.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.debrief.notification.domain.Subscription;

/** A subscription as {@code GET} shows it: never the secret. */
public record SubscriptionView(UUID id, String url, String description, List<String> types, List<String> outcomes,
        List<String> levels, List<String> interviewers, Instant createdAt, boolean active, Instant disabledAt,
        String disabledReason) {

    static SubscriptionView of(Subscription subscription) {
        return new SubscriptionView(subscription.id(), subscription.url(), subscription.description(),
                names(subscription), subscription.outcomes(), subscription.levels(), subscription.interviewers(),
                subscription.createdAt(), subscription.active(), subscription.disabledAt(),
                subscription.disabledReason());
    }

    static List<String> names(Subscription subscription) {
        return subscription.types().stream().map(type -> type.wireName()).toList();
    }
}
