package io.debrief.notification.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
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
import io.debrief.notification.support.LoopKeysStandIn;
import io.debrief.notification.support.Kafka;
import io.debrief.notification.support.ReceivesWebhooks;
import io.debrief.notification.support.SseClient;
import io.debrief.notification.support.WebhookReceiver;
import io.debrief.platform.privacy.PersonalText;
import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The contract's golden {@code hiring.decision.made.v1} (deploy/contract, written by its producer, calibration-service)
 * fed onto the real hiring-decisions topic as it travels, headers included, with a fresh loop id and the candidate's
 * name sealed under the loop's key (a stand-in for scorecard-service's loop keys): it is stored sealed, and the REST
 * answer, the stream and a signed webhook all carry exactly the fixture's Decision, the name opened.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(LoopKeysStandIn.class)
class GoldenDecisionIT extends ReceivesWebhooks {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/decisions/stream")
    URL stream;

    @Test
    void theSealedGoldenDecisionIsStoredSealedAndStreamedListedAndDeliveredOpenedAsTheContractShowsIt()
            throws Exception {
        String loopId = Kafka.newLoopId("golden");
        GoldenEvent golden = GoldenEvent.of("hiring.decision.made.v1").with(Map.of(
                "key", loopId,
                "headers.ce_id", loopId + ":1",
                "headers.ce_subject", loopId,
                "value.loopId", loopId));
        assertThat(golden.topic()).isEqualTo(Kafka.HIRING_DECISIONS);
        assertThat(golden.sealed()).containsExactly("value.candidate.name");
        byte[] key = LoopKeysStandIn.newKey(loopId);
        GoldenEvent sealed = golden.sealedWith(text -> PersonalText.encrypt(key, loopId, text));
        WebhookReceiver.Endpoint endpoint = receiver.endpoint("golden");
        String subscriptionId = Api.subscribe(receiver, endpoint, List.of(golden.value().get("outcome").asText()),
                List.of(golden.value().get("level").asText()));

        try (SseClient client = SseClient.connect(URI.create(stream.toString()), null,
                "Authorization", Api.hiringManagerBearer())) {
            await().atMost(WAIT).until(() -> !client.comments().isEmpty());

            Kafka.send(sealed.topic(), sealed.key(), sealed.valueText(), sealed.headers());

            // stored: GET /api/decisions answers the fixture's Decision, with no final decision yet
            await().atMost(WAIT).untilAsserted(() -> assertThat(Api.decisions(loopId)).hasSize(1));
            assertThat(listed(loopId).get("finalDecision").isNull()).isTrue();
            assertThat(mismatches(golden, withoutFinal(listed(loopId)))).isEmpty();

            // streamed: one event, id loopId:decisionVersion, data the fixture's Decision
            await().atMost(WAIT).until(() -> client.eventsWithIdPrefix(loopId).size() == 1);
            SseClient.Event event = client.eventsWithIdPrefix(loopId).get(0);
            assertThat(event.name()).isEqualTo("decision");
            assertThat(event.id()).isEqualTo(loopId + ":1");
            assertThat(mismatches(golden, JSON.readTree(event.data()))).isEmpty();
        }

        // delivered: a signed hiring.decision.made webhook whose data is the fixture's Decision
        await().atMost(WAIT).until(() -> endpoint.receivedFor(loopId).size() == 1);
        WebhookReceiver.Received webhook = endpoint.receivedFor(loopId).get(0);
        assertThat(webhook.signatureProblem()).isNull();
        assertThat(webhook.webhookId()).isEqualTo(loopId + ":1:" + subscriptionId);
        assertThat(webhook.json().get("type").asText()).isEqualTo("hiring.decision.made");
        assertThat(webhook.json().get("timestamp").asText()).isEqualTo(golden.value().get("decidedAt").asText());
        assertThat(mismatches(golden, webhook.json().get("data"))).isEmpty();
        await().atMost(WAIT).untilAsserted(() -> assertThat(Api.deliveries(subscriptionId)).singleElement()
                .satisfies(delivery -> assertThat(delivery).containsEntry("webhookId", webhook.webhookId())
                        .containsEntry("loopId", loopId).containsEntry("decisionVersion", 1)
                        .containsEntry("status", "DELIVERED")));
        // stored as it travelled: the name sealed, opening to the fixture's name
        assertThat(Database.rows("SELECT payload::text FROM decision WHERE loop_id = ?", loopId)).singleElement()
                .satisfies(stored -> assertThat(golden.mismatches(golden.topic(), golden.key(), golden.headers(), stored,
                        value -> PersonalText.decrypt(key, loopId, value).orElse(null))).isEmpty());
        Api.asRecruiter().delete("/api/subscriptions/{id}", subscriptionId).then().statusCode(204);
        Erasures.eraseAndAwait(golden.value().at("/candidate/id").asText(), loopId);
    }

    @Test
    void aListedDecisionCarriesItsLoopsFinalDecisionTheSealedReasonOpened() throws Exception {
        String loopId = Kafka.newLoopId("golden-final");
        Map<String, String> ids = Map.of("key", loopId, "headers.ce_subject", loopId, "value.loopId", loopId);
        GoldenEvent decision = GoldenEvent.of("hiring.decision.made.v1").with(ids).with(Map.of("headers.ce_id", loopId + ":1"));
        GoldenEvent finalized = GoldenEvent.of("hiring.decision.finalized.v1").with(ids)
                .with(Map.of("headers.ce_id", loopId + ":final"));
        assertThat(finalized.sealed()).containsExactly("value.reason");
        byte[] key = LoopKeysStandIn.newKey(loopId);
        for (GoldenEvent event : List.of(decision, finalized)) {
            GoldenEvent sealed = event.sealedWith(text -> PersonalText.encrypt(key, loopId, text));
            Kafka.send(sealed.topic(), sealed.key(), sealed.valueText(), sealed.headers());
        }

        await().atMost(WAIT).until(() -> !listed(loopId).path("finalDecision").isNull());
        JsonNode listed = listed(loopId);
        assertThat(mismatches(decision, withoutFinal(listed))).isEmpty();
        assertThat(mismatches(finalized, listed.get("finalDecision"))).isEmpty();
        Erasures.eraseAndAwait(decision.value().at("/candidate/id").asText(), loopId);
        // erased: the decision and its final outcome stay, the reason is gone
        await().atMost(WAIT).until(() -> listed(loopId).at("/finalDecision/reason").isNull());
        assertThat(listed(loopId).at("/finalDecision/outcome").asText()).isEqualTo(finalized.value().get("outcome").asText());
    }

    /** The only decision GET /api/decisions lists for the loop, or a missing node before there is one. */
    private static JsonNode listed(String loopId) throws Exception {
        String answer = Api.asHiringManager().queryParam("loopId", loopId).get("/api/decisions")
                .then().statusCode(200).extract().asString();
        return JSON.readTree(answer).path(0);
    }

    /** A listed decision without the field the listing adds to the Decision (which it must have). */
    private static JsonNode withoutFinal(JsonNode listed) {
        assertThat(listed.has("finalDecision")).as("the listing's finalDecision field").isTrue();
        ObjectNode copy = listed.deepCopy();
        copy.remove("finalDecision");
        return copy;
    }

    /**
     * How a relayed Decision differs from the fixture's value: every field, numbers by value, nothing added; the
     * sealed name as the fixture's plain text (the edges open it).
     */
    private static List<String> mismatches(GoldenEvent golden, JsonNode relayed) {
        GoldenEvent opened = new GoldenEvent(golden.type(), golden.topic(), golden.key(), golden.headers(),
                golden.value(), golden.generated(), Set.of());
        return opened.mismatches(golden.topic(), golden.key(), golden.headers(), relayed.toString());
    }
}
