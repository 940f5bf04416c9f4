package io.debrief.calibration.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.debrief.testsupport.LocalStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes scorecard-events as scorecard-service would (CloudEvents binary mode) and reads this service's topics. */
final class Events implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    /** Every loop's candidate name: a test can look for it where it must never appear (logs). */
    static final String CANDIDATE_NAME = "Nguyen Van A";
    static final String[] AREAS = {"CONTAINERIZATION", "ORCHESTRATION", "CI_CD", "ML_TOOLS", "MONITORING",
            "SYSTEM_DESIGN", "PROBLEM_SOLVING", "COMMUNICATION"};

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private Instant clock = Instant.parse("2026-11-26T09:00:00Z");

    Events() {
        this("scorecard-events");
    }

    Events(String topic) {
        this.topic = topic;
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"),
                new StringSerializer(), new StringSerializer());
    }

    static String bootstrap() {
        return LocalStack.shared().kafkaBootstrapServers();
    }

    static String newLoopId() {
        return "loop-" + UUID.randomUUID();
    }

    /** The partition (of 6) the default partitioner picks for a key. */
    static int partitionOf(String key) {
        return org.apache.kafka.common.utils.Utils.toPositive(
                org.apache.kafka.common.utils.Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 6;
    }

    /** Loop ids, {@code perPartition} of them on each of the 6 partitions. */
    static List<String> loopIdsOnEveryPartition(String prefix, int perPartition) {
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
    ProducerRecord<String, String> send(String loopId, String type, Object data) {
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

    ProducerRecord<String, String> resend(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
            return record;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot send to scorecard-events", e);
        }
    }

    ProducerRecord<String, String> opened(String loopId, String level, String... interviewers) {
        List<Map<String, Object>> panel = new ArrayList<>();
        for (String interviewer : interviewers) {
            panel.add(Map.of("interviewerId", interviewer, "stage", "TECHNICAL_DEEP_DIVE"));
        }
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

    ProducerRecord<String, String> scorecard(String loopId, String interviewer, int version, Map<String, Integer> scores,
                                             String recommendation, String... redFlags) {
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

    ProducerRecord<String, String> cancelled(String loopId) {
        return send(loopId, "hiring.loop.cancelled.v1", Map.of("loopId", loopId, "cancelledAt", tick()));
    }

    /** Scores for the given areas, in DOMAIN.md order starting at {@code from}. */
    static Map<String, Integer> scores(int from, int... values) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            scores.put(AREAS[from + i], values[i]);
        }
        return scores;
    }

    static String write(Object data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A consumer of {@code topic} from the beginning, in a group of its own. */
    static KafkaConsumer<String, String> reader(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "calibration-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Polls until a record matches, for at most {@code timeout}; every record seen is kept in {@code seen}. */
    static ConsumerRecord<String, String> await(KafkaConsumer<String, String> consumer, List<ConsumerRecord<String, String>> seen,
                                                Predicate<ConsumerRecord<String, String>> wanted, Duration timeout) {
        for (ConsumerRecord<String, String> record : seen) {
            if (wanted.test(record)) {
                return record;
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                seen.add(record);
                if (wanted.test(record)) {
                    return record;
                }
            }
        }
        throw new AssertionError("no matching record within " + timeout);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
