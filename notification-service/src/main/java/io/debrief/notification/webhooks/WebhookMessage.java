package io.debrief.notification.webhooks;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.debrief.notification.events.DecisionJson;
import io.debrief.notification.store.StoredDecision;

/** The body of a {@code hiring.decision.made} webhook: the same bytes on every attempt. */
public final class WebhookMessage {

    public static final String TYPE = "hiring.decision.made";

    private WebhookMessage() {
    }

    public static String body(StoredDecision decision) {
        ObjectNode data = decision.relay();
        ObjectNode message = DecisionJson.newObject();
        message.put("type", TYPE);
        message.put("timestamp", occurredAt(data, decision.receivedAt()).toString());
        message.set("data", data);
        return DecisionJson.write(message);
    }

    /** When the decision was made; the time we received it if upstream did not say. */
    private static Instant occurredAt(ObjectNode data, Instant receivedAt) {
        JsonNode decidedAt = data.get("decidedAt");
        if (decidedAt != null && decidedAt.isTextual()) {
            try {
                return Instant.parse(decidedAt.asText());
            } catch (DateTimeParseException ignored) {
                // fall through to the received time
            }
        }
        return receivedAt;
    }
}
