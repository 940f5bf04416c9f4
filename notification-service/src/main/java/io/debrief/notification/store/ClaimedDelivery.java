package io.debrief.notification.store;

import java.util.UUID;

import io.debrief.notification.domain.EventType;
import io.debrief.notification.domain.StoredDecision;
import io.debrief.notification.domain.StoredEvent;

/**
 * A delivery claimed by this instance for one attempt: it holds the lease until {@code claimToken} is cleared.
 *
 * @param attempt  the number of this attempt, 1 for the first
 * @param decision what it delivers when {@code type} is {@code hiring.decision.made}, else null
 * @param event    what it delivers for every other type, else null
 */
public record ClaimedDelivery(long id, UUID claimToken, String webhookId, int attempt, UUID subscriptionId,
        String url, String secret, EventType type, StoredDecision decision, StoredEvent event) {

    public ClaimedDelivery(long id, UUID claimToken, String webhookId, int attempt, UUID subscriptionId, String url,
            String secret, StoredDecision decision) {
        this(id, claimToken, webhookId, attempt, subscriptionId, url, secret, EventType.DECISION_MADE, decision, null);
    }

    @Override
    public String toString() {
        return "ClaimedDelivery[webhookId=" + webhookId + ", attempt=" + attempt + ", url=" + url + "]";
    }
}
