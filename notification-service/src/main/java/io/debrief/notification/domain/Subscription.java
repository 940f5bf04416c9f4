package io.debrief.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook subscription. {@code toString} never shows the secret. */
public record Subscription(UUID id, String url, String description, List<String> outcomes, List<String> levels,
        String secret, Instant createdAt, Instant disabledAt, String disabledReason) {

    public Subscription {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    public boolean active() {
        return disabledAt == null;
    }

    /** Whether this subscription is sent {@code decision}: it is active and its filter matches. */
    public boolean receives(IncomingDecision decision) {
        return active() && filter().matches(decision.outcome(), decision.level());
    }

    public SubscriptionFilter filter() {
        return new SubscriptionFilter(outcomes, levels);
    }

    /** The {@code webhook-id} of the delivery of one event to this subscription: the same on every attempt. */
    public String webhookId(String eventId) {
        return eventId + ":" + id;
    }

    @Override
    public String toString() {
        return "Subscription[id=" + id + ", url=" + url + ", outcomes=" + outcomes + ", levels=" + levels
                + ", disabledAt=" + disabledAt + "]";
    }
}
