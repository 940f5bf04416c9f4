package io.debrief.notification.domain;

public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}
