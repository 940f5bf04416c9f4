package io.debrief.calibration.usecase;

import static io.debrief.calibration.Events.scores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.debrief.calibration.Events;
import io.debrief.calibration.Api;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.debrief.testsupport.LocalStack;
import io.debrief.calibration.LoopKeyService;
import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Rebuild: the state of some loops is wiped from PostgreSQL, then {@code scorecard-events} is read again from the
 * beginning by a consumer group of its own and every record is processed as the service processes it. The result
 * must be the same calibrations and the same decisions, decision versions included, byte for byte.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "calibration"))
@WithTestResource(LoopKeyService.class)
class RebuildIT {

    @Inject
    ApplyScorecardEvents processor;
    @Inject
    ObjectMapper json;

    @Test
    void replayingScorecardEventsFromTheBeginningIntoAnEmptyStateDerivesTheSameCalibrationsAndDecisions() throws Throwable {
        String flipped = Events.newLoopId();
        String early = Events.newLoopId();
        String cancelled = Events.newLoopId();
        String insufficient = Events.newLoopId();
        Set<String> loops = Set.of(flipped, early, cancelled, insufficient);
        try (Events events = new Events()) {
            events.opened(flipped, "SENIOR", "alice", "bob");
            var alice = events.scorecard(flipped, "alice", 1, scores(0, 5, 5, 5, 4), "YES");
            events.scorecard(flipped, "bob", 1, scores(4, 4, 4, 4, 4), "STRONG_YES", "RIGID");
            events.resend(alice);
            events.scorecard(flipped, "alice", 2, scores(0, 5, 5, 4, 4), "YES", "RIGID"); // v2: one expert area short
            events.scorecard(flipped, "alice", 3, scores(0, 5, 5, 3, 4), "YES", "RIGID"); // same results: no v3
            events.scorecard(early, "carol", 1, scores(0, 2, 2, 2, 2, 2, 2, 2, 2), "NO");
            events.opened(early, "JUNIOR", "carol");
            events.opened(cancelled, "MID", "dave", "erin");
            events.scorecard(cancelled, "dave", 1, scores(0, 4, 4), "YES");
            events.cancelled(cancelled);
            events.opened(insufficient, "MID", "frank");
            events.scorecard(insufficient, "frank", 1, scores(0, 4, 4, 4), "YES");
        }
        await().atMost(Events.EVENTUALLY).untilAsserted(() -> {
            Api.asAdmin().get("/api/calibrations/" + flipped).then().statusCode(200)
                    .body("decisionVersion", is(2)).body("areas.CI_CD.scores[0]", is(3));
            Api.asAdmin().get("/api/calibrations/" + early).then().statusCode(200).body("outcome", is("NO_HIRE"));
            Api.asAdmin().get("/api/calibrations/" + cancelled).then().statusCode(200).body("status", is("CANCELLED"));
            Api.asAdmin().get("/api/calibrations/" + insufficient).then().statusCode(200)
                    .body("outcome", is("INSUFFICIENT_EVIDENCE"));
        });
        Map<String, String> before = snapshot(loops);
        assertThat(before).containsKeys("decision " + flipped + ":1", "decision " + flipped + ":2")
                .doesNotContainKey("decision " + flipped + ":3");

        wipe(loops);
        assertThat(snapshot(loops)).isEmpty();
        int replayed = replay(loops);

        assertThat(replayed).isGreaterThanOrEqualTo(13);
        assertThat(snapshot(loops)).isEqualTo(before);
    }

    /** Reads scorecard-events from the beginning up to its current end and processes the records of these loops. */
    private int replay(Set<String> loops) throws Exception {
        int processed = 0;
        try (KafkaConsumer<String, String> consumer = freshInstance()) {
            consumer.poll(Duration.ZERO);
            long deadline = System.nanoTime() + Events.EVENTUALLY.toNanos();
            while (consumer.assignment().size() < 6 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToBeginning(consumer.assignment());
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("replay did not reach the end of scorecard-events");
                }
                List<ConsumerRecord<String, String>> batch = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (loops.contains(record.key())) {
                        batch.add(record);
                    }
                }
                processed += Batches.process(processor, json, batch); // each poll as one batch, as the service does
            }
        }
        return processed;
    }

    /** What a fresh instance's consumer is: a new consumer group on scorecard-events, nothing committed yet. */
    private static KafkaConsumer<String, String> freshInstance() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Events.bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "calibration-rebuild-" + java.util.UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("scorecard-events"));
        return consumer;
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static Connection database() throws SQLException {
        var postgres = LocalStack.shared().postgres();
        return DriverManager.getConnection(postgres.jdbcUrl("calibration"), postgres.username(), postgres.password());
    }

    /** Every stored row of these loops, as text. */
    private static Map<String, String> snapshot(Set<String> loops) throws SQLException {
        Map<String, String> rows = new TreeMap<>();
        try (Connection db = database()) {
            for (String loopId : loops) {
                query(db, "SELECT loop_id, concat_ws('|', opened, cancelled, status, outcome, decision_version, "
                        + "decision_signature, updated_at, calibration) FROM loop WHERE loop_id = ?", loopId, "loop ", rows);
                query(db, "SELECT id, concat_ws('|', version, scores, red_flags, recommendation, submitted_at) "
                        + "FROM scorecard WHERE loop_id = ?", loopId, "scorecard ", rows);
                query(db, "SELECT id, concat_ws('|', version, trigger_event, decided_at, decision) "
                        + "FROM decision WHERE loop_id = ?", loopId, "decision ", rows);
                query(db, "SELECT interviewer_id, concat_ws('|', level, decided_at, deviations, agreed, feedback_seconds) "
                        + "FROM interviewer_contribution WHERE loop_id = ?", loopId, "contribution " + loopId + " ", rows);
            }
        }
        return rows;
    }

    private static void query(Connection db, String sql, String loopId, String prefix, Map<String, String> rows)
            throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, loopId);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.put(prefix + result.getString(1), result.getString(2));
                }
            }
        }
    }

    private static void wipe(Set<String> loops) throws SQLException {
        try (Connection db = database()) {
            for (String table : List.of("interviewer_contribution", "decision", "scorecard", "loop")) {
                try (PreparedStatement delete = db.prepareStatement("DELETE FROM " + table + " WHERE loop_id = ?")) {
                    for (String loopId : loops) {
                        delete.setString(1, loopId);
                        delete.executeUpdate();
                    }
                }
            }
        }
    }
}
