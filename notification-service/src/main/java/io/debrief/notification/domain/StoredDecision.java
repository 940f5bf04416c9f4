package io.debrief.notification.domain;

import java.time.Instant;

/**
 * A decision as stored.
 *
 * @param seq  the received order, increasing; the stream replays by it
 * @param json the original Decision JSON
 */
public record StoredDecision(long seq, String loopId, int decisionVersion, String json, String summary,
        Instant receivedAt) {

    /** See {@link IncomingDecision#eventId(String, int)}. */
    public String eventId() {
        return IncomingDecision.eventId(loopId, decisionVersion);
    }

    /** Never the JSON or the summary: both name the candidate. */
    @Override
    public String toString() {
        return "StoredDecision[seq=" + seq + ", " + eventId() + ", receivedAt=" + receivedAt + "]";
    }
}
