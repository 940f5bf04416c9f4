package io.debrief.notification.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.debrief.notification.support.Api;
import io.debrief.notification.support.Decisions;
import io.debrief.notification.support.Kafka;
import io.debrief.notification.support.ReceivesWebhooks;
import io.debrief.notification.support.WebhookReceiver;
import io.debrief.testsupport.LocalStackTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The webhook meters move on the real broker, database and an HTTP receiver (issue 17, patches N1 and N2): an attempt
 * counts by result and records how long it took, a 410 Gone counts a disabled subscription, a poison record counts as
 * dead-lettered by its topic, and the queue gauges are polled from the start.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class WebhookMetricsIT extends ReceivesWebhooks {

    @Inject
    MeterRegistry registry;

    private final List<String> subscriptions = new ArrayList<>();

    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(id -> Api.asRecruiter().delete("/api/subscriptions/{id}", id));
    }

    @Test
    void aDeliveredAttemptCountsAndIsTimed() {
        WebhookReceiver.Endpoint endpoint = receiver.endpoint("metrics-delivered");
        subscriptions.add(Api.subscribe(receiver, endpoint, null, null));
        double delivered = attempts("delivered");
        long timed = registry.get("debrief.webhooks.attempt.duration").timer().count();
        String loopId = Kafka.newLoopId("metrics-delivered");

        Kafka.publishDecision(loopId, 1, Decisions.json(loopId, 1, "HIRE", "MID"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(attempts("delivered")).isGreaterThan(delivered));
        assertThat(endpoint.receivedFor(loopId)).hasSize(1);
        assertThat(registry.get("debrief.webhooks.attempt.duration").timer().count()).isGreaterThan(timed);
    }

    @Test
    void aGoneReceiverCountsAGoneAttemptAndADisabledSubscription() {
        WebhookReceiver.Endpoint endpoint = receiver.endpoint("metrics-gone").answer(410);
        subscriptions.add(Api.subscribe(receiver, endpoint, null, null));
        double gone = attempts("gone");
        double disabled = registry.get("debrief.webhooks.subscriptions.disabled").counter().count();
        String loopId = Kafka.newLoopId("metrics-gone");

        Kafka.publishDecision(loopId, 1, Decisions.json(loopId, 1, "NO_HIRE", "SENIOR"));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(attempts("gone")).isEqualTo(gone + 1);
            assertThat(registry.get("debrief.webhooks.subscriptions.disabled").counter().count())
                    .isEqualTo(disabled + 1);
        });
    }

    @Test
    void aPoisonDecisionCountsAsDeadLetteredByItsTopic() {
        double before = deadLetters(Kafka.HIRING_DECISIONS);
        String loopId = Kafka.newLoopId("metrics-poison");

        Kafka.sendDecisionRecord(loopId, "{not json", loopId + ":1", "hiring.decision.made.v1");

        await().atMost(WAIT).untilAsserted(() -> assertThat(deadLetters(Kafka.HIRING_DECISIONS)).isEqualTo(before + 1));
        assertThat(deadLetters("scorecard-events")).as("registered at start").isNotNegative();
    }

    @Test
    void theQueueGaugesAreScrapedWithNumbers() {
        await().atMost(WAIT).untilAsserted(() -> {
            String scraped = given().get("/q/metrics").then().statusCode(200).extract().asString();
            for (String gauge : new String[] {"debrief_webhooks_deliveries_pending",
                    "debrief_webhooks_oldest_pending_age_seconds", "debrief_webhooks_oldest_due_age_seconds"}) {
                assertThat(scraped).containsPattern("(?m)^" + gauge + "(\\{[^}]*})? [0-9.]+(E[0-9]+)?$");
            }
            assertThat(scraped).containsPattern("(?m)^debrief_webhooks_subscriptions\\{[^}]*state=\"active\"[^}]*} [0-9.]+$");
        });
    }

    private double attempts(String result) {
        return registry.get("debrief.webhooks.attempts").tag("result", result).counter().count();
    }

    private double deadLetters(String topic) {
        return registry.get("debrief.dead.letters").tag("topic", topic).counter().count();
    }
}
