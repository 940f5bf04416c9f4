package io.debrief.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.debrief.testsupport.PostgresServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** How fast the system works off a backlog: the outbox after an outage, and a calibration rebuild from the log. */
final class Backlogs {

    private Backlogs() {
    }

    /**
     * scorecard-service is stopped, the outbox gets a backlog of rows (as after a long broker outage), and a fresh
     * instance relays it to a topic of its own: rows per second from its first delete to an empty outbox.
     */
    static void outboxDrain(Bench bench) throws Exception {
        int rows = bench.options().outboxRows();
        bench.stop("scorecard-service");
        PostgresServer postgres = bench.stack().postgres();
        String url = postgres.jdbcUrl("scorecard");
        try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password())) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_event (id, aggregatetype, aggregateid, "
                    + "type, payload, \"timestamp\") VALUES (?, 'loop', ?, 'hiring.scorecard.submitted.v1', ?::jsonb, ?)")) {
                for (int i = 0; i < rows; i++) {
                    String loop = "bench-outbox-" + (i / 4);
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, loop);
                    insert.setString(3, submitted(loop, i % 4, 1));
                    insert.setTimestamp(4, Timestamp.from(Instant.now()));
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            long initial = count(connection);
            long launched = System.nanoTime();
            Thread starter = new Thread(() -> {
                try {
                    bench.launch("scorecard-service", "scorecard-service", "scorecard", Map.of("DEBRIEF_OUTBOX_TOPIC", "bench-outbox-drain"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            starter.start();
            long firstDelete = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            long left = initial;
            while (left > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
                left = count(connection);
                if (firstDelete == 0 && left < initial) {
                    firstDelete = System.nanoTime();
                }
            }
            long emptied = System.nanoTime();
            starter.join();
            double seconds = (emptied - firstDelete) / 1e9;
            boolean drained = left == 0;
            // a drain cut off by the time limit is reported from the rows it did relay, over the time it had
            double relayed = initial - left;
            bench.report().add(new Report.Row("outbox drain", initial + " rows backlog", firstDelete == 0 ? 0 : relayed / seconds,
                    "rows/s", true, String.format(java.util.Locale.ROOT, "%s: %.0f of %d rows relayed in %.1f s from the first relayed "
                            + "row (%.1f s after launch)", drained ? "drained" : "NOT drained within 10 minutes", relayed, initial,
                            seconds, (emptied - launched) / 1e9))
                    .withCeiling(Ceilings.kafkaProducer > 0 ? Ceilings.kafkaProducer : null, "Kafka ProducerPerformance (records/s)")
                    .withTarget(Bench.OUTBOX, 10_000, 0));
        }
    }

    private static long count(Connection connection) throws SQLException {
        try (var statement = connection.createStatement(); ResultSet result = statement.executeQuery("SELECT count(*) FROM outbox_event")) {
            result.next();
            long count = result.getLong(1);
            connection.commit();
            return count;
        }
    }

    /**
     * A backlog of scorecard events (a loop opened, then four scorecards) on a topic of its own, and a fresh
     * calibration-service with an empty database reading it from the beginning: events per second until the last
     * loop's decision is published.
     */
    static void replay(Bench bench) throws Exception {
        int events = bench.options().replayEvents();
        int loops = events / 5;
        String suffix = String.valueOf(System.currentTimeMillis());
        String in = "bench-replay-in-" + suffix;
        String calibrations = "bench-replay-calibrations-" + suffix;
        String decisions = "bench-replay-decisions-" + suffix;
        String bootstrap = bench.stack().kafkaBootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(in, 6, (short) 1), new NewTopic(calibrations, 6, (short) 1),
                    new NewTopic(decisions, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
            // a new topic's partitions need a moment for their leader: wait for it rather than retry through it
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && admin.describeTopics(List.of(in)).allTopicNames().get().get(in)
                    .partitions().stream().anyMatch(partition -> partition.leader() == null)) {
                Thread.sleep(100);
            }
        }
        produce(bench, in, loops);
        double consumerCeiling = readAll(bootstrap, in, events);
        bench.report().add(new Report.Row("ceiling", "Kafka consumer reading the backlog", consumerCeiling, "events/s", true,
                "one plain KafkaConsumer, all " + events + " records of the replay's topic from the beginning, no processing"));

        bench.stack().postgres().ensureDatabase("calibration_replay");
        long launched = System.nanoTime();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "bench-" + suffix,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(decisions));
            Thread starter = new Thread(() -> {
                try {
                    bench.launch("calibration-replay", "calibration-service", "calibration_replay", Map.of(
                            "MP_MESSAGING_INCOMING_SCORECARD_EVENTS_TOPIC", in,
                            "MP_MESSAGING_INCOMING_SCORECARD_EVENTS_GROUP_ID", "replay-" + suffix,
                            "MP_MESSAGING_INCOMING_CALIBRATION_STREAM_TOPIC", calibrations,
                            "MP_MESSAGING_OUTGOING_CALIBRATION_UPDATES_TOPIC", calibrations,
                            "MP_MESSAGING_OUTGOING_HIRING_DECISIONS_TOPIC", decisions));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            starter.start();
            Set<String> decided = new HashSet<>();
            // bounded: a slow rebuild is reported from what it did in the time it had, never waited for open-endedly
            long deadline = launched + TimeUnit.SECONDS.toNanos(bench.options().replaySeconds());
            while (decided.size() < loops && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    decided.add(record.key());
                }
            }
            long finished = System.nanoTime();
            long committed = committed(bootstrap, "replay-" + suffix, in);
            starter.join();
            double seconds = (finished - launched) / 1e9;
            boolean complete = decided.size() == loops;
            // cut off by the time limit: only the events of loops already decided count (a lower bound)
            double replayed = complete ? events : decided.size() * 5.0;
            bench.report().add(new Report.Row("replay", events + " events backlog", replayed / seconds, "events/s", true,
                    String.format(java.util.Locale.ROOT, "%s: %d of %d loops (5 events each) decided in %.1f s from launch, start-up "
                                    + "included%s; the service's consumer group had committed %d events (%.0f/s)",
                            complete ? "complete" : "STOPPED at the " + bench.options().replaySeconds() + " s limit", decided.size(),
                            loops, seconds, complete ? "" : ", so the rate counts only decided loops' events", committed,
                            committed / seconds))
                    .withCeiling(consumerCeiling, "Kafka consumer reading the backlog")
                    .withTarget(Bench.REPLAY, 20_000, 0));
        } finally {
            bench.stop("calibration-replay");
        }
    }

    /**
     * Produces the backlog straight to Kafka (not through the REST API): one batching producer, acks=all and
     * idempotence on like the services', every send checked. Reports the rate it was produced at.
     */
    private static void produce(Bench bench, String topic, int loops) throws InterruptedException {
        long start = System.nanoTime();
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicLong acknowledged = new AtomicLong();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bench.stack().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "20", ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024),
                ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(128L * 1024 * 1024),
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "none"),
                new StringSerializer(), new StringSerializer())) {
            Callback checked = (metadata, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                } else {
                    acknowledged.incrementAndGet();
                }
            };
            for (int l = 0; l < loops && failure.get() == null; l++) {
                String loop = UUID.randomUUID().toString();
                producer.send(record(topic, loop, "hiring.loop.opened.v1", opened(loop, l)), checked);
                for (int seat = 0; seat < 4; seat++) {
                    producer.send(record(topic, loop, "hiring.scorecard.submitted.v1", submitted(loop, seat, 1)), checked);
                }
            }
            producer.flush();
        }
        if (failure.get() != null || acknowledged.get() != loops * 5L) {
            throw new IllegalStateException("the replay backlog was not produced: " + acknowledged.get() + " of " + loops * 5L
                    + " acknowledged", failure.get());
        }
        bench.report().add(new Report.Row("replay", "backlog produced", acknowledged.get() / ((System.nanoTime() - start) / 1e9),
                "events/s", true, acknowledged.get() + " events straight to Kafka, one producer, acks=all, idempotence on"));
    }

    /** Events per second of a plain consumer reading {@code expected} records of {@code topic} from the beginning. */
    private static double readAll(String bootstrap, String topic, int expected) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long start = System.nanoTime();
            long deadline = start + TimeUnit.MINUTES.toNanos(2);
            long read = 0;
            while (read < expected && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            return read / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** The sum of a consumer group's committed offsets on a topic: events it has finished with. */
    private static long committed(String bootstrap, String group, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS).entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    private static ProducerRecord<String, String> record(String topic, String loop, String type, String data) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/bench".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_subject", loop.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, loop, data, headers);
    }

    private static String opened(String loop, int i) {
        StringBuilder panel = new StringBuilder();
        for (int seat = 0; seat < 4; seat++) {
            panel.append(seat == 0 ? "" : ",").append("{\"interviewerId\":\"").append(Debriefs.interviewer(seat))
                    .append("\",\"stage\":\"TECHNICAL_SCREEN\"}");
        }
        return "{\"loopId\":\"" + loop + "\",\"candidate\":{\"id\":\"c" + i + "\",\"name\":\"Replay " + i + "\"},"
                + "\"position\":\"MLOps Engineer\",\"level\":\"MID\",\"panel\":[" + panel + "],\"openedAt\":\"" + Instant.now() + "\"}";
    }

    static String submitted(String loop, int seat, int version) {
        return "{\"loopId\":\"" + loop + "\",\"scorecardId\":\"" + UUID.randomUUID() + "\",\"interviewerId\":\""
                + Debriefs.interviewer(seat) + "\",\"stage\":\"TECHNICAL_SCREEN\",\"version\":" + version + ",\"scores\":{\""
                + Debriefs.AREAS[seat][0] + "\":4,\"" + Debriefs.AREAS[seat][1] + "\":4},\"redFlags\":[],\"greenFlags\":[],"
                + "\"recommendation\":\"YES\",\"submittedAt\":\"" + Instant.now() + "\"}";
    }
}
