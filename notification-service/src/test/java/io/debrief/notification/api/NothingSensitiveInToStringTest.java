package io.debrief.notification.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.debrief.notification.domain.WebhookSignature;
import io.debrief.notification.events.DecisionJson;
import io.debrief.notification.domain.IncomingDecision;
import io.debrief.notification.store.ClaimedDelivery;
import io.debrief.notification.webhooks.WebhookRequest;
import io.debrief.notification.domain.StoredDecision;
import io.debrief.notification.domain.Subscription;

/** What a log line could print by accident: no record's toString shows a secret or a candidate's name. */
class NothingSensitiveInToStringTest {

    private static final String SECRET = WebhookSignature.newSecret();
    private static final String DECISION = "{\"loopId\":\"loop-1\",\"decisionVersion\":1,"
            + "\"candidate\":{\"id\":\"c-1\",\"name\":\"Grace Hopper\"},\"position\":\"MLOps Engineer\","
            + "\"level\":\"SENIOR\",\"outcome\":\"HIRE\"}";

    @Test
    void recordsHoldingTheWebhookSecretDoNotShowIt() {
        Subscription subscription = new Subscription(UUID.randomUUID(), "https://hooks.example.com/", "ATS",
                List.of(), List.of("HIRE"), List.of(), List.of("ivan"), SECRET, Instant.now(), null, null);
        StoredDecision decision = new StoredDecision(1, "loop-1", 1, DECISION, "Hire — Grace Hopper", Instant.now());
        ClaimedDelivery claimed = new ClaimedDelivery(1, UUID.randomUUID(), "loop-1:1:x", 1, subscription.id(),
                subscription.url(), SECRET, decision);

        assertThat(subscription.toString()).contains(subscription.id().toString()).doesNotContain(SECRET)
                .doesNotContain(SECRET.substring("whsec_".length()));
        assertThat(SubscriptionCreated.of(subscription).toString()).doesNotContain(SECRET);
        assertThat(claimed.toString()).contains("loop-1:1:x").doesNotContain(SECRET).doesNotContain("Grace");
        WebhookRequest request = new WebhookRequest(subscription.url(), "loop-1:1:x", SECRET, DECISION);
        assertThat(request.toString()).contains("loop-1:1:x").doesNotContain(SECRET).doesNotContain("Grace");
    }

    @Test
    void decisionsDoNotShowTheCandidateInToString() {
        IncomingDecision incoming = DecisionJson.parse(DECISION);
        StoredDecision stored = new StoredDecision(7, "loop-1", 1, incoming.json(), incoming.summary(), Instant.now());

        assertThat(incoming.json()).contains("Grace Hopper");
        assertThat(incoming.summary()).as("the stored summary").doesNotContain("Grace");
        assertThat(incoming.toString()).contains("loop-1:1").doesNotContain("Grace");
        assertThat(stored.toString()).contains("loop-1:1").doesNotContain("Grace");
    }
}
