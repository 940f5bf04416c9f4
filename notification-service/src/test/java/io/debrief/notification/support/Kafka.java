package io.debrief.notification.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

import io.debrief.testsupport.KafkaRecords;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The tests' Kafka client, test-support's {@link KafkaRecords} (SmallRye's {@link KafkaCompanion}) on the test stack's
 * broker: publishes records the way the producers do (key loopId, CloudEvents binary headers, {@code acks=all}) and
 * reads topics from the beginning.
 */
public final class Kafka {

    public static final String HIRING_DECISIONS = "hiring-decisions";
    public static final String DLQ = "hiring-decisions-dlq";

    private static final KafkaRecords RECORDS = new KafkaRecords(
            () -> ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    private Kafka() {
    }

    public static KafkaCompanion companion() {
        return RECORDS.companion();
    }

    public static String newLoopId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A decision on hiring-decisions, as calibration-service publishes it. */
    public static void publishDecision(String loopId, int version, String json) {
        send(HIRING_DECISIONS, loopId, json, loopId + ":" + version, "hiring.decision.made.v1", "/calibration-service");
    }

    /** Any record on hiring-decisions with CloudEvents headers of this id and type. */
    public static void sendDecisionRecord(String key, String value, String ceId, String ceType) {
        send(HIRING_DECISIONS, key, value, ceId, ceType, "/calibration-service");
    }

    /** A record with CloudEvents binary headers; waits until the broker has acknowledged it. */
    public static void send(String topic, String key, String value, String ceId, String ceType, String ceSource) {
        send(topic, key, value, Map.of("ce_specversion", "1.0", "ce_id", ceId, "ce_source", ceSource,
                "ce_type", ceType, "ce_subject", key, "ce_time", Instant.now().toString(),
                "content-type", "application/json"));
    }

    /** A record with exactly these headers. */
    public static void send(String topic, String key, String value, Map<String, String> headers) {
        RECORDS.send(topic, key, value, headers);
    }

    /** The records with this key on the dead-letter topic, read from the beginning until {@code expected} are seen. */
    public static List<ConsumerRecord<String, String>> deadLetters(String key, int expected) {
        return withKey(DLQ, key, expected, Duration.ofSeconds(5));
    }

    /** Up to {@code expected} records with this key on {@code topic}, read from the beginning for at most {@code wait}. */
    public static List<ConsumerRecord<String, String>> withKey(String topic, String key, int expected, Duration wait) {
        return RECORDS.withKey(topic, key, expected, wait);
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        return KafkaRecords.header(record, name);
    }
}
