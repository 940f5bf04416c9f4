package io.debrief.scorecard.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.debrief.contract.GoldenEvent;
import io.debrief.testsupport.KafkaRecords;
import io.debrief.testsupport.LocalStack;

/**
 * {@code hiring-decisions} for the audit's ITs: publishes decisions as calibration-service does (the golden fixtures,
 * with this test's loop), or any record, and reads this service's dead-letter topic from the beginning.
 */
public final class HiringDecisions {

    public static final String TOPIC = "hiring-decisions";
    public static final String DEAD_LETTERS = "hiring-decisions-scorecard-dlq";
    public static final String MADE = "hiring.decision.made.v1";
    public static final String FINALIZED = "hiring.decision.finalized.v1";

    private static final KafkaRecords RECORDS = new KafkaRecords(() -> LocalStack.shared().kafkaBootstrapServers());

    private HiringDecisions() {
    }

    /** The golden event of {@code type} for {@code loopId} (key, ce_subject, value.loopId and ce_id), and more. */
    public static GoldenEvent golden(String type, String loopId, Map<String, String> more) {
        GoldenEvent golden = GoldenEvent.of(type);
        String ceId = golden.headers().get("ce_id").replace(golden.key(), loopId);
        Map<String, String> replacements = new java.util.HashMap<>(Map.of("key", loopId, "headers.ce_subject", loopId,
                "headers.ce_id", ceId, "value.loopId", loopId));
        replacements.putAll(more);
        return golden.with(replacements);
    }

    /** {@code event} with the number {@code value} at the top-level field {@code field} of its value. */
    public static GoldenEvent withNumber(GoldenEvent event, String field, int value) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = event.value().deepCopy();
        copy.put(field, value);
        return new GoldenEvent(event.type(), event.topic(), event.key(), event.headers(), copy, event.generated(),
                event.sealed());
    }

    /** Publishes {@code event} (acks=all, waits for the broker). */
    public static void publish(GoldenEvent event) {
        send(event.key(), event.valueText(), event.headers());
    }

    /** Publishes any record with these headers. */
    public static void send(String key, String value, Map<String, String> headers) {
        RECORDS.send(TOPIC, key, value, headers);
    }

    /** The dead letters with this key, read from the beginning until {@code expected} are seen (at most 30 s). */
    public static List<ConsumerRecord<String, String>> deadLetters(String key, int expected) {
        return RECORDS.withKey(DEAD_LETTERS, key, expected, Duration.ofSeconds(30));
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        return KafkaRecords.header(record, name);
    }
}
