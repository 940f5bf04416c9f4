package io.debrief.notification.api;

import java.time.Instant;

import io.debrief.notification.domain.Delivery;
import io.debrief.notification.domain.DeliveryStatus;

/**
 * One entry of a subscription's delivery log: the contract's fields, and the webhook {@code type} and the CloudEvents
 * id ({@code eventId}) it delivers; {@code decisionVersion} is null for a type other than hiring.decision.made, and
 * {@code loopId} for an erasure (it names a candidate).
 */
public record DeliveryView(String webhookId, String loopId, Integer decisionVersion, DeliveryStatus status,
        int attempts, Integer lastStatusCode, Instant nextAttemptAt, Instant deliveredAt, String lastError,
        String type, String eventId) {

    static DeliveryView of(Delivery delivery) {
        return new DeliveryView(delivery.webhookId(), delivery.loopId(), delivery.decisionVersion(),
                delivery.status(), delivery.attempts(), delivery.lastStatusCode(),
                delivery.status() == DeliveryStatus.PENDING ? delivery.nextAttemptAt() : null,
                delivery.deliveredAt(), delivery.lastError(), delivery.type().wireName(), delivery.eventId());
    }
}
