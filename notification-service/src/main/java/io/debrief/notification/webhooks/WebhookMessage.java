package io.debrief.notification.webhooks;

import java.time.Instant;

/** The Standard Webhooks envelope {@code {"type", "timestamp", "data"}} around an event's data. */
public final class WebhookMessage {

    public static final String DECISION_MADE = "hiring.decision.made";

    private WebhookMessage() {
    }

    /**
     * @param type     the webhook event type, e.g. {@code hiring.decision.made} (a fixed name: no escaping needed)
     * @param occurred when the event happened
     * @param data     the event's data as JSON text, embedded as it is
     */
    public static String body(String type, Instant occurred, String data) {
        return "{\"type\":\"" + type + "\",\"timestamp\":\"" + occurred + "\",\"data\":" + data + "}";
    }
}
