package io.debrief.scorecard.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.debrief.testsupport.LocalStack;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * {@code scorecard-events} as the ITs read it: one KafkaCompanion consumer for the test JVM, started at the topic's
 * end, and views of its records by key (loopId) in offset order.
 */
public final class ScorecardEvents {

    public static final String TOPIC = "scorecard-events";
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ScorecardEvents shared;

    /** One record as read: key, partition, offset, headers and data (and the value's text). */
    public record Event(String key, int partition, long offset, Map<String, String> headers, JsonNode data,
                        String value) {
        public String id() {
            return headers.get("ce_id");
        }

        public String type() {
            return headers.get("ce_type");
        }
    }

    private final KafkaCompanion companion;
    private final ConsumerTask<String, byte[]> records;

    public static synchronized ScorecardEvents shared() {
        if (shared == null) {
            shared = new ScorecardEvents();
        }
        return shared;
    }

    private ScorecardEvents() {
        companion = new KafkaCompanion(LocalStack.shared().kafkaBootstrapServers());
        List<TopicPartition> partitions = companion.topics().describe(TOPIC).get(TOPIC).partitions().stream()
                .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        companion.offsets().list(latest).forEach((p, info) -> ends.put(p, info.offset()));
        // every record produced from here on is seen
        // as calibration-service and notification-service read it: only what the relay's transactions committed
        records = companion.consumeWithDeserializers(new StringDeserializer(), new ByteArrayDeserializer())
                .withProp(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .fromOffsets(ends, Long.MAX_VALUE);
    }

    private static Event event(ConsumerRecord<String, byte[]> r) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        String value = new String(r.value(), StandardCharsets.UTF_8);
        JsonNode data;
        try {
            data = JSON.readTree(r.value());
        } catch (Exception e) {
            data = JSON.getNodeFactory().textNode(value);
        }
        return new Event(r.key(), r.partition(), r.offset(), headers, data, value);
    }

    /** Every record of a loop so far, duplicates included, in offset order. */
    public List<Event> all(String loopId) {
        return records.getRecords().stream().filter(r -> loopId.equals(r.key())).map(ScorecardEvents::event).toList();
    }

    /** The loop's events without redeliveries (first copy of each ce_id), in order. */
    public List<Event> distinct(String loopId) {
        Map<String, Event> first = new LinkedHashMap<>();
        for (Event e : all(loopId)) {
            first.putIfAbsent(e.id(), e);
        }
        return new ArrayList<>(first.values());
    }

    public List<String> types(String loopId) {
        return distinct(loopId).stream().map(Event::type).toList();
    }

    /** Waits until the loop's distinct events satisfy {@code condition}; returns them. */
    public List<Event> await(String loopId, Predicate<List<Event>> condition) {
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> condition.test(distinct(loopId)));
        return distinct(loopId);
    }

    /** Waits until a record of {@code type} is there for the loop. */
    public List<Event> awaitType(String loopId, String type) {
        return await(loopId, events -> events.stream().anyMatch(e -> e.type().equals(type)));
    }

    /** How many copies of each ce_id arrived for the loop. */
    public Map<String, Integer> copies(String loopId) {
        Map<String, Integer> copies = new HashMap<>();
        for (Event e : all(loopId)) {
            copies.merge(e.id(), 1, Integer::sum);
        }
        return copies;
    }
}
