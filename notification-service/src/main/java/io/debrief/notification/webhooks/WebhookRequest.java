package io.debrief.notification.webhooks;

/**
 * One attempt to send: where, under which {@code webhook-id}, signed with which secret, and the body (the same bytes
 * on every attempt). {@code toString} never shows the secret or the body (it names a candidate).
 */
public record WebhookRequest(String url, String webhookId, String secret, String body) {

    @Override
    public String toString() {
        return "WebhookRequest[webhookId=" + webhookId + ", url=" + url + "]";
    }
}
