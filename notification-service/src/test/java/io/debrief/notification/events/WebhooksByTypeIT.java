package io.debrief.notification.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.debrief.contract.GoldenEvent;
import io.debrief.notification.support.Api;
import io.debrief.notification.support.Erasures;
import io.debrief.notification.support.LoopKeysStandIn;
import io.debrief.notification.support.Kafka;
import io.debrief.notification.support.ReceivesWebhooks;
import io.debrief.notification.support.WebhookReceiver;
import io.debrief.notification.support.WebhookReceiver.Received;
import io.debrief.platform.privacy.PersonalText;
import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Webhooks by event type on the real broker and database: the contract's golden overdue reminder (scorecard-events)
 * and final decision (hiring-decisions), and an erasure of the contract's shape, reach the subscriptions of their type,
 * signed, in the Standard Webhooks envelope, with webhook-id {ce_id}:{subscriptionId} and a delivery log entry; a
 * subscription without types (decisions only) gets none; the interviewer filter is honoured.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(LoopKeysStandIn.class)
class WebhooksByTypeIT extends ReceivesWebhooks {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @Test
    void aSubscriptionWithTheOverdueTypeGetsSignedRemindersAndADefaultOneGetsNone() {
        String loopId = Kafka.newLoopId("overdue");
        WebhookReceiver.Endpoint overdue = receiver.endpoint("overdue-all");
        WebhookReceiver.Endpoint decisionsOnly = receiver.endpoint("overdue-default");
        String overdueId = subscribe(overdue, Map.of("types", List.of("hiring.scorecard.overdue")));
        String defaultId = subscribe(decisionsOnly, Map.of());
        GoldenEvent reminder = overdue(loopId, "sara", 1);

        Kafka.send(reminder.topic(), reminder.key(), reminder.valueText(), reminder.headers());
        Kafka.send(reminder.topic(), reminder.key(), reminder.valueText(), reminder.headers()); // redelivered
        // another type on the topic, for the same loop: not for webhooks
        GoldenEvent opened = GoldenEvent.of("hiring.loop.opened.v1").with(Map.of("key", loopId,
                "headers.ce_id", loopId + ":opened", "headers.ce_subject", loopId, "value.loopId", loopId));
        Kafka.send(opened.topic(), opened.key(), opened.valueText(), opened.headers());

        await().atMost(WAIT).until(() -> overdue.receivedFor(loopId).size() == 1);
        Received webhook = overdue.receivedFor(loopId).get(0);
        assertThat(webhook.signatureProblem()).isNull();
        assertThat(webhook.webhookId()).isEqualTo(loopId + ":sara:overdue:1:" + overdueId);
        assertThat(webhook.json().get("type").asText()).isEqualTo("hiring.scorecard.overdue");
        assertThat(webhook.json().get("timestamp").asText()).isEqualTo(reminder.headers().get("ce_time"));
        assertThat(reminder.mismatches(reminder.topic(), reminder.key(), reminder.headers(),
                webhook.json().get("data").toString())).isEmpty();
        await().atMost(WAIT).untilAsserted(() -> assertThat(Api.deliveries(overdueId)).singleElement()
                .satisfies(delivery -> assertThat(delivery)
                        .containsEntry("webhookId", webhook.webhookId())
                        .containsEntry("type", "hiring.scorecard.overdue")
                        .containsEntry("eventId", loopId + ":sara:overdue:1")
                        .containsEntry("loopId", loopId)
                        .containsEntry("decisionVersion", null)
                        .containsEntry("status", "DELIVERED")));

        // a decision of the same loop afterwards: the default subscription gets it, and it is all it got
        Kafka.publishDecision(loopId, 1, io.debrief.notification.support.Decisions.json(loopId, 1, "HIRE", "MID"));
        await().atMost(WAIT).until(() -> decisionsOnly.receivedFor(loopId).size() == 1);
        assertThat(decisionsOnly.receivedFor(loopId).get(0).json().get("type").asText())
                .isEqualTo("hiring.decision.made");
        assertThat(Api.deliveries(defaultId)).extracting(delivery -> delivery.get("type"))
                .containsOnly("hiring.decision.made");
        assertThat(overdue.receivedFor(loopId)).hasSize(1);
        unsubscribe(overdueId, defaultId);
    }

    @Test
    void theInterviewerFilterOnlyLetsThoseInterviewersRemindersThrough() {
        String loopId = Kafka.newLoopId("overdue-filter");
        WebhookReceiver.Endpoint ivansOnly = receiver.endpoint("overdue-ivan");
        String subscriptionId = subscribe(ivansOnly, Map.of("types", List.of("hiring.scorecard.overdue"),
                "interviewers", List.of("ivan")));

        for (GoldenEvent reminder : List.of(overdue(loopId, "sara", 1), overdue(loopId, "ivan", 1),
                overdue(loopId, "ivan", 2))) {
            Kafka.send(reminder.topic(), reminder.key(), reminder.valueText(), reminder.headers());
        }

        await().atMost(WAIT).until(() -> ivansOnly.receivedFor(loopId).size() == 2);
        assertThat(ivansOnly.receivedFor(loopId)).extracting(Received::webhookId).containsExactlyInAnyOrder(
                loopId + ":ivan:overdue:1:" + subscriptionId, loopId + ":ivan:overdue:2:" + subscriptionId);
        assertThat(ivansOnly.receivedFor(loopId)).allSatisfy(webhook -> {
            assertThat(webhook.signatureProblem()).isNull();
            assertThat(webhook.json().at("/data/interviewerId").asText()).isEqualTo("ivan");
        });
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> ivansOnly.receivedFor(loopId).size() == 2);
        unsubscribe(subscriptionId);
    }

    @Test
    void finalDecisionsAndErasuresReachTheSubscriptionsOfTheirTypesTheSealedReasonOpened() throws Exception {
        String loopId = Kafka.newLoopId("final");
        String erasedLoopId = Kafka.newLoopId("erased");
        String candidateId = Kafka.newLoopId("cand");
        WebhookReceiver.Endpoint endpoint = receiver.endpoint("final-erased");
        String subscriptionId = subscribe(endpoint, Map.of("types",
                List.of("hiring.decision.finalized", "hiring.candidate.erased")));
        GoldenEvent finalized = GoldenEvent.of("hiring.decision.finalized.v1").with(Map.of("key", loopId,
                "headers.ce_id", loopId + ":final", "headers.ce_subject", loopId, "value.loopId", loopId));
        byte[] key = LoopKeysStandIn.newKey(loopId);
        GoldenEvent sealed = finalized.sealedWith(text -> PersonalText.encrypt(key, loopId, text));
        // another loop's erasure: this loop's reason must still open when its webhook is sent
        String erasure = "{\"candidateId\":\"" + candidateId + "\",\"loopIds\":[\"" + erasedLoopId + "\"],"
                + "\"erasedAt\":\"2026-12-01T12:00:00Z\"}";

        Kafka.send(sealed.topic(), sealed.key(), sealed.valueText(), sealed.headers());
        Kafka.send("scorecard-events", candidateId, erasure, candidateId + ":erased:1796202000000",
                "hiring.candidate.erased.v1", "/scorecard-service");

        await().atMost(WAIT).until(() -> endpoint.receivedFor(loopId).size() == 1
                && endpoint.receivedFor(candidateId).size() == 1);
        Received finalWebhook = endpoint.receivedFor(loopId).get(0);
        assertThat(finalWebhook.signatureProblem()).isNull();
        assertThat(finalWebhook.webhookId()).isEqualTo(loopId + ":final:" + subscriptionId);
        assertThat(finalWebhook.json().get("type").asText()).isEqualTo("hiring.decision.finalized");
        // the fixture's FinalDecision, its reason opened
        GoldenEvent opened = new GoldenEvent(finalized.type(), finalized.topic(), finalized.key(), finalized.headers(),
                finalized.value(), finalized.generated(), Set.of());
        assertThat(opened.mismatches(finalized.topic(), finalized.key(), finalized.headers(),
                finalWebhook.json().get("data").toString())).isEmpty();
        Received erasedWebhook = endpoint.receivedFor(candidateId).get(0);
        assertThat(erasedWebhook.signatureProblem()).isNull();
        assertThat(erasedWebhook.webhookId()).isEqualTo(candidateId + ":erased:1796202000000:" + subscriptionId);
        assertThat(erasedWebhook.json().get("type").asText()).isEqualTo("hiring.candidate.erased");
        assertThat(erasedWebhook.json().get("timestamp").asText()).isNotBlank();
        // as received, whatever order PostgreSQL's jsonb keeps the fields in
        assertThat(erasedWebhook.json().get("data")).isEqualTo(JSON.readTree(erasure));
        unsubscribe(subscriptionId);
        Erasures.eraseAndAwait(Kafka.newLoopId("cand"), loopId);
    }

    @Test
    void aTypeTheContractDoesNotNameIsABadRequestNamingTheField() {
        Api.asRecruiter().contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hook", "types", List.of("hiring.decision.made", "hiring.nope")))
                .post("/api/subscriptions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", org.hamcrest.Matchers.is("types[1]"))
                .body("violations[0].message", org.hamcrest.Matchers.is("must be one of hiring.decision.made, "
                        + "hiring.decision.finalized, hiring.scorecard.overdue, hiring.candidate.erased"));
    }

    @Test
    void aSubscriptionWithoutTypesReceivesDecisionsOnlyAndSaysSo() {
        String id = subscribe(receiver.endpoint("no-types"), Map.of());

        Api.asRecruiter().get("/api/subscriptions/{id}", id).then().statusCode(200)
                .body("types", org.hamcrest.Matchers.contains("hiring.decision.made"))
                .body("interviewers", org.hamcrest.Matchers.empty());
        unsubscribe(id);
    }

    /** The golden reminder for another loop and interviewer; the reminder number is in its ce_id. */
    private static GoldenEvent overdue(String loopId, String interviewer, int reminder) {
        return GoldenEvent.of("hiring.scorecard.overdue.v1").with(Map.of("key", loopId,
                "headers.ce_id", loopId + ":" + interviewer + ":overdue:" + reminder, "headers.ce_subject", loopId,
                "value.loopId", loopId, "value.interviewerId", interviewer));
    }

    private static String subscribe(WebhookReceiver.Endpoint endpoint, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("url", receiver.url(endpoint));
        var created = Api.asRecruiter().contentType(ContentType.JSON).body(body).post("/api/subscriptions")
                .then().statusCode(201).extract().jsonPath();
        endpoint.secret(created.getString("secret"));
        return created.getString("id");
    }

    private static void unsubscribe(String... ids) {
        for (String id : ids) {
            Api.asRecruiter().delete("/api/subscriptions/{id}", id).then().statusCode(204);
        }
    }
}
