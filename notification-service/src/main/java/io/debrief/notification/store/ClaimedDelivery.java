package io.debrief.notification.store;

import java.util.UUID;

import io.debrief.notification.domain.EventType;
import io.debrief.notification.domain.StoredDecision;
import io.debrief.notification.domain.StoredEvent;
import io.debrief.notification.domain.TraceContext;

/**
 * A delivery claimed by this instance for one attempt: it holds the lease until {@code claimToken} is cleared.
 *
 * @param attempt  the number of this attempt, 1 for the first
 * @param decision what it delivers when {@code type} is {@code hiring.decision.made}, else null
 * @param event    what it delivers for every other type, else null
 * @param trace    the trace context its decision or event arrived with: the attempt's span continues it
 */
public record ClaimedDelivery(long id, UUID claimToken, String webhookId, int attempt, UUID subscriptionId,
        String url, String secret, EventType type, StoredDecision decision, StoredEvent event, TraceContext trace) {

    public ClaimedDelivery {
        trace = trace == null ? TraceContext.NONE : trace;
    }

    public ClaimedDelivery(long id, UUID claimToken, String webhookId, int attempt, UUID subscriptionId, String url,
            String secret, StoredDecision decision) {
        this(id, claimToken, webhookId, attempt, subscriptionId, url, secret, EventType.DECISION_MADE, decision, null,
                TraceContext.NONE);
    }

    @Override
    public String toString() {
        return "ClaimedDelivery[webhookId=" + webhookId + ", attempt=" + attempt + ", url=" + url + "]";
    }
}
