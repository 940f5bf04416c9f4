package io.debrief.scorecard.store;

import java.time.Instant;

/**
 * One event in {@code outbox_event}: written in the transaction of the change it describes, read and deleted by the
 * relay. {@code id} becomes the CloudEvent's {@code ce_id}; {@code aggregateId} (the loopId) the record's key.
 * {@code traceparent}/{@code tracestate}: the W3C trace context of the write (null while tracing is off), which the
 * relayed record continues.
 */
public record OutboxRow(String id, String aggregateId, String type, String payload, Instant timestamp,
                        String traceparent, String tracestate) {

    /** A row written outside any trace. */
    public OutboxRow(String id, String aggregateId, String type, String payload, Instant timestamp) {
        this(id, aggregateId, type, payload, timestamp, null, null);
    }
}
