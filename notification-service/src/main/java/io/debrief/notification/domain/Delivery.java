package io.debrief.notification.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the delivery log: an event on its way to one subscription.
 *
 * @param type            the webhook type delivered, e.g. {@code hiring.decision.made}
 * @param eventId         the CloudEvents id of what is delivered ({@code loopId:decisionVersion} for a decision)
 * @param loopId          the loop it concerns, if one
 * @param decisionVersion for a decision, its version; otherwise null
 */
public record Delivery(String webhookId, UUID subscriptionId, EventType type, String eventId, String loopId,
        Integer decisionVersion, DeliveryStatus status, int attempts, Integer lastStatusCode, String lastError,
        Instant nextAttemptAt, Instant deliveredAt) {
}
