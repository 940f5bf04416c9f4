package io.debrief.calibration;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.debrief.testsupport.LocalStack;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ProducerBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The tests' Kafka, through SmallRye's {@link KafkaCompanion}: writes scorecard-events as scorecard-service would
 * (CloudEvents binary mode) and reads this service's topics from the beginning.
 */
public final class Events implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    /** Every loop's candidate name: a test can look for it where it must never appear (logs). */
    public static final String CANDIDATE_NAME = "Nguyen Van A";
    public static final String[] AREAS = {"CONTAINERIZATION", "ORCHESTRATION", "CI_CD", "ML_TOOLS", "MONITORING",
            "SYSTEM_DESIGN", "PROBLEM_SOLVING", "COMMUNICATION"};
    /** How long the ITs wait for the service to get somewhere (long: the 2 shared cores are often saturated). */
    public static final Duration EVENTUALLY = Duration.ofSeconds(120);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaCompanion kafka = new KafkaCompanion(bootstrap());
    private final ProducerBuilder<String, String> producer = kafka.produceStrings()
            .withProp(ProducerConfig.ACKS_CONFIG, "all").withProp(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    private final String topic;
    private Instant clock = Instant.parse("2026-11-26T09:00:00Z");

    public Events() {
        this("scorecard-events");
    }

    public Events(String topic) {
        this.topic = topic;
    }

    public static String bootstrap() {
        return LocalStack.shared().kafkaBootstrapServers();
    }

    public static KafkaCompanion companion() {
        return new KafkaCompanion(bootstrap());
    }

    public static String newLoopId() {
        return "loop-" + UUID.randomUUID();
    }

    /** The partition (of 6) the default partitioner picks for a key. */
    public static int partitionOf(String key) {
        return org.apache.kafka.common.utils.Utils.toPositive(
                org.apache.kafka.common.utils.Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 6;
    }

    /** Loop ids, {@code perPartition} of them on each of the 6 partitions. */
    public static List<String> loopIdsOnEveryPartition(String prefix, int perPartition) {
        int[] counts = new int[6];
        List<String> ids = new ArrayList<>();
        for (int i = 0; ids.size() < 6 * perPartition; i++) {
            String id = prefix + i;
            int partition = partitionOf(id);
            if (counts[partition] < perPartition) {
                counts[partition]++;
                ids.add(id);
            }
        }
        return ids;
    }

    private String tick() {
        clock = clock.plusSeconds(60);
        return clock.toString();
    }

    /** Sends and waits for the broker's acknowledgement; returns the record, e.g. to send it again. */
    public ProducerRecord<String, String> send(String loopId, String type, Object data) {
        String value = data instanceof String text ? text : write(data);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, loopId, value);
        if (type != null) {
            header(record, "ce_type", type);
        }
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_source", "/scorecard-service");
        header(record, "ce_subject", loopId);
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        return resend(record);
    }

    /** Sends a record with exactly these headers (a golden event's, say). */
    public ProducerRecord<String, String> send(String key, Map<String, String> headers, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, text) -> header(record, name, text));
        return resend(record);
    }

    public ProducerRecord<String, String> resend(ProducerRecord<String, String> record) {
        producer.fromRecords(List.of(new ProducerRecord<>(record.topic(), record.partition(), record.key(),
                record.value(), record.headers()))).awaitCompletion(SEND_TIMEOUT);
        return record;
    }

    public ProducerRecord<String, String> opened(String loopId, String level, String... interviewers) {
        List<Map<String, Object>> panel = new ArrayList<>();
        for (String interviewer : interviewers) {
            panel.add(Map.of("interviewerId", interviewer, "stage", "TECHNICAL_DEEP_DIVE"));
        }
        return opened(loopId, level, panel);
    }

    /** A loop with panel entries as given (e.g. with {@code scheduledEnd}). */
    public ProducerRecord<String, String> opened(String loopId, String level, List<Map<String, Object>> panel) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("loopId", loopId);
        data.put("candidate", Map.of("id", "cand-" + loopId, "name", CANDIDATE_NAME));
        data.put("position", "MLOps Engineer");
        data.put("level", level);
        data.put("panel", panel);
        data.put("openedAt", tick());
        data.put("someFieldFromTheFuture", Map.of("ignored", true));
        return send(loopId, "hiring.loop.opened.v1", data);
    }

    public ProducerRecord<String, String> scorecard(String loopId, String interviewer, int version,
                                                    Map<String, Integer> scores, String recommendation,
                                                    String... redFlags) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("loopId", loopId);
        data.put("scorecardId", UUID.randomUUID().toString());
        data.put("interviewerId", interviewer);
        data.put("stage", "TECHNICAL_DEEP_DIVE");
        data.put("version", version);
        data.put("scores", scores);
        data.put("redFlags", List.of(redFlags));
        data.put("greenFlags", List.of("PRAGMATIC"));
        data.put("recommendation", recommendation);
        data.put("submittedAt", tick());
        return send(loopId, "hiring.scorecard.submitted.v1", data);
    }

    public ProducerRecord<String, String> cancelled(String loopId) {
        return send(loopId, "hiring.loop.cancelled.v1", Map.of("loopId", loopId, "cancelledAt", tick()));
    }

    /** The time the next event will carry (every event moves this clock a minute on). */
    public Instant clock() {
        return clock;
    }

    /** Scores for the given areas, in DOMAIN.md order starting at {@code from}. */
    public static Map<String, Integer> scores(int from, int... values) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            scores.put(AREAS[from + i], values[i]);
        }
        return scores;
    }

    public static String write(Object data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Every header of a record as text (the last value of a repeated one). */
    public static Map<String, String> headers(Headers headers) {
        Map<String, String> texts = new LinkedHashMap<>();
        headers.forEach(h -> texts.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return texts;
    }

    /** Reads {@code topic} from the beginning, in a consumer group of its own, until closed. */
    public static Reader reader(String topic) {
        return new Reader(topic);
    }

    @Override
    public void close() {
        producer.close();
        kafka.close();
    }

    /** A topic read from its beginning in the background; every record read is kept. */
    public static final class Reader implements AutoCloseable {

        private final KafkaCompanion kafka = companion();
        private final ConsumerTask<String, String> task;

        private Reader(String topic) {
            task = kafka.consumeStrings().withGroupId("calibration-it-" + UUID.randomUUID())
                    .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(topic);
        }

        /** The first record that matches, waiting for at most {@code timeout}. */
        public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> wanted, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : task.getRecords()) {
                    if (wanted.test(record)) {
                        return record;
                    }
                }
                KafkaCompanion.sleep(Duration.ofMillis(100));
            }
            throw new AssertionError("no matching record within " + timeout);
        }

        /** Every record read so far. */
        public List<ConsumerRecord<String, String>> records() {
            return task.getRecords();
        }

        @Override
        public void close() {
            task.close();
            kafka.close();
        }
    }
}
