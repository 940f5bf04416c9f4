package io.debrief.scorecard.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.debrief.scorecard.store.OutboxRow;
import io.debrief.testsupport.LocalStack;
import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * On the real broker: a relay round is all or nothing, so a consumer never sees a loop's later event without the
 * earlier one. The broker is made to refuse one batch and accept the next — a topic whose {@code max.message.bytes}
 * the first row exceeds — which is what a restarted broker did to the first request of a fresh producer in the fault
 * suite (see {@link Publisher}).
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scorecard"))
class PublisherIT {

    /** Larger than the producer's batch.size (so it travels alone) and than the test topic's max.message.bytes. */
    private static final int TOO_LARGE = 200 * 1024;

    @Inject
    Publishers publishers;

    @Test
    void anIdempotentProducerAloneLetsALaterBatchInWhenTheBrokerRefusedAnEarlierOne() throws Exception {
        String topic = smallMessagesTopic();
        String loopId = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> idempotent = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer())) {
            Future<RecordMetadata> opened = idempotent.send(new ProducerRecord<>(topic, loopId, payload("opened", TOO_LARGE)));
            Future<RecordMetadata> submitted = idempotent.send(new ProducerRecord<>(topic, loopId, payload("submitted", 10)));
            idempotent.flush();
            assertThat(failed(opened)).isTrue();
            assertThat(failed(submitted)).as("the later batch is written without the earlier one").isFalse();
        }
        assertThat(committedValues(topic, 1)).singleElement().asString().startsWith("submitted");
    }

    @Test
    void aRoundWithARefusedRowBecomesVisibleToReadCommittedConsumersNeitherWholeNorInPart() throws Exception {
        String topic = smallMessagesTopic();
        String loopId = UUID.randomUUID().toString();
        try (Publisher publisher = publishers.publisher(bootstrap(), topic, Map.of())) {
            Publisher.Published refused = publisher.publish(List.of(
                    row(loopId, "hiring.loop.opened.v1", new String(payload("opened", TOO_LARGE), StandardCharsets.UTF_8)),
                    row(loopId, "hiring.scorecard.submitted.v1", "{\"submitted\":1}")));
            assertThat(refused.failure()).isNotNull();
            assertThat(refused.acked()).isEmpty();

            Publisher.Published next = publisher.publish(List.of(
                    row(loopId, "hiring.loop.opened.v1", "{\"opened\":2}"),
                    row(loopId, "hiring.scorecard.submitted.v1", "{\"submitted\":2}")));
            assertThat(next.failure()).isNull();
            assertThat(next.acked()).hasSize(2);
        }
        assertThat(committedValues(topic, 2)).containsExactly("{\"opened\":2}", "{\"submitted\":2}");
    }

    private static String smallMessagesTopic() throws Exception {
        String topic = "publisher-it-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of("max.message.bytes", String.valueOf(64 * 1024))))).all().get();
        }
        return topic;
    }

    /** Everything a read_committed consumer finds on the topic once it has read {@code expected} records. */
    private static List<String> committedValues(String topic, int expected) {
        List<String> values = new ArrayList<>();
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while ((values.size() < expected || consumer.position(partition) < end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    private static OutboxRow row(String loopId, String type, String payload) {
        return new OutboxRow(UUID.randomUUID().toString(), loopId, type, payload, Instant.now());
    }

    private static byte[] payload(String prefix, int size) {
        StringBuilder text = new StringBuilder(prefix);
        while (text.length() < size) {
            text.append('x');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean failed(Future<RecordMetadata> send) throws InterruptedException {
        try {
            send.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    private static String bootstrap() {
        return LocalStack.shared().kafkaBootstrapServers();
    }
}
