package io.debrief.notification.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.debrief.notification.domain.IncomingDecision;
import io.debrief.notification.store.DecisionNotifications;
import io.debrief.notification.store.DecisionStore;
import io.debrief.notification.support.Api;
import io.debrief.notification.support.Decisions;
import io.debrief.notification.support.Kafka;
import io.debrief.notification.support.SseClient;
import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

/** The decision stream over real HTTP: live events, and a reconnect with Last-Event-ID gets exactly what it missed. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class DecisionStreamIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/decisions/stream")
    URL stream;

    @Inject
    Pool pool;

    @Inject
    DecisionStore decisionStore;

    @Inject
    DecisionNotifications notifications;

    @Test
    void liveDecisionArrivesAsADecisionEvent() throws Exception {
        String run = "live-" + UUID.randomUUID();
        try (SseClient client = open(null)) {
            String loopId = run + "-a";
            Kafka.publishDecision(loopId, 1, Decisions.json(loopId, 1, "HIRE", "MID"));

            await().atMost(WAIT).until(() -> client.eventsWithIdPrefix(run).size() == 1);
            SseClient.Event event = client.eventsWithIdPrefix(run).get(0);
            assertThat(client.contentType()).startsWith("text/event-stream");
            assertThat(event.name()).isEqualTo("decision");
            assertThat(event.id()).isEqualTo(loopId + ":1");
            JsonNode data = JSON.readTree(event.data());
            assertThat(data.get("loopId").asText()).isEqualTo(loopId);
            assertThat(data.get("outcome").asText()).isEqualTo("HIRE");
            assertThat(data.get("summary").asText()).startsWith("Hire — Ada Lovelace, MID MLOps Engineer");
        }
    }

    @Test
    void reconnectingWithLastEventIdGetsExactlyWhatItMissedThenLiveDecisions() {
        String run = "resume-" + UUID.randomUUID();
        String seen = run + "-1";
        String missedA = run + "-2";
        String missedB = run + "-3";
        String live = run + "-4";

        String lastEventId;
        try (SseClient first = open(null)) {
            publishAndAwaitStored(seen);
            await().atMost(WAIT).until(() -> first.eventsWithIdPrefix(run).size() == 1);
            lastEventId = first.eventsWithIdPrefix(run).get(0).id();
        }
        assertThat(lastEventId).isEqualTo(seen + ":1");
        publishAndAwaitStored(missedA);
        publishAndAwaitStored(missedB);

        try (SseClient second = open(lastEventId)) {
            await().atMost(WAIT).until(() -> second.eventsWithIdPrefix(run).size() == 2);
            Kafka.publishDecision(live, 1, Decisions.json(live, 1, "NO_HIRE", "JUNIOR"));
            await().atMost(WAIT).until(() -> second.eventsWithIdPrefix(run).size() >= 3);
            await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> second.eventsWithIdPrefix(run).size() == 3);
            assertThat(second.eventsWithIdPrefix(run)).extracting(SseClient.Event::id)
                    .containsExactly(missedA + ":1", missedB + ":1", live + ":1");
        }
    }

    @Test
    void aDecisionAnotherInstanceStoredArrivesLiveOnThisInstancesStream() throws Exception {
        String loopId = "other-instance-" + UUID.randomUUID();
        try (SseClient client = open(null)) {
            // what another instance's RecordDecisions commits: lock the sequence, insert, announce; nothing here is
            // told in-process, so only the announcement (or the follower's poll) can bring it to this stream
            pool.withTransaction(tx -> decisionStore.lockSequence(tx)
                    .chain(() -> decisionStore.insertNew(tx, List.of(new IncomingDecision(loopId, 1, "HIRE", "MID",
                            Decisions.json(loopId, 1, "HIRE", "MID"), "Hire — Ada Lovelace, MID MLOps Engineer"))))
                    .chain(stored -> notifications.announce(tx)))
                    .await().atMost(WAIT);

            await().atMost(WAIT).until(() -> client.eventsWithIdPrefix(loopId).size() == 1);
            assertThat(client.eventsWithIdPrefix(loopId).get(0).id()).isEqualTo(loopId + ":1");
            await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> client.eventsWithIdPrefix(loopId).size() == 1);
        }
    }

    @Test
    void aBurstOfDecisionsOnEveryPartitionAllArriveLiveExactlyOnce() {
        String run = "burst-" + UUID.randomUUID();
        List<String> expected = new ArrayList<>();
        try (SseClient client = open(null)) {
            // loops on all six partitions, stored by the three consumers concurrently
            for (int i = 0; i < 90; i++) {
                String loopId = run + "-" + i;
                expected.add(loopId + ":1");
                Kafka.publishDecision(loopId, 1, Decisions.json(loopId, 1, "HIRE", "MID"));
            }
            await().atMost(WAIT).until(() -> client.eventsWithIdPrefix(run).size() >= expected.size());
            await().during(Duration.ofSeconds(1)).atMost(WAIT)
                    .until(() -> client.eventsWithIdPrefix(run).size() == expected.size());
            assertThat(client.eventsWithIdPrefix(run)).extracting(SseClient.Event::id)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void idleStreamReceivesKeepAliveComments() {
        // %test keep-alive period is 2 s
        try (SseClient client = open(null)) {
            await().atMost(WAIT).until(() -> client.comments().contains("keep-alive"));
        }
    }

    @Test
    void lastEventIdQueryParameterIsAFallbackForTheHeader() {
        String run = "query-" + UUID.randomUUID();
        publishAndAwaitStored(run + "-1");
        publishAndAwaitStored(run + "-2");

        try (SseClient client = SseClient.connect(URI.create(stream + "?lastEventId=" + run + "-1:1"), null,
                "Authorization", Api.hiringManagerBearer())) {
            await().atMost(WAIT).until(() -> client.eventsWithIdPrefix(run).size() == 1);
            await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> client.eventsWithIdPrefix(run).size() == 1);
            assertThat(client.eventsWithIdPrefix(run)).extracting(SseClient.Event::id).containsExactly(run + "-2:1");
        }
    }

    private SseClient open(String lastEventId) {
        SseClient client = SseClient.connect(URI.create(stream.toString()), lastEventId,
                "Authorization", Api.hiringManagerBearer());
        // the server sends a comment once it has joined the live feed
        await().atMost(WAIT).until(() -> !client.comments().isEmpty());
        return client;
    }

    private static void publishAndAwaitStored(String loopId) {
        Kafka.publishDecision(loopId, 1, Decisions.json(loopId, 1, "HIRE", "SENIOR"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(Api.decisions(loopId)).hasSize(1));
    }

}
