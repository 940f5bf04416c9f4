package io.debrief.scorecard.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class PipelineMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PipelineMetrics metrics = new PipelineMetrics(registry);

    @Test
    void everyEventTypeAndTheRelayCountersExistAtZero() {
        for (String type : PipelineMetrics.EVENT_TYPES) {
            assertThat(registry.get("debrief.scorecard.events.accepted").tag("type", type).counter().count()).isZero();
        }
        assertThat(registry.get("debrief.outbox.relay.published").counter().count()).isZero();
        assertThat(registry.get("debrief.outbox.relay.failed").counter().count()).isZero();
        assertThat(registry.get("debrief.outbox.relay.failed.rounds").counter().count()).isZero();
    }

    @Test
    void countsWhatItIsTold() {
        metrics.eventAccepted("hiring.scorecard.submitted.v1");
        metrics.eventAccepted("hiring.scorecard.submitted.v1");
        metrics.relayPublished(2000);
        metrics.relayFailed(3);
        metrics.relayRoundFailed();
        assertThat(registry.get("debrief.scorecard.events.accepted").tag("type", "hiring.scorecard.submitted.v1")
                .counter().count()).isEqualTo(2);
        assertThat(registry.get("debrief.outbox.relay.published").counter().count()).isEqualTo(2000);
        assertThat(registry.get("debrief.outbox.relay.failed").counter().count()).isEqualTo(3);
        assertThat(registry.get("debrief.outbox.relay.failed.rounds").counter().count()).isEqualTo(1);
    }

    @Test
    void aReplacedRelayProducerHandsItsClientMetricsToTheNewOne() {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                ProducerConfig.CLIENT_ID_CONFIG, "scorecard-outbox-relay-1");
        try (Producer<String, String> first = metrics.relayProducer("scorecard-outbox-relay-1",
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer()))) {
            assertThat(registry.find("kafka.producer.record.send.total").tag("client.id", "scorecard-outbox-relay-1")
                    .functionCounter()).isNotNull();
        }
        try (Producer<String, String> second = metrics.relayProducer("scorecard-outbox-relay-1",
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer()))) {
            assertThat(registry.find("kafka.producer.record.send.total").functionCounters()).hasSize(1);
        }
    }
}
