package io.debrief.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Every record of every topic on the broker (the internal ones too), read from offset 0 up to the end each partition
 * had when the read began: what anyone replaying the topics could see, before any compaction.
 */
final class TopicRecords {

    /** One record as bytes: its key, its value and each header's name and value. */
    record Raw(String topic, int partition, long offset, byte[] key, byte[] value, List<Map.Entry<String, byte[]>> headers) {

        String where() {
            return topic + "-" + partition + "@" + offset;
        }

        String header(String name) {
            for (int i = headers.size() - 1; i >= 0; i--) {
                if (headers.get(i).getKey().equals(name)) {
                    return new String(headers.get(i).getValue(), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        String valueText() {
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }

        String keyText() {
            return key == null ? null : new String(key, StandardCharsets.UTF_8);
        }
    }

    private TopicRecords() {
    }

    static List<Raw> all(String bootstrapServers) throws ExecutionException, InterruptedException {
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        }
        List<Raw> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // records of open or aborted transactions are on the log as well: read them too
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo info : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read every topic to its end within 2 minutes");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    List<Map.Entry<String, byte[]>> headers = new ArrayList<>();
                    for (Header header : record.headers()) {
                        headers.add(Map.entry(header.key(), header.value() == null ? new byte[0] : header.value()));
                    }
                    records.add(new Raw(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                            headers));
                }
            }
        }
        return records;
    }
}
