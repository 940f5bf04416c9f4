package io.debrief.scorecard;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.debrief.testsupport.LocalStack;

/**
 * Our own reader of {@code scorecard-events}: one consumer for the test JVM, started at the topic's end, that keeps
 * every record by key (loopId) in offset order.
 */
final class EventLog {

    static final String TOPIC = "scorecard-events";
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EventLog shared;

    /** One record as read: key, partition, offset, headers and data. */
    record Event(String key, int partition, long offset, Map<String, String> headers, JsonNode data) {
        String id() {
            return headers.get("ce_id");
        }

        String type() {
            return headers.get("ce_type");
        }
    }

    private final Map<String, List<Event>> byKey = new ConcurrentHashMap<>();

    static synchronized EventLog shared() {
        if (shared == null) {
            shared = new EventLog();
        }
        return shared;
    }

    private EventLog() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.shared().kafkaBootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve now: every record produced from here on is seen
        Thread poller = new Thread(() -> {
            while (true) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    for (Header h : r.headers()) {
                        headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
                    }
                    JsonNode data;
                    try {
                        data = JSON.readTree(r.value());
                    } catch (Exception e) {
                        data = JSON.getNodeFactory().textNode(new String(r.value(), StandardCharsets.UTF_8));
                    }
                    List<Event> events = byKey.computeIfAbsent(r.key() == null ? "" : r.key(),
                            k -> new ArrayList<>());
                    synchronized (events) {
                        events.add(new Event(r.key(), r.partition(), r.offset(), headers, data));
                    }
                }
            }
        }, "test-event-log");
        poller.setDaemon(true);
        poller.start();
    }

    /** Every record of a loop so far, duplicates included, in offset order. */
    List<Event> all(String loopId) {
        List<Event> events = byKey.get(loopId);
        if (events == null) {
            return List.of();
        }
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** The loop's events without redeliveries (first copy of each ce_id), in order. */
    List<Event> distinct(String loopId) {
        Map<String, Event> first = new LinkedHashMap<>();
        for (Event e : all(loopId)) {
            first.putIfAbsent(e.id(), e);
        }
        return new ArrayList<>(first.values());
    }

    List<String> types(String loopId) {
        return distinct(loopId).stream().map(Event::type).toList();
    }

    /** Waits until the loop's distinct events satisfy {@code condition}; returns them. */
    List<Event> await(String loopId, Predicate<List<Event>> condition) {
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> condition.test(distinct(loopId)));
        return distinct(loopId);
    }

    /** Waits until a record of {@code type} is there for the loop. */
    List<Event> awaitType(String loopId, String type) {
        return await(loopId, events -> events.stream().anyMatch(e -> e.type().equals(type)));
    }

    /** How many copies of each ce_id arrived for the loop. */
    Map<String, Integer> copies(String loopId) {
        Map<String, Integer> copies = new HashMap<>();
        for (Event e : all(loopId)) {
            copies.merge(e.id(), 1, Integer::sum);
        }
        return copies;
    }
}
