package io.debrief.notification.store;

public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}
