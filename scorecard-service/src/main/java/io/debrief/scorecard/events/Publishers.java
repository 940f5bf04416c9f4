package io.debrief.scorecard.events;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.debrief.platform.observability.TracePropagation;
import io.debrief.scorecard.config.OutboxConfig;
import io.debrief.scorecard.observability.PipelineMetrics;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Makes the relay's {@link Publisher}s: a transactional {@code KafkaProducer} ({@code acks=all}, idempotent), its
 * timeouts derived from {@code debrief.outbox.*}, on {@code kafka.bootstrap.servers} (or another broker, for tests that
 * play other instances). The relay of this instance has the {@code transactional.id}
 * {@code scorecard-outbox-<instance-id>}; a relay made for another broker or with overrides gets one of its own. Each
 * producer's Kafka client metrics are exported ({@code kafka_producer_*{client_id="scorecard-outbox-..."}}) and its
 * records traced ({@link Publisher}).
 */
@ApplicationScoped
public class Publishers {

    private static final AtomicInteger OTHER_RELAYS = new AtomicInteger();

    private final OutboxConfig config;
    private final String bootstrapServers;
    private final String instanceId;
    private final PipelineMetrics metrics;
    private final TracePropagation tracing;

    public Publishers(OutboxConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                      PipelineMetrics metrics, TracePropagation tracing) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.instanceId = config.instanceId().orElseGet(() -> UUID.randomUUID().toString());
        this.metrics = metrics;
        this.tracing = tracing;
    }

    /** The publisher of this instance's relay, to this service's broker. */
    public Publisher publisher() {
        return publisher(bootstrapServers, config.topic(), Map.of(), "scorecard-outbox-" + instanceId);
    }

    /** A publisher of another relay, to {@code topic} on {@code bootstrap}, with producer settings overridden. */
    public Publisher publisher(String bootstrap, String topic, Map<String, Object> producerOverrides) {
        return publisher(bootstrap, topic, producerOverrides,
                "scorecard-outbox-" + instanceId + "-other-" + OTHER_RELAYS.incrementAndGet());
    }

    private Publisher publisher(String bootstrap, String topic, Map<String, Object> producerOverrides,
                                String transactionalId) {
        Map<String, Object> producerConfig = producerConfig(bootstrap, transactionalId);
        producerConfig.putAll(producerOverrides);
        String clientId = (String) producerConfig.get(ProducerConfig.CLIENT_ID_CONFIG);
        return new Publisher(() -> metrics.relayProducer(clientId, new KafkaProducer<>(producerConfig)), topic,
                config.ackTimeout(), tracing);
    }

    private Map<String, Object> producerConfig(String bootstrap, String transactionalId) {
        Map<String, Object> producer = new HashMap<>();
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producer.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
        producer.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        producer.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) config.transactionTimeout().toMillis());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // with idempotence, up to 5 in-flight requests keep their order within a partition
        producer.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // a round sends up to batch-size records at once: bigger per-partition batches mean fewer produce requests
        producer.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        long ackMillis = config.ackTimeout().toMillis();
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(10_000, ackMillis / 2));
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) ackMillis);
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, config.maxBlock().toMillis());
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return producer;
    }
}
