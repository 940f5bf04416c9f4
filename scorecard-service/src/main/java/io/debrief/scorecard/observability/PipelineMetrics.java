package io.debrief.scorecard.observability;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.producer.Producer;

import io.debrief.platform.observability.TaggedCounters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * scorecard-service's pipeline meters, each registered at start (at zero): events accepted by type
 * ({@code debrief_scorecard_events_accepted_total{type}}), records the outbox relay got acknowledged or not
 * ({@code debrief_outbox_relay_published_total}, {@code debrief_outbox_relay_failed_total}), failed relay rounds, and
 * the relay producer's own Kafka client metrics ({@code kafka_producer_*{client_id="scorecard-outbox-relay-N"}}).
 * The code calls it at the places named in deploy/observability/README.md.
 */
@Startup // created at start, so every meter exists (at zero) before its first use
@ApplicationScoped
public class PipelineMetrics {

    /** The event types of CONTRACT.md this service writes to its outbox. */
    public static final List<String> EVENT_TYPES = List.of("hiring.loop.opened.v1", "hiring.scorecard.submitted.v1",
            "hiring.loop.cancelled.v1", "hiring.scorecard.overdue.v1", "hiring.candidate.erased.v1");

    private final MeterRegistry registry;
    private final TaggedCounters accepted;
    private final Map<String, KafkaClientMetrics> producers = new ConcurrentHashMap<>();
    private final Counter published;
    private final Counter failed;
    private final Counter failedRounds;

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = new TaggedCounters(registry, "debrief.scorecard.events.accepted",
                "Events written to the outbox by accepted requests, by CloudEvents type", "type", EVENT_TYPES);
        this.published = Counter.builder("debrief.outbox.relay.published")
                .description("Outbox records Kafka acknowledged (a republished record counts again)").register(registry);
        this.failed = Counter.builder("debrief.outbox.relay.failed")
                .description("Outbox records Kafka did not acknowledge; they stay in the outbox for the next round")
                .register(registry);
        this.failedRounds = Counter.builder("debrief.outbox.relay.failed.rounds")
                .description("Relay rounds that failed and will be retried").register(registry);
    }

    /** An accepted request wrote an event of {@code type} to the outbox: call after its transaction committed. */
    public void eventAccepted(String type) {
        accepted.increment(type);
    }

    /** The relay had {@code records} acknowledged by Kafka. */
    public void relayPublished(int records) {
        published.increment(records);
    }

    /** {@code records} of a relay round were not acknowledged (they stay in the outbox). */
    public void relayFailed(int records) {
        failed.increment(records);
    }

    /** A relay round failed as a whole (and is retried after a backoff). */
    public void relayRoundFailed() {
        failedRounds.increment();
    }

    /**
     * Exports {@code producer}'s Kafka client metrics, replacing those of the producer it replaced under the same
     * client id (the relay makes a new producer after a failure). Returns the producer, so a supplier can wrap it.
     */
    public <K, V> Producer<K, V> relayProducer(String clientId, Producer<K, V> producer) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(producer);
        KafkaClientMetrics previous = producers.put(clientId, metrics);
        if (previous != null) {
            previous.close();
        }
        metrics.bindTo(registry);
        return producer;
    }
}
