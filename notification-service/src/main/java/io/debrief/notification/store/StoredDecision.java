package io.debrief.notification.store;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.debrief.notification.events.DecisionJson;

/**
 * A decision as stored.
 *
 * @param seq  the received order, increasing; the stream replays by it
 * @param json the original Decision JSON
 */
public record StoredDecision(long seq, String loopId, int decisionVersion, String json, String summary,
        Instant receivedAt) {

    public String eventId() {
        return loopId + ":" + decisionVersion;
    }

    /** The Decision as relayed to clients: the original plus a summary when it had none. */
    public ObjectNode relay() {
        return DecisionJson.relay(json, summary);
    }

    /** Never the JSON or the summary: both name the candidate. */
    @Override
    public String toString() {
        return "StoredDecision[seq=" + seq + ", " + eventId() + ", receivedAt=" + receivedAt + "]";
    }
}
