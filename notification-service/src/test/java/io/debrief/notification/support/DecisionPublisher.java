package io.debrief.notification.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.debrief.testsupport.LocalStack;

/** Publishes to hiring-decisions the way calibration-service does: key loopId, CloudEvents binary headers. */
public final class DecisionPublisher {

    public static final String TOPIC = "hiring-decisions";
    public static final String DLQ = "hiring-decisions-dlq";

    private static KafkaProducer<String, String> producer;

    private DecisionPublisher() {
    }

    public static String newLoopId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A Decision per CONTRACT.md. */
    public static String decision(String loopId, int version, String outcome, String level) {
        boolean hire = outcome.equals("HIRE");
        return """
                {"loopId":"%s","decisionVersion":%d,"candidate":{"id":"cand-1","name":"Ada Lovelace"},
                 "position":"MLOps Engineer","level":"%s","outcome":"%s","average":4.25,
                 "areaScores":{"CONTAINERIZATION":5,"ORCHESTRATION":5,"CI_CD":4,"ML_TOOLS":4,"MONITORING":4,
                   "SYSTEM_DESIGN":4,"PROBLEM_SOLVING":4,"COMMUNICATION":4.0},
                 "checks":[{"rule":"AVERAGE","passed":true,"actual":4.25,"required":4.0},
                   {"rule":"EXPERT_AREAS","passed":%s,"actual":2,"required":3}],
                 "missingAreas":[],"nearMiss":%s,"needsDiscussion":false,"discussionReasons":[],
                 "strengths":["CONTAINERIZATION","ORCHESTRATION"],"areasToImprove":[],
                 "decidedAt":"2026-11-26T10:15:30Z","futureField":{"kept":true}}
                """.formatted(loopId, version, level, outcome, hire, !hire).replace("\n", "");
    }

    public static void publish(String loopId, int version, String json) {
        send(loopId, json, loopId + ":" + version, "hiring.decision.made.v1");
    }

    public static synchronized void send(String key, String value, String ceId, String ceType) {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, value);
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(ceId))
                .add("ce_source", bytes("/calibration-service"))
                .add("ce_type", bytes(ceType))
                .add("ce_subject", bytes(key))
                .add("ce_time", bytes(Instant.now().toString()))
                .add("content-type", bytes("application/json"));
        try {
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + TOPIC, e);
        }
    }

    /** The records with this key on the dead-letter topic, read from the beginning until {@code expected} are seen. */
    public static List<ConsumerRecord<String, String>> deadLetters(String key, int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.shared().kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(DLQ));
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
                if (found.size() >= expected) {
                    break;
                }
            }
        }
        return found;
    }

    private static KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.shared().kafkaBootstrapServers());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(config);
        }
        return producer;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
