package io.debrief.scorecard.store;

import java.time.Instant;

/**
 * One event in {@code outbox_event}: written in the transaction of the change it describes, read and deleted by the
 * relay. {@code id} becomes the CloudEvent's {@code ce_id}; {@code aggregateId} (the loopId) the record's key.
 */
public record OutboxRow(String id, String aggregateId, String type, String payload, Instant timestamp) {
}
