package io.debrief.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The services' tests' Kafka client, SmallRye's {@link KafkaCompanion} on the test stack's broker (made at first use):
 * sends string records with their headers the way the producers do ({@code acks=all}, idempotent, waiting until the
 * broker has acknowledged them) and reads a topic's records of one key from the beginning.
 */
public final class KafkaRecords {

    private static final Duration SEND_WAIT = Duration.ofSeconds(30);

    private final Supplier<String> bootstrapServers;
    private KafkaCompanion companion;

    /** {@code bootstrapServers} is asked at first use (the test's config or stack may not be there before). */
    public KafkaRecords(Supplier<String> bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion = new KafkaCompanion(bootstrapServers.get());
        }
        return companion;
    }

    /** A record with exactly these headers; waits until the broker has acknowledged it. */
    public void send(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        companion().produceStrings()
                .withProp(ProducerConfig.ACKS_CONFIG, "all")
                .withProp(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
                .fromRecords(record)
                .awaitCompletion(SEND_WAIT);
    }

    /**
     * The records with this key on {@code topic}, read from the beginning by a new group until {@code expected} are
     * seen or {@code wait} is over: fewer is no failure here, the caller asserts on what arrived.
     */
    public List<ConsumerRecord<String, String>> withKey(String topic, String key, int expected, Duration wait) {
        try (ConsumerTask<String, String> task = companion().consumeStrings()
                .withGroupId("test-reader-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(topic, records -> records.select().where(record -> key.equals(record.key())))) {
            try {
                task.awaitRecords(expected, wait);
            } catch (AssertionError | RuntimeException fewer) {
                // fewer than expected: the caller asserts on what arrived
            }
            return List.copyOf(task.getRecords());
        }
    }

    /** The last header of this name as UTF-8 text, or null. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
