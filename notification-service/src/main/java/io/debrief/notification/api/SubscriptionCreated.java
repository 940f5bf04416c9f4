package io.debrief.notification.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.debrief.notification.domain.Subscription;

/** The answer to {@code POST /api/subscriptions}: the only time the secret is shown. */
public record SubscriptionCreated(UUID id, String url, String description, List<String> types,
        List<String> outcomes, List<String> levels, List<String> interviewers, String secret, Instant createdAt) {

    static SubscriptionCreated of(Subscription subscription) {
        return new SubscriptionCreated(subscription.id(), subscription.url(), subscription.description(),
                SubscriptionView.names(subscription), subscription.outcomes(), subscription.levels(),
                subscription.interviewers(), subscription.secret(), subscription.createdAt());
    }

    @Override
    public String toString() {
        return "SubscriptionCreated[id=" + id + ", url=" + url + "]";
    }
}
