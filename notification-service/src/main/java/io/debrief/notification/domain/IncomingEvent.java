package io.debrief.notification.domain;

import java.time.Instant;

/**
 * An event other than a decision, as read from Kafka, for the subscriptions of its type.
 *
 * @param ceId          its CloudEvents id, the identity deliveries and webhook ids are built from
 * @param loopId        the loop it concerns, if one (an erasure names a candidate)
 * @param interviewerId the interviewer it concerns, if one (an overdue reminder)
 * @param json          the event's data as received: relayed unchanged as the webhook's {@code data}
 * @param occurredAt    when it happened: the webhook's {@code timestamp}
 * @param trace         the trace context of the record it came in, kept with it for its webhook attempts
 */
public record IncomingEvent(String ceId, EventType type, String loopId, String interviewerId, String json,
        Instant occurredAt, TraceContext trace) {

    public IncomingEvent {
        trace = trace == null ? TraceContext.NONE : trace;
    }

    /** An event read without a trace context. */
    public IncomingEvent(String ceId, EventType type, String loopId, String interviewerId, String json,
            Instant occurredAt) {
        this(ceId, type, loopId, interviewerId, json, occurredAt, TraceContext.NONE);
    }

    /** The same event, as it arrived in a record with this trace context. */
    public IncomingEvent tracedBy(TraceContext trace) {
        return new IncomingEvent(ceId, type, loopId, interviewerId, json, occurredAt, trace);
    }

    /** Never the JSON. */
    @Override
    public String toString() {
        return "IncomingEvent[" + type + " " + ceId + "]";
    }
}
