package io.debrief.scorecard.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.debrief.contract.GoldenEvent;
import io.debrief.scorecard.config.OutboxConfig;
import io.debrief.scorecard.events.Publishers;
import io.debrief.scorecard.testing.Api;
import io.debrief.testsupport.LocalStackTestResource;
import io.debrief.testsupport.Ports;
import io.debrief.testsupport.Tracing;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * The relay with tracing on (issue 17, patches S1-S4 and S6): a record continues the trace of the request that wrote its
 * outbox row (the row keeps the request's {@code traceparent}; the relay's publish span is its child and goes on the
 * record), the relay counts what Kafka acknowledged, exports its producer's Kafka client metrics, and a round the
 * broker did not acknowledge reports how many rows it left.
 */
@QuarkusTest
@TestProfile(Tracing.On.class)
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scorecard"))
class RelayObservabilityIT {

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String CLIENT_SPAN = "00f067aa0ba902b7";

    @Inject
    MeterRegistry registry;

    @Inject
    DataSource db;

    @Inject
    OutboxRelayWorker worker;

    @Inject
    Publishers publishers;

    @Inject
    OutboxConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aRecordContinuesTheTraceOfTheRequestThatWroteIt() {
        String loopId = Api.asRecruiter().contentType("application/json")
                .header("traceparent", Tracing.traceparent(TRACE_ID, CLIENT_SPAN))
                .body(Api.json(Api.loopBody("alice", "TECHNICAL_SCREEN"))).post("/api/loops")
                .then().statusCode(201).extract().jsonPath().getString("loopId");

        ConsumerRecord<String, byte[]> record = awaitRecord(loopId);
        String traceparent = header(record, "traceparent");
        assertThat(traceparent).as("the record's traceparent").isNotNull();
        String[] parts = traceparent.split("-");
        assertThat(parts[1]).as("trace id: the request's").isEqualTo(TRACE_ID);
        assertThat(parts[2]).as("span id: the relay's publish span, not the caller's").isNotEqualTo(CLIENT_SPAN)
                .hasSize(16);
        assertThat(parts[3]).isEqualTo("01");
    }

    @Test
    void aRequestWithoutTraceContextStartsATraceThatTheRecordContinues() {
        String loopId = Api.openLoop("bob", "SYSTEM_DESIGN");
        ConsumerRecord<String, byte[]> record = awaitRecord(loopId);
        assertThat(header(record, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01")
                .doesNotContain("00000000000000000000000000000000");
        // the trace header is transport: the record still is the golden event
        GoldenEvent golden = GoldenEvent.of("hiring.loop.opened.v1");
        assertThat(golden.mismatches(record.topic(), record.key(), headers(record),
                new String(record.value(), StandardCharsets.UTF_8)))
                .noneMatch(mismatch -> mismatch.startsWith("header names"));
    }

    @Test
    void theRelayCountsWhatKafkaAcknowledgedAndExportsItsProducersClientMetrics() {
        double before = registry.get("debrief.outbox.relay.published").counter().count();
        String loopId = Api.openLoop("carol", "CULTURAL_FIT");
        awaitRecord(loopId);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(registry.get("debrief.outbox.relay.published").counter().count()).isGreaterThan(before));
        List<Meter> producer = registry.getMeters().stream()
                .filter(m -> m.getId().getName().startsWith("kafka.producer."))
                .filter(m -> String.valueOf(m.getId().getTag("client.id")).startsWith("scorecard-outbox-"))
                .toList();
        assertThat(producer).extracting(m -> m.getId().getName()).contains("kafka.producer.record.send.total");
    }

    @Test
    void aRoundTheBrokerDidNotAcknowledgeReportsTheRowsItLeft() throws Exception {
        worker.pause();
        try {
            String loopId = Api.openLoop("dave", "TECHNICAL_SCREEN");
            long pending = Api.pendingOutboxRows(db, loopId);
            assertThat(pending).isEqualTo(1);
            try (RelayOutbox cutOff = new RelayOutbox(db, publishers.publisher("127.0.0.1:" + Ports.free(),
                    config.topic(), Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1500)), config.batchSize(),
                    RelayOutbox.AfterPublish.NOTHING)) {
                RelayOutbox.PublishFailure failure = catchThrowableOfType(RelayOutbox.PublishFailure.class,
                        cutOff::drainOnce);
                assertThat(failure).isNotNull();
                assertThat(failure.unacknowledged()).isGreaterThanOrEqualTo(1);
            }
            assertThat(Api.pendingOutboxRows(db, loopId)).isEqualTo(1);
        } finally {
            worker.resume();
        }
    }

    private ConsumerRecord<String, byte[]> awaitRecord(String loopId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "relay-observability-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(config.topic()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (loopId.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no record of loop " + loopId + " on " + config.topic());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }
}
