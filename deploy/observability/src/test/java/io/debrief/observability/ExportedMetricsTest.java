package io.debrief.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;

/**
 * ExportedMetrics reads scrapes as Prometheus writes them, and the names in metrics.txt are the names Micrometer's
 * Prometheus registry (the one Quarkus uses) really gives our kinds of meters and the Kafka clients' metrics.
 */
class ExportedMetricsTest {

    private final MetricCatalogue catalogue = MetricCatalogue.load();

    @Test
    void readsTheSampleNamesOfAScrape() {
        String scrape = """
                # HELP debrief_outbox_backlog_rows Events in the outbox
                # TYPE debrief_outbox_backlog_rows gauge
                debrief_outbox_backlog_rows 0.0
                debrief_decision_latency_seconds_bucket{le="0.1",} 3.0
                up 1
                """;
        assertThat(ExportedMetrics.sampleNames(scrape))
                .containsExactly("debrief_outbox_backlog_rows", "debrief_decision_latency_seconds_bucket", "up");
    }

    @Test
    void ourKindsOfMetersGetTheNamesTheCatalogueLists() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // the same builders as the services' observability beans
        Counter.builder("debrief.scorecard.events.accepted").tag("type", "hiring.loop.opened.v1").register(registry);
        Gauge.builder("debrief.outbox.backlog", () -> 0).baseUnit("rows").register(registry);
        Gauge.builder("debrief.outbox.oldest.age", () -> 0).baseUnit("seconds").register(registry);
        Counter.builder("debrief.outbox.relay.failed.rounds").register(registry);
        Timer.builder("debrief.decision.latency").serviceLevelObjectives(Duration.ofMillis(100)).register(registry);
        Gauge.builder("debrief.loops", () -> 0).tag("status", "PENDING").register(registry);
        Gauge.builder("debrief.webhooks.deliveries.pending", () -> 0).register(registry);
        Gauge.builder("debrief.webhooks.subscriptions", () -> 0).tag("state", "active").register(registry);
        Counter.builder("debrief.webhooks.subscriptions.disabled").register(registry);
        Timer.builder("debrief.webhooks.attempt.duration").serviceLevelObjectives(Duration.ofSeconds(1)).register(registry);
        Counter.builder("debrief.http.unavailable").tag("route", "unmatched").register(registry);

        Set<String> exported = ExportedMetrics.sampleNames(registry.scrape());
        assertThat(exported).contains("debrief_scorecard_events_accepted_total", "debrief_outbox_backlog_rows",
                "debrief_outbox_oldest_age_seconds", "debrief_outbox_relay_failed_rounds_total",
                "debrief_decision_latency_seconds_bucket", "debrief_decision_latency_seconds_count",
                "debrief_decision_latency_seconds_sum", "debrief_decision_latency_seconds_max", "debrief_loops",
                "debrief_webhooks_deliveries_pending", "debrief_webhooks_subscriptions",
                "debrief_webhooks_subscriptions_disabled_total", "debrief_webhooks_attempt_duration_seconds_bucket",
                "debrief_http_unavailable_total");
        assertThat(catalogue.names()).containsAll(exported);
    }

    @Test
    void theKafkaClientsMetricsHaveTheCataloguedNames() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "scorecard-outbox-relay-1");
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "calibration-service");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer());
             KafkaClientMetrics producerMetrics = new KafkaClientMetrics(producer);
             KafkaClientMetrics consumerMetrics = new KafkaClientMetrics(consumer)) {
            producerMetrics.bindTo(registry);
            consumerMetrics.bindTo(registry);
            Set<String> exported = ExportedMetrics.sampleNames(registry.scrape());
            for (MetricCatalogue.Entry entry : catalogue.entries()) {
                if (entry.name().startsWith("kafka_")) {
                    assertThat(exported).as("Micrometer's name for a Kafka client metric").contains(entry.name());
                }
            }
        }
    }

    @Test
    void namesWhatAServiceDoesNotExport() {
        Set<String> lacking = new java.util.TreeSet<>(catalogue.scrapedFrom("notification-service", false));
        lacking.removeAll(Set.of("debrief_webhooks_deliveries_pending"));
        assertThat(ExportedMetrics.describe(Map.of("notification-service", lacking)))
                .startsWith("notification-service does not export [").contains("debrief_webhooks_attempts_total");
    }
}
