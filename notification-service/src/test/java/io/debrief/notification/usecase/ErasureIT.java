package io.debrief.notification.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.debrief.contract.GoldenEvent;
import io.debrief.notification.support.Api;
import io.debrief.notification.support.Database;
import io.debrief.notification.support.Erasures;
import io.debrief.notification.support.Kafka;
import io.debrief.notification.support.LoopKeysStandIn;
import io.debrief.notification.support.ReceivesWebhooks;
import io.debrief.notification.support.SseClient;
import io.debrief.notification.support.WebhookReceiver;
import io.debrief.notification.support.WebhookReceiver.Received;
import io.debrief.platform.privacy.PersonalText;
import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Candidate erasure (issue 18, crypto-shredding) on the real broker and database, with a stand-in for
 * scorecard-service's loop keys: sealed names and reasons are stored sealed and opened only in what answers a person
 * or a subscriber (REST, stream and its replay, letter, webhooks); after {@code hiring.candidate.erased.v1} they are
 * null everywhere, shape unchanged, decision facts kept; old plain text is scrubbed; an erasure received twice is one;
 * without the key service a read is a 503 and a webhook waits without an attempt counted.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(LoopKeysStandIn.class)
class ErasureIT extends ReceivesWebhooks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ALL_TYPES = List.of("hiring.decision.made", "hiring.decision.finalized",
            "hiring.candidate.erased");

    @TestHTTPResource("/api/decisions/stream")
    URL stream;

    @Test
    void aSealedNameAndReasonAreOpenedAtEveryEdgeAndAreNullEverywhereOnceTheCandidateIsErased() throws Exception {
        String loopId = Kafka.newLoopId("sealed");
        String candidateId = "cand-" + loopId;
        byte[] key = LoopKeysStandIn.newKey(loopId);
        GoldenEvent decision = decision(loopId, candidateId, 1);
        GoldenEvent sealed = decision.sealedWith(text -> PersonalText.encrypt(key, loopId, text));
        GoldenEvent finalized = finalized(loopId);
        GoldenEvent sealedFinal = finalized.sealedWith(text -> PersonalText.encrypt(key, loopId, text));
        String name = decision.value().at("/candidate/name").asText();
        String reason = finalized.value().get("reason").asText();
        WebhookReceiver.Endpoint endpoint = receiver.endpoint("sealed");
        String subscriptionId = Api.subscribe(receiver, endpoint, Map.of("types", ALL_TYPES));

        try (SseClient live = SseClient.connect(URI.create(stream.toString()), null,
                "Authorization", Api.hiringManagerBearer())) {
            await().atMost(WAIT).until(() -> !live.comments().isEmpty());
            Kafka.send(sealed.topic(), sealed.key(), sealed.valueText(), sealed.headers());
            Kafka.send(sealedFinal.topic(), sealedFinal.key(), sealedFinal.valueText(), sealedFinal.headers());

            // the stream: the name opened
            await().atMost(WAIT).until(() -> live.eventsWithIdPrefix(loopId).size() == 1);
            assertThat(unsealed(decision).mismatches(decision.topic(), decision.key(), decision.headers(),
                    live.eventsWithIdPrefix(loopId).get(0).data())).isEmpty();
        }
        // the webhooks: built with the opened name and reason, signed over what was sent
        await().atMost(WAIT).until(() -> endpoint.receivedFor(loopId).size() == 2);
        Received made = webhook(endpoint, loopId, "hiring.decision.made");
        assertThat(made.signatureProblem()).isNull();
        assertThat(unsealed(decision).mismatches(decision.topic(), decision.key(), decision.headers(),
                made.json().get("data").toString())).isEmpty();
        Received finalWebhook = webhook(endpoint, loopId, "hiring.decision.finalized");
        assertThat(finalWebhook.signatureProblem()).isNull();
        assertThat(unsealed(finalized).mismatches(finalized.topic(), finalized.key(), finalized.headers(),
                finalWebhook.json().get("data").toString())).isEmpty();
        // REST and the letter: the name opened, and the reason of the final decision listed with the decision
        assertThat(listed(loopId)).singleElement().satisfies(listed -> {
            ObjectNode asDecision = listed.deepCopy();
            JsonNode finalDecision = asDecision.remove("finalDecision");
            assertThat(unsealed(decision).mismatches(decision.topic(), decision.key(), decision.headers(),
                    asDecision.toString())).isEmpty();
            assertThat(unsealed(finalized).mismatches(finalized.topic(), finalized.key(), finalized.headers(),
                    finalDecision.toString())).isEmpty();
        });
        assertThat(letterBody(loopId)).contains("Dear " + name + ",");
        // stored as they travelled: sealed; nothing derived holds the name
        assertThat(stored("SELECT payload::text || summary FROM decision WHERE loop_id = ?", loopId))
                .singleElement().asString().contains(PersonalText.PREFIX).doesNotContain(name);
        assertThat(stored("SELECT payload->>'reason' FROM event WHERE loop_id = ?", loopId))
                .singleElement().asString().startsWith(PersonalText.PREFIX);

        // a second version, then a replay from the first: the name opened in the replay
        Kafka.send(sealed.topic(), sealed.key(), version(sealed, 2), headersOf(sealed, loopId + ":2"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(Api.decisions(loopId)).hasSize(2));
        assertThat(replayedNames(loopId)).containsExactly(name);

        // the erasure: scorecard-service destroys the key and emits the event
        LoopKeysStandIn.destroyKey(loopId);
        ObjectNode erasure = Erasures.of(candidateId, List.of(loopId));
        Erasures.send(erasure, Erasures.newCeId(candidateId));

        await().atMost(WAIT).until(() -> endpoint.receivedFor(candidateId).size() == 1);
        Received erasedWebhook = endpoint.receivedFor(candidateId).get(0);
        assertThat(erasedWebhook.signatureProblem()).isNull();
        assertThat(erasedWebhook.json().get("type").asText()).isEqualTo("hiring.candidate.erased");
        assertThat(erasedWebhook.json().get("data")).isEqualTo(erasure);
        // every edge: name null, the field and every decision fact still there
        await().atMost(WAIT).untilAsserted(() -> assertThat(listed(loopId)).hasSize(2).allSatisfy(listed -> {
            assertThat(listed.get("candidate").has("name")).isTrue();
            assertThat(listed.at("/candidate/name").isNull()).isTrue();
            assertThat(listed.at("/candidate/id").asText()).isEqualTo(candidateId);
            assertThat(listed.get("outcome")).isEqualTo(decision.value().get("outcome"));
            assertThat(listed.get("checks")).isEqualTo(decision.value().get("checks"));
            assertThat(listed.get("areaScores")).isEqualTo(decision.value().get("areaScores"));
            assertThat(listed.at("/finalDecision/reason").isNull()).isTrue();
            assertThat(listed.at("/finalDecision/outcome")).isEqualTo(finalized.value().get("outcome"));
            assertThat(listed.toString()).doesNotContain(name).doesNotContain(PersonalText.PREFIX);
        }));
        assertThat(replayedNames(loopId)).containsExactly((String) null);
        assertThat(letterBody(loopId)).doesNotContain(name).contains("Dear candidate,");
        // the database: nothing sealed or plain left of the name or the reason; statuses kept
        assertThat(stored("SELECT payload::text || summary FROM decision WHERE loop_id = ?", loopId)).hasSize(2)
                .allSatisfy(row -> assertThat(row).doesNotContain(name).doesNotContain(PersonalText.PREFIX));
        assertThat(stored("SELECT payload::text FROM event WHERE loop_id = ?", loopId)).singleElement().asString()
                .doesNotContain(reason).doesNotContain(PersonalText.PREFIX).contains("\"reason\": null")
                .contains("\"override\": true");
        assertThat(Api.deliveries(subscriptionId)).extracting(delivery -> delivery.get("status")).containsOnly("DELIVERED");
        Api.asRecruiter().delete("/api/subscriptions/{id}", subscriptionId).then().statusCode(204);
    }

    @Test
    void anErasureReceivedTwiceIsOneAndScrubsOldPlainNamesReasonsAndErrorTextsWhileKeepingTheFacts() throws Exception {
        String loopId = Kafka.newLoopId("plain");
        String candidateId = "cand-" + loopId;
        // events from before encryption: plain name, plain reason
        GoldenEvent decision = decision(loopId, candidateId, 1);
        GoldenEvent finalized = finalized(loopId);
        String name = decision.value().at("/candidate/name").asText();
        String reason = finalized.value().get("reason").asText();
        // a receiver that keeps failing, so that its delivery log holds error texts
        WebhookReceiver.Endpoint failing = receiver.endpoint("failing").answer(statuses(500, 40));
        String failingId = Api.subscribe(receiver, failing, Map.of("types",
                List.of("hiring.decision.made", "hiring.decision.finalized")));
        WebhookReceiver.Endpoint erasures = receiver.endpoint("erasures");
        String erasuresId = Api.subscribe(receiver, erasures, Map.of("types", List.of("hiring.candidate.erased")));
        Kafka.send(decision.topic(), decision.key(), decision.valueText(), decision.headers());
        Kafka.send(finalized.topic(), finalized.key(), finalized.valueText(), finalized.headers());
        await().atMost(WAIT).untilAsserted(() -> assertThat(Api.deliveries(failingId)).hasSize(2)
                .allSatisfy(delivery -> assertThat(delivery).containsEntry("status", "FAILED")
                        .containsEntry("lastStatusCode", 500).containsEntry("lastError", "HTTP 500")));
        List<Map<String, Object>> failedBefore = Api.deliveries(failingId);
        assertThat(stored("SELECT payload::text FROM decision WHERE loop_id = ?", loopId)).singleElement().asString()
                .contains(name);

        ObjectNode erasure = Erasures.of(candidateId, List.of(loopId));
        String ceId = Erasures.newCeId(candidateId);
        Erasures.send(erasure, ceId);
        Erasures.send(erasure, ceId);

        // one erasure: one event, one webhook, one erased loop
        await().atMost(WAIT).until(() -> erasures.receivedFor(candidateId).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> erasures.receivedFor(candidateId).size() == 1);
        assertThat(stored("SELECT ce_id FROM event WHERE ce_id = ?", ceId)).hasSize(1);
        assertThat(stored("SELECT candidate_id FROM erased_loop WHERE loop_id = ?", loopId)).containsExactly(candidateId);
        assertThat(Api.deliveries(erasuresId)).singleElement()
                .satisfies(delivery -> assertThat(delivery).containsEntry("status", "DELIVERED"));
        // scrubbed: the plain name (and the summary built with it), the plain reason, the error texts
        assertThat(stored("SELECT payload::text || summary FROM decision WHERE loop_id = ?", loopId)).singleElement()
                .asString().doesNotContain(name).contains("\"outcome\": \"HIRE\"");
        assertThat(stored("SELECT payload::text FROM event WHERE loop_id = ?", loopId)).singleElement().asString()
                .doesNotContain(reason).contains("\"reason\": null").contains("\"computedOutcome\": \"HIRE\"");
        List<Map<String, Object>> failedAfter = Api.deliveries(failingId);
        assertThat(failedAfter).hasSize(2).allSatisfy(delivery -> assertThat(delivery)
                .containsEntry("status", "FAILED").containsEntry("lastStatusCode", 500).containsEntry("lastError", null));
        assertThat(failedAfter).extracting(delivery -> delivery.get("attempts"))
                .isEqualTo(failedBefore.stream().map(delivery -> delivery.get("attempts")).toList());
        assertThat(listed(loopId)).singleElement().satisfies(listed -> {
            assertThat(listed.at("/candidate/name").isNull()).isTrue();
            assertThat(listed.get("checks")).isEqualTo(decision.value().get("checks"));
        });

        // a decision of the erased loop that arrives late, plain: stored without the name
        Kafka.send(decision.topic(), decision.key(), version(decision, 2), headersOf(decision, loopId + ":2"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(listed(loopId)).hasSize(2));
        assertThat(stored("SELECT payload::text || summary FROM decision WHERE loop_id = ?", loopId)).hasSize(2)
                .allSatisfy(row -> assertThat(row).doesNotContain(name));
        Api.asRecruiter().delete("/api/subscriptions/{id}", failingId).then().statusCode(204);
        Api.asRecruiter().delete("/api/subscriptions/{id}", erasuresId).then().statusCode(204);
    }

    @Test
    void withoutTheKeyServiceReadsAre503WithRetryAfterAndAWebhookWaitsWithoutAnAttemptCounted() throws Exception {
        String loopId = Kafka.newLoopId("keys-down");
        String candidateId = "cand-" + loopId;
        byte[] key = LoopKeysStandIn.newKey(loopId);
        GoldenEvent decision = decision(loopId, candidateId, 1);
        GoldenEvent sealed = decision.sealedWith(text -> PersonalText.encrypt(key, loopId, text));
        String name = decision.value().at("/candidate/name").asText();
        WebhookReceiver.Endpoint endpoint = receiver.endpoint("keys-down");
        String subscriptionId = Api.subscribe(receiver, endpoint, Map.of("types", List.of("hiring.decision.made")));
        LoopKeysStandIn.down(true);
        try {
            Kafka.send(sealed.topic(), sealed.key(), sealed.valueText(), sealed.headers());
            await().atMost(WAIT).until(() -> stored("SELECT loop_id FROM decision WHERE loop_id = ?", loopId).size() == 1);

            for (String path : List.of("/api/decisions?loopId=" + loopId, "/api/decisions",
                    "/api/decisions/" + loopId + "/letter")) {
                Api.asRecruiter().get(path).then().statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", org.hamcrest.Matchers.matchesPattern("\\d+"))
                        .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(PersonalText.PREFIX)));
            }
            // the webhook waits: nothing sent, no attempt counted against the subscriber
            await().during(Duration.ofSeconds(3)).atMost(WAIT).untilAsserted(() -> {
                assertThat(endpoint.receivedFor(loopId)).isEmpty();
                assertThat(Api.deliveries(subscriptionId)).singleElement().satisfies(delivery -> assertThat(delivery)
                        .containsEntry("status", "PENDING").containsEntry("attempts", 0));
            });
        } finally {
            LoopKeysStandIn.down(false);
        }
        // back: the name opened, the webhook sent at its first attempt
        assertThat(listed(loopId)).singleElement().satisfies(listed ->
                assertThat(listed.at("/candidate/name").asText()).isEqualTo(name));
        await().atMost(WAIT).until(() -> endpoint.receivedFor(loopId).size() == 1);
        assertThat(endpoint.receivedFor(loopId).get(0).json().at("/data/candidate/name").asText()).isEqualTo(name);
        await().atMost(WAIT).untilAsserted(() -> assertThat(Api.deliveries(subscriptionId)).singleElement()
                .satisfies(delivery -> assertThat(delivery).containsEntry("status", "DELIVERED")
                        .containsEntry("attempts", 1)));
        Api.asRecruiter().delete("/api/subscriptions/{id}", subscriptionId).then().statusCode(204);
        // leave nothing sealed behind for the other test classes, which run without the key service
        Erasures.eraseAndAwait(candidateId, loopId);
    }

    // ---- helpers

    /** The golden decision for another loop and candidate, at this version (events as calibration-service sends). */
    private static GoldenEvent decision(String loopId, String candidateId, int version) {
        return GoldenEvent.of("hiring.decision.made.v1").with(Map.of("key", loopId,
                "headers.ce_id", loopId + ":" + version, "headers.ce_subject", loopId, "value.loopId", loopId,
                "value.candidate.id", candidateId));
    }

    private static GoldenEvent finalized(String loopId) {
        return GoldenEvent.of("hiring.decision.finalized.v1").with(Map.of("key", loopId,
                "headers.ce_id", loopId + ":final", "headers.ce_subject", loopId, "value.loopId", loopId));
    }

    /** The fixture with its sealed paths compared as plain text: what the edges show. */
    static GoldenEvent unsealed(GoldenEvent golden) {
        return new GoldenEvent(golden.type(), golden.topic(), golden.key(), golden.headers(), golden.value(),
                golden.generated(), Set.of());
    }

    private static String version(GoldenEvent event, int version) {
        ObjectNode value = event.value().deepCopy();
        value.put("decisionVersion", version);
        return value.toString();
    }

    private static Map<String, String> headersOf(GoldenEvent event, String ceId) {
        Map<String, String> headers = new HashMap<>(event.headers());
        headers.put("ce_id", ceId);
        return headers;
    }

    private static Received webhook(WebhookReceiver.Endpoint endpoint, String loopId, String type) {
        return endpoint.receivedFor(loopId).stream().filter(r -> type.equals(r.json().get("type").asText()))
                .findFirst().orElseThrow();
    }

    private static List<JsonNode> listed(String loopId) throws Exception {
        String body = Api.asHiringManager().queryParam("loopId", loopId).get("/api/decisions")
                .then().statusCode(200).extract().asString();
        List<JsonNode> decisions = new ArrayList<>();
        JSON.readTree(body).forEach(decisions::add);
        return decisions;
    }

    private static String letterBody(String loopId) {
        return Api.asRecruiter().accept(ContentType.JSON).get("/api/decisions/{loopId}/letter", loopId)
                .then().statusCode(200).extract().jsonPath().getString("body");
    }

    /** The candidate names of the decisions a stream replays after the loop's first version. */
    private List<String> replayedNames(String loopId) throws Exception {
        try (SseClient replay = SseClient.connect(URI.create(stream.toString()), loopId + ":1",
                "Authorization", Api.hiringManagerBearer())) {
            await().atMost(WAIT).until(() -> replay.eventsWithIdPrefix(loopId).size() == 1);
            List<String> names = new ArrayList<>();
            for (SseClient.Event event : replay.eventsWithIdPrefix(loopId)) {
                JsonNode name = JSON.readTree(event.data()).at("/candidate/name");
                names.add(name.isNull() ? null : name.asText());
            }
            return names;
        }
    }

    private static int[] statuses(int status, int count) {
        int[] statuses = new int[count];
        java.util.Arrays.fill(statuses, status);
        return statuses;
    }

    private static List<String> stored(String sql, String parameter) throws Exception {
        return Database.rows(sql, parameter);
    }
}
