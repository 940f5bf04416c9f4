package io.debrief.notification.domain;

import java.time.Instant;

/** An event as stored, once per CloudEvents id. */
public record StoredEvent(long seq, String ceId, EventType type, String loopId, String json, Instant occurredAt) {

    @Override
    public String toString() {
        return "StoredEvent[seq=" + seq + ", " + type + " " + ceId + "]";
    }
}
