package io.debrief.notification.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.debrief.contract.GoldenEvent;

/** {@code hiring.candidate.erased.v1} as scorecard-service emits it (its golden event's headers), for the tests. */
public final class Erasures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Erasures() {
    }

    /** The erasure's data: {candidateId, loopIds, erasedAt}. */
    public static ObjectNode of(String candidateId, List<String> loopIds) {
        ObjectNode erasure = JSON.createObjectNode();
        erasure.put("candidateId", candidateId);
        loopIds.forEach(erasure.putArray("loopIds")::add);
        erasure.put("erasedAt", Instant.now().toString());
        return erasure;
    }

    /** A fresh erasure's CloudEvents id, {candidateId}:erased:{epoch ms}. */
    public static String newCeId(String candidateId) {
        return candidateId + ":erased:" + Instant.now().toEpochMilli();
    }

    /** Publishes the erasure on scorecard-events, keyed by its candidate. */
    public static void send(ObjectNode erasure, String ceId) {
        GoldenEvent golden = GoldenEvent.of("hiring.candidate.erased.v1");
        String candidateId = erasure.get("candidateId").asText();
        Map<String, String> headers = new HashMap<>(golden.headers());
        headers.put("ce_id", ceId);
        headers.put("ce_subject", candidateId);
        headers.put("ce_time", erasure.get("erasedAt").asText());
        Kafka.send(golden.topic(), candidateId, erasure.toString(), headers);
    }

    /**
     * Erases the loop as scorecard-service would (its key destroyed, the event published) and waits until this service
     * has applied it: a test that stored sealed text leaves none for the test classes that run without the key service.
     */
    public static void eraseAndAwait(String candidateId, String loopId) {
        LoopKeysStandIn.destroyKey(loopId);
        send(of(candidateId, List.of(loopId)), newCeId(candidateId));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Database.rows("SELECT loop_id FROM erased_loop WHERE loop_id = ?", loopId).size() == 1);
    }
}
