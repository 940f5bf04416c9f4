package io.debrief.notification.api;

import java.time.Instant;

import io.debrief.notification.domain.Delivery;
import io.debrief.notification.domain.DeliveryStatus;

/** One entry of a subscription's delivery log. */
public record DeliveryView(String webhookId, String loopId, int decisionVersion, DeliveryStatus status, int attempts,
        Integer lastStatusCode, Instant nextAttemptAt, Instant deliveredAt, String lastError) {

    static DeliveryView of(Delivery delivery) {
        return new DeliveryView(delivery.webhookId(), delivery.loopId(), delivery.decisionVersion(),
                delivery.status(), delivery.attempts(), delivery.lastStatusCode(),
                delivery.status() == DeliveryStatus.PENDING ? delivery.nextAttemptAt() : null,
                delivery.deliveredAt(), delivery.lastError());
    }
}
