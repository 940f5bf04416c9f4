package io.debrief.notification.webhooks;

import io.debrief.notification.domain.TraceContext;

/**
 * One attempt to send: where, under which {@code webhook-id}, signed with which secret, the body (the same bytes
 * on every attempt), and the trace context of what it delivers (the attempt's span continues it). {@code toString}
 * never shows the secret or the body (it names a candidate).
 */
public record WebhookRequest(String url, String webhookId, String secret, String body, TraceContext trace) {

    public WebhookRequest {
        trace = trace == null ? TraceContext.NONE : trace;
    }

    /** An attempt for something that arrived without a trace context. */
    public WebhookRequest(String url, String webhookId, String secret, String body) {
        this(url, webhookId, secret, body, TraceContext.NONE);
    }

    @Override
    public String toString() {
        return "WebhookRequest[webhookId=" + webhookId + ", url=" + url + "]";
    }
}
