package io.debrief.scorecard.events;

import java.time.Instant;
import java.util.UUID;

/** One pending event as the relay reads it from {@code outbox_event}. */
public record OutboxRow(UUID id, long sequence, String aggregateId, String type, String payload, Instant timestamp) {
}
