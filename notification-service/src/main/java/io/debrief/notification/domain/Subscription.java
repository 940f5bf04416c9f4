package io.debrief.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook subscription. {@code toString} never shows the secret. */
public record Subscription(UUID id, String url, String description, List<EventType> types, List<String> outcomes,
        List<String> levels, List<String> interviewers, String secret, Instant createdAt, Instant disabledAt,
        String disabledReason) {

    public Subscription {
        types = types == null || types.isEmpty() ? SubscriptionFilter.DEFAULT_TYPES : List.copyOf(types);
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        levels = levels == null ? List.of() : List.copyOf(levels);
        interviewers = interviewers == null ? List.of() : List.copyOf(interviewers);
    }

    public boolean active() {
        return disabledAt == null;
    }

    /** Whether this subscription is sent {@code decision}: it is active and its filter matches. */
    public boolean receives(IncomingDecision decision) {
        return active() && filter().matchesDecision(decision.outcome(), decision.level());
    }

    /** Whether this subscription is sent {@code event}: it is active and its filter matches. */
    public boolean receives(IncomingEvent event) {
        return active() && filter().matchesEvent(event.type(), event.interviewerId());
    }

    public SubscriptionFilter filter() {
        return new SubscriptionFilter(types, outcomes, levels, interviewers);
    }

    /** The {@code webhook-id} of the delivery of one event to this subscription: {@code {ce_id}:{subscriptionId}}. */
    public String webhookId(String eventId) {
        return eventId + ":" + id;
    }

    @Override
    public String toString() {
        return "Subscription[id=" + id + ", url=" + url + ", types=" + types + ", outcomes=" + outcomes + ", levels="
                + levels + ", interviewers=" + interviewers.size() + ", disabledAt=" + disabledAt + "]";
    }
}
