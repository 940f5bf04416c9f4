package io.debrief.notification.domain;

import java.time.Instant;
import java.util.UUID;

/** One row of the delivery log: a decision version on its way to one subscription. */
public record Delivery(String webhookId, UUID subscriptionId, String loopId, int decisionVersion,
        DeliveryStatus status, int attempts, Integer lastStatusCode, String lastError, Instant nextAttemptAt,
        Instant deliveredAt) {
}
