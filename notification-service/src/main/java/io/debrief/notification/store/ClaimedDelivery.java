package io.debrief.notification.store;

import java.time.Instant;
import java.util.UUID;

import io.debrief.notification.domain.StoredDecision;

/**
 * A delivery claimed by this instance for one attempt: it holds the lease until {@code claimToken} is cleared.
 *
 * @param attempt the number of this attempt, 1 for the first
 */
public record ClaimedDelivery(long id, UUID claimToken, String webhookId, int attempt, UUID subscriptionId,
        String url, String secret, StoredDecision decision) {

    @Override
    public String toString() {
        return "ClaimedDelivery[webhookId=" + webhookId + ", attempt=" + attempt + ", url=" + url + "]";
    }
}
