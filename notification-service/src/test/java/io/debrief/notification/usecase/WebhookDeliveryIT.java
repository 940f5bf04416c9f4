package io.debrief.notification.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.debrief.notification.support.Api;
import io.debrief.notification.support.Decisions;
import io.debrief.notification.support.Kafka;
import io.debrief.notification.support.ReceivesWebhooks;
import io.debrief.notification.support.WebhookReceiver;
import io.debrief.notification.support.WebhookReceiver.Received;
import io.debrief.notification.support.WebhookReceiver.Response;
import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Decisions from hiring-decisions reach a real HTTP receiver as signed Standard Webhooks, retried durably. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class WebhookDeliveryIT extends ReceivesWebhooks {

    private final List<String> subscriptions = new ArrayList<>();

    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(id -> Api.asRecruiter().delete("/api/subscriptions/{id}", id));
    }

    private String subscribe(WebhookReceiver.Endpoint endpoint, List<String> outcomes, List<String> levels) {
        String id = Api.subscribe(receiver, endpoint, outcomes, levels);
        subscriptions.add(id);
        return id;
    }

    @Test
    void decisionReachesTheSubscriberSignedPerStandardWebhooks() {
        WebhookReceiver.Endpoint endpoint = receiver.endpoint("signed");
        String subscriptionId = subscribe(endpoint, null, null);
        String loopId = Kafka.newLoopId("signed");

        Kafka.publishDecision(loopId, 1, Decisions.json(loopId, 1, "NO_HIRE", "SENIOR"));

        await().atMost(WAIT).until(() -> endpoint.receivedFor(loopId).size() == 1);
        Received received = endpoint.receivedFor(loopId).get(0);
        assertThat(received.signatureProblem()).isNull();
        assertThat(received.webhookId()).isEqualTo(loopId + ":1:" + subscriptionId);
        assertThat(received.contentType()).startsWith("application/json");
        JsonNode body = received.json();
        assertThat(body.get("type").asText()).isEqualTo("hiring.decision.made");
        assertThat(body.get("timestamp").asText()).isEqualTo("2026-11-26T10:15:30Z");
        JsonNode data = body.get("data");
        assertThat(data.get("loopId").asText()).isEqualTo(loopId);
        assertThat(data.get("decisionVersion").asInt()).isEqualTo(1);
        assertThat(data.get("outcome").asText()).isEqualTo("NO_HIRE");
        assertThat(data.get("average").decimalValue()).isEqualByComparingTo("4.25");
        assertThat(data.get("futureField").get("kept").asBoolean()).isTrue();
        assertThat(data.get("summary").asText()).isEqualTo("No hire — Ada Lovelace, SENIOR MLOps Engineer, "
                + "average 4.25; strengths: Containerization, Orchestration; near miss: encourage reapplication");

        await().atMost(WAIT).untilAsserted(() -> assertThat(Api.deliveries(subscriptionId))
                .singleElement()
                .satisfies(delivery -> {
                    assertThat(delivery).containsEntry("webhookId", loopId + ":1:" + subscriptionId)
                            .containsEntry("loopId", loopId)
                            .containsEntry("decisionVersion", 1)
                            .containsEntry("status", "DELIVERED")
                            .containsEntry("attempts", 1)
                            .containsEntry("lastStatusCode", 204)
                            .containsEntry("nextAttemptAt", null);
                    assertThat(delivery.get("deliveredAt")).isNotNull();
                }));
    }

    @Test
    void failingReceiverIsRetriedWithTheSameWebhookIdUntilItRecovers() {
        WebhookReceiver.Endpoint endpoint = receiver.endpoint("recovers").answer(500, 500);
        String subscriptionId = subscribe(endpoint, null, null);
        String loopId = Kafka.newLoopId("recovers");

        Kafka.publishDecision(loopId, 1, Decisions.json(loopId, 1, "HIRE", "MID"));

        await().atMost(WAIT).until(() -> endpoint.receivedFor(loopId).size() == 3);
        List<Received> attempts = endpoint.receivedFor(loopId);
        assertThat(attempts).extracting(Received::answeredWith).containsExactly(500, 500, 204);
        assertThat(attempts).extracting(Received::webhookId).containsOnly(loopId + ":1:" + subscriptionId);
        assertThat(attempts).extracting(Received::signatureProblem).containsOnlyNulls();
        assertThat(attempts).extracting(Received::body).containsOnly(attempts.get(0).body());
        await().atMost(WAIT).untilAsserted(() -> assertThat(Api.deliveries(subscriptionId)).singleElement()
                .satisfies(delivery -> assertThat(delivery)
                        .containsEntry("status", "DELIVERED")
                        .containsEntry("attempts", 3)
                        .containsEntry("lastStatusCode", 204)));
    }

    @Test
    void redirectIsAFailureAndIsNotFollowed() {
        WebhookReceiver.Endpoint endpoint = receiver.endpoint("redirects").answer(302);
        String subscriptionId = subscribe(endpoint, null, null);
        String loopId = Kafka.newLoopId("redirects");

        Kafka.publishDecision(loopId, 1, Decisions.json(loopId, 1, "HIRE", "MID"));

        await().atMost(WAIT).until(() -> endpoint.receivedFor(loopId).size() == 2);
        assertThat(endpoint.receivedFor(loopId)).extracting(Received::answeredWith).containsExactly(302, 204);
        await().atMost(WAIT).untilAsserted(() -> assertThat(Api.deliveries(subscriptionId)).singleElement()
                .satisfies(delivery -> assertThat(delivery)
                        .containsEntry("status", "DELIVERED")
                        .containsEntry("attempts", 2)));
    }

    @Test
    void retryAfterLaterThanTheBackoffIsHonoured() {
        WebhookReceiver.Endpoint endpoint = receiver.endpoint("throttled").answer(new Response(429, "3"));
        subscribe(endpoint, null, null);
        String loopId = Kafka.newLoopId("throttled");

        Kafka.publishDecision(loopId, 1, Decisions.json(loopId, 1, "HIRE", "MID"));

        await().atMost(WAIT).until(() -> endpoint.receivedFor(loopId).size() == 2);
        List<Received> attempts = endpoint.receivedFor(loopId);
        // the schedule says about 1 s; the receiver asked for 3 s
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at())).isGreaterThan(Duration.ofMillis(2500));
    }

    @Test
    void receiverThatDoesNotAnswerInTimeIsRetried() {
        // %test timeout is 5 s; this receiver takes 9 s the first time
        WebhookReceiver.Endpoint endpoint = receiver.endpoint("slow").answer(new Response(200, null, 9000));
        String subscriptionId = subscribe(endpoint, null, null);
        String loopId = Kafka.newLoopId("slow");

        Kafka.publishDecision(loopId, 1, Decisions.json(loopId, 1, "HIRE", "MID"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(Api.deliveries(subscriptionId)).singleElement()
                .satisfies(delivery -> assertThat(delivery)
                        .containsEntry("status", "DELIVERED")
                        .containsEntry("attempts", 2)
                        .containsEntry("lastStatusCode", 204)));
        assertThat(endpoint.receivedFor(loopId)).extracting(Received::webhookId).containsOnly(loopId + ":1:" + subscriptionId)
                .hasSize(2);
    }

    @Test
    void goneDisablesTheSubscriptionAndFailsItsPendingDeliveries() {
        // the first decision's retry is parked for 20 s, so the 410 always answers the second decision
        WebhookReceiver.Endpoint endpoint = receiver.endpoint("gone")
                .answer(new Response(503, "20"), new Response(410, null));
        String subscriptionId = subscribe(endpoint, null, null);
        String first = Kafka.newLoopId("gone");
        String second = Kafka.newLoopId("gone");

        Kafka.publishDecision(first, 1, Decisions.json(first, 1, "HIRE", "MID"));
        await().atMost(WAIT).until(() -> endpoint.receivedFor(first).size() == 1);
        Kafka.publishDecision(second, 1, Decisions.json(second, 1, "HIRE", "MID"));

        await().atMost(WAIT).until(() -> endpoint.receivedFor(second).size() == 1);
        assertThat(endpoint.receivedFor(second).get(0).answeredWith()).isEqualTo(410);
        await().atMost(WAIT).untilAsserted(() -> Api.asRecruiter().get("/api/subscriptions/{id}", subscriptionId)
                .then().statusCode(200)
                .body("active", org.hamcrest.Matchers.is(false))
                .body("disabledAt", org.hamcrest.Matchers.notNullValue()));
        // the 410 failed its own delivery, and the first decision's pending retry with it
        await().atMost(WAIT).untilAsserted(() -> assertThat(Api.deliveries(subscriptionId)).hasSize(2)
                .allSatisfy(delivery -> assertThat(delivery).containsEntry("status", "FAILED")
                        .containsEntry("nextAttemptAt", null))
                .anySatisfy(delivery -> assertThat(delivery).containsEntry("loopId", second)
                        .containsEntry("lastStatusCode", 410))
                .anySatisfy(delivery -> assertThat(delivery).containsEntry("loopId", first)
                        .containsEntry("lastStatusCode", 503)
                        .containsEntry("attempts", 1)));

        String third = Kafka.newLoopId("gone");
        Kafka.publishDecision(third, 1, Decisions.json(third, 1, "HIRE", "MID"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(Api.decisions(third)).hasSize(1));
        assertThat(Api.deliveries(subscriptionId)).noneSatisfy(
                delivery -> assertThat(delivery).containsEntry("loopId", third));
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> endpoint.received().size() == 2);
    }

    @Test
    void filtersSelectDecisionsByOutcomeAndLevel() {
        WebhookReceiver.Endpoint hires = receiver.endpoint("hires");
        WebhookReceiver.Endpoint juniors = receiver.endpoint("juniors");
        WebhookReceiver.Endpoint seniorRejections = receiver.endpoint("senior-rejections");
        String hiresId = subscribe(hires, List.of("HIRE"), null);
        String juniorsId = subscribe(juniors, null, List.of("JUNIOR"));
        String seniorRejectionsId = subscribe(seniorRejections, List.of("NO_HIRE", "INSUFFICIENT_EVIDENCE"),
                List.of("SENIOR"));
        String seniorHire = Kafka.newLoopId("filter");
        String juniorRejection = Kafka.newLoopId("filter");
        String seniorRejection = Kafka.newLoopId("filter");

        Kafka.publishDecision(seniorHire, 1, Decisions.json(seniorHire, 1, "HIRE", "SENIOR"));
        Kafka.publishDecision(juniorRejection, 1, Decisions.json(juniorRejection, 1, "NO_HIRE", "JUNIOR"));
        Kafka.publishDecision(seniorRejection, 1, Decisions.json(seniorRejection, 1, "NO_HIRE", "SENIOR"));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(Api.decisions(seniorHire)).hasSize(1);
            assertThat(Api.decisions(juniorRejection)).hasSize(1);
            assertThat(Api.decisions(seniorRejection)).hasSize(1);
        });
        // delivery rows are written in the decision's transaction: the logs are complete now
        assertThat(loops(hiresId)).containsExactly(seniorHire);
        assertThat(loops(juniorsId)).containsExactly(juniorRejection);
        assertThat(loops(seniorRejectionsId)).containsExactly(seniorRejection);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(hires.received()).extracting(r -> r.json().at("/data/loopId").asText()).containsExactly(seniorHire);
            assertThat(juniors.received()).extracting(r -> r.json().at("/data/loopId").asText()).containsExactly(juniorRejection);
            assertThat(seniorRejections.received()).extracting(r -> r.json().at("/data/loopId").asText())
                    .containsExactly(seniorRejection);
        });
    }

    @Test
    void redeliveredDecisionRecordProducesNoSecondDelivery() {
        WebhookReceiver.Endpoint endpoint = receiver.endpoint("once");
        String subscriptionId = subscribe(endpoint, null, null);
        String loopId = Kafka.newLoopId("once");
        String version1 = Decisions.json(loopId, 1, "NO_HIRE", "MID");

        Kafka.publishDecision(loopId, 1, version1);
        Kafka.publishDecision(loopId, 1, version1);
        await().atMost(WAIT).until(() -> endpoint.receivedFor(loopId).size() == 1);
        Kafka.publishDecision(loopId, 1, version1);
        // same key, same partition: version 2 is consumed after every copy of version 1
        Kafka.publishDecision(loopId, 2, Decisions.json(loopId, 2, "HIRE", "MID"));

        await().atMost(WAIT).until(() -> endpoint.receivedFor(loopId).size() >= 2);
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> endpoint.receivedFor(loopId).size() == 2);
        assertThat(endpoint.receivedFor(loopId)).extracting(Received::webhookId)
                .containsExactly(loopId + ":1:" + subscriptionId, loopId + ":2:" + subscriptionId);
        assertThat(Api.deliveries(subscriptionId)).extracting(delivery -> delivery.get("decisionVersion"))
                .containsExactly(2, 1);
        assertThat(Api.decisions(loopId)).extracting(decision -> decision.get("decisionVersion"))
                .containsExactly(2, 1);
    }

    @Test
    void exhaustedScheduleFailsTheDeliveryWhichCanBeRedelivered() {
        WebhookReceiver.Endpoint endpoint = receiver.endpoint("exhausted").answer(503, 500, 500, 500);
        String subscriptionId = subscribe(endpoint, null, null);
        String loopId = Kafka.newLoopId("exhausted");
        String webhookId = loopId + ":1:" + subscriptionId;

        Kafka.publishDecision(loopId, 1, Decisions.json(loopId, 1, "HIRE", "JUNIOR"));

        // %test schedule: 4 attempts
        await().atMost(WAIT).untilAsserted(() -> assertThat(Api.deliveries(subscriptionId)).singleElement()
                .satisfies(delivery -> assertThat(delivery)
                        .containsEntry("status", "FAILED")
                        .containsEntry("attempts", 4)
                        .containsEntry("lastStatusCode", 500)
                        .containsEntry("nextAttemptAt", null)));
        assertThat(endpoint.receivedFor(loopId)).hasSize(4);

        Api.asRecruiter().post("/api/subscriptions/{id}/deliveries/{webhookId}/redeliver", subscriptionId, webhookId)
                .then().statusCode(202).body("status", org.hamcrest.Matchers.is("PENDING"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(Api.deliveries(subscriptionId)).singleElement()
                .satisfies(delivery -> assertThat(delivery).containsEntry("status", "DELIVERED")));
        assertThat(endpoint.receivedFor(loopId)).hasSize(5).extracting(Received::webhookId).containsOnly(webhookId);

        Api.asRecruiter().post("/api/subscriptions/{id}/deliveries/{webhookId}/redeliver", subscriptionId, webhookId)
                .then().statusCode(409).contentType("application/problem+json");
        Api.asRecruiter().post("/api/subscriptions/{id}/deliveries/{webhookId}/redeliver", subscriptionId, "no-such-webhook")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static Set<String> loops(String subscriptionId) {
        return Api.deliveries(subscriptionId).stream().map(delivery -> (String) delivery.get("loopId"))
                .collect(Collectors.toSet());
    }

}
