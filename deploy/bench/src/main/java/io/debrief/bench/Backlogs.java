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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
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
            CompletableFuture<Void> starter = launching(bench, "scorecard-service", "scorecard-service", "scorecard",
                    Map.of("DEBRIEF_OUTBOX_TOPIC", "bench-outbox-drain"));
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
        Backlog backlog = backlog(bench, "replay", bench.options().replayEvents(), "Kafka consumer reading the backlog",
                (topic, loops) -> produce(bench, "replay", topic, loops, false));
        int loops = backlog.loops();
        Rebuild rebuild = rebuild(bench, "calibration-replay", "calibration_replay", backlog.topic(), loops, backlog.suffix(), Map.of());
        double seconds = rebuild.seconds();
        boolean complete = rebuild.decided() == loops;
        // cut off by the time limit: only the events of loops already decided count (a lower bound)
        double replayed = complete ? backlog.events() : rebuild.decided() * 5.0;
        bench.report().add(new Report.Row("replay", backlog.events() + " events backlog", replayed / seconds, "events/s", true,
                String.format(java.util.Locale.ROOT, "%s: %d of %d loops (5 events each) decided in %.1f s from launch, start-up "
                                + "included%s; the service's consumer group had committed %d events (%.0f/s)",
                        complete ? "complete" : "STOPPED at the " + bench.options().replaySeconds() + " s limit", rebuild.decided(),
                        loops, seconds, complete ? "" : ", so the rate counts only decided loops' events", rebuild.committed(),
                        rebuild.committed() / seconds))
                .withCeiling(backlog.consumerCeiling(), "Kafka consumer reading the backlog")
                .withTarget(Bench.REPLAY, 20_000, 0));
    }

    /**
     * Issue 15: what keeping the interviewer statistics costs a replay. One backlog of {@code --replay-events} scorecard
     * events (a loop opened, then four scorecards) with the interviewers, scheduled ends and scores of a real pool (see
     * {@link #produceRealistic}), replayed by fresh calibration-service instances with empty databases, alternately with
     * {@code DEBRIEF_INTERVIEWER_STATISTICS_ENABLED=false} and with the statistics kept (the default),
     * {@code --statistics-runs} times each (see {@link #alternate}); the cost is 1 − on/off.
     */
    static void statisticsCost(Bench bench) throws Exception {
        int interviewers = bench.options().interviewers();
        Backlog backlog = backlog(bench, "statistics", bench.options().replayEvents(), "Kafka consumer reading the statistics backlog",
                (topic, loops) -> produceRealistic(bench, topic, loops, interviewers));
        Comparison statistics = alternate(bench, backlog, "replay-statistics", "calibration-statistics",
                new Mode("off", "statistics off", Map.of("DEBRIEF_INTERVIEWER_STATISTICS_ENABLED", "false")),
                new Mode("on", "statistics kept", Map.of("DEBRIEF_INTERVIEWER_STATISTICS_ENABLED", "true")));
        bench.report().add(new Report.Row("replay-statistics", "events/s with the statistics, of without", statistics.percentOfOff(),
                "%", true, String.format(java.util.Locale.ROOT, "mean of %d runs each: kept %.0f events/s, off %.0f events/s (cost "
                                + "%.1f %%); run by run %s; best runs: kept %.0f, off %.0f (cost %.1f %%); %d interviewers",
                        statistics.on().size(), statistics.meanOn(), statistics.meanOff(), statistics.cost(),
                        statistics.pairwise(), statistics.bestOn(), statistics.bestOff(), statistics.bestCost(), interviewers))
                .withTarget(Bench.STATISTICS, 90, 0));
    }

    /** Writes a backlog's {@code loops} loops (five events each) to {@code topic}. */
    @FunctionalInterface
    interface Producer {
        void produce(String topic, int loops) throws Exception;
    }

    /** A produced backlog: its topic, the suffix of the names made for it, its events, and a plain consumer's rate on it. */
    record Backlog(String topic, String suffix, int events, double consumerCeiling) {

        int loops() {
            return events / 5;
        }
    }

    /**
     * A backlog of {@code events} on a new topic of its own ({@code bench-<name>-in-<suffix>}, six partitions), written
     * by {@code producer}; then read once by a plain consumer from the beginning, reported as the ceiling
     * {@code ceilingMetric}: what a replay of it could reach if the service did nothing.
     */
    static Backlog backlog(Bench bench, String name, int events, String ceilingMetric, Producer producer) throws Exception {
        String suffix = String.valueOf(System.currentTimeMillis());
        String topic = "bench-" + name + "-in-" + suffix;
        String bootstrap = bench.stack().kafkaBootstrapServers();
        createTopics(bootstrap, List.of(topic));
        producer.produce(topic, events / 5);
        double consumerCeiling = readAll(bootstrap, topic, events);
        bench.report().add(new Report.Row("ceiling", ceilingMetric, consumerCeiling, "events/s", true,
                "one plain KafkaConsumer, all " + events + " records of the backlog's topic from the beginning, no processing"));
        return new Backlog(topic, suffix, events, consumerCeiling);
    }

    /**
     * Watches one rebuild of a comparison: {@link #start} just before it, and what the returned supplier says once the
     * rebuild is over (its instance stopped) ends that run's note, e.g. {@code "; 12 OTLP exports"}.
     */
    @FunctionalInterface
    interface Watch {
        Watch NONE = () -> () -> "";

        java.util.function.Supplier<String> start();
    }

    /**
     * One side of a comparison: {@code label} names its instances and databases ({@code off}, {@code on}),
     * {@code shown} its rows; {@code environment} is what its instances get on top of the rebuild's own.
     */
    record Mode(String label, String shown, Map<String, String> environment, Watch watch) {

        Mode(String label, String shown, Map<String, String> environment) {
            this(label, shown, environment, Watch.NONE);
        }
    }

    /** Events per second of the runs of each side; the means and best runs compared. */
    record Comparison(List<Double> off, List<Double> on) {

        double meanOff() {
            return off.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        double meanOn() {
            return on.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        double bestOff() {
            return off.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }

        double bestOn() {
            return on.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }

        /** The mean rate on as a percentage of the mean rate off. */
        double percentOfOff() {
            return 100 * meanOn() / meanOff();
        }

        /** What being on costs, in % of the rate off (negative: on was faster). */
        double cost() {
            return 100 - percentOfOff();
        }

        /** The same between the best run of each side. */
        double bestCost() {
            return 100 * (1 - bestOn() / bestOff());
        }

        /** Each run's on as a percentage of the same run's off, e.g. "92, 85 and 76 %". */
        String pairwise() {
            List<String> percents = new java.util.ArrayList<>();
            for (int i = 0; i < Math.min(off.size(), on.size()); i++) {
                percents.add(String.format(java.util.Locale.ROOT, "%.0f", 100 * on.get(i) / off.get(i)));
            }
            return percents.size() < 2 ? percents.get(0) + " %"
                    : String.join(", ", percents.subList(0, percents.size() - 1)) + " and " + percents.get(percents.size() - 1) + " %";
        }
    }

    /**
     * The same backlog replayed by fresh calibration-service instances, each with an empty database of its own
     * ({@code <instance>-<off|on>-<run>}), as {@code off} and as {@code on}, {@code --statistics-runs} times each. A row
     * per run in {@code scenario}: events/s from the rebuild's first decision to its last (start-up excluded, the same
     * for both sides; the rate from launch is in the note), beside the plain consumer's. A rebuild that does not decide
     * every loop within {@code --replay-seconds} fails the comparison.
     * <p>
     * Two biases are taken out: a first rebuild, as {@code off}, warms up what every later one reuses (the broker's
     * pages of the backlog, PostgreSQL's catalog, the file cache) and is reported but not counted; before it, the first
     * measured run of a side was always the slowest, by up to 25 %. And the order alternates, off then on in odd runs, on
     * then off in even ones, so a drift over the runs (a growing server, a neighbour's load) weighs on both sides alike.
     */
    static Comparison alternate(Bench bench, Backlog backlog, String scenario, String instance, Mode off, Mode on) throws Exception {
        measuredRebuild(bench, backlog, scenario, instance, off, "warm-up", "warm-up, not counted");
        List<Double> offRates = new java.util.ArrayList<>();
        List<Double> onRates = new java.util.ArrayList<>();
        for (int run = 1; run <= bench.options().statisticsRuns(); run++) {
            for (Mode mode : run % 2 == 1 ? List.of(off, on) : List.of(on, off)) {
                double rate = measuredRebuild(bench, backlog, scenario, instance, mode, String.valueOf(run), "run " + run);
                (mode == on ? onRates : offRates).add(rate);
            }
        }
        return new Comparison(offRates, onRates);
    }

    /** One rebuild of {@link #alternate} with {@code mode}, reported as a row; its events/s. */
    private static double measuredRebuild(Bench bench, Backlog backlog, String scenario, String instance, Mode mode,
                                          String run, String shownRun) throws Exception {
        String label = mode.label() + "-" + run;
        java.util.function.Supplier<String> watched = mode.watch().start();
        Rebuild rebuild = rebuild(bench, instance + "-" + label, (instance + "-" + label).replace('-', '_'), backlog.topic(),
                backlog.loops(), backlog.suffix(), mode.environment());
        String seen = watched.get();
        if (rebuild.decided() < backlog.loops()) {
            throw new IllegalStateException("the rebuild with " + mode.shown() + " decided " + rebuild.decided() + " of "
                    + backlog.loops() + " loops within --replay-seconds " + bench.options().replaySeconds());
        }
        double rate = backlog.events() / rebuild.steadySeconds();
        bench.report().add(new Report.Row(scenario, mode.shown() + ", " + shownRun, rate, "events/s", true,
                String.format(java.util.Locale.ROOT, "%d events, %d loops decided in %.1f s from the first decision (%.1f s "
                                + "from launch: %.0f events/s start-up included); consumer group committed %d events%s",
                        backlog.events(), backlog.loops(), rebuild.steadySeconds(), rebuild.seconds(),
                        backlog.events() / rebuild.seconds(), rebuild.committed(), seen))
                .withCeiling(backlog.consumerCeiling(), "Kafka consumer reading the backlog"));
        return rate;
    }

    /**
     * What one rebuild did: nanoTimes of the launch, the first decision and the end (the last loop decided, or the time
     * limit), loops decided, and the events the instance's consumer group had committed by then.
     */
    record Rebuild(long launched, long firstDecision, long finished, int decided, long committed) {

        /** From launch to the end, start-up included. */
        double seconds() {
            return (finished - launched) / 1e9;
        }

        /** From the first decision to the end: the rebuild's own pace, without start-up and the first batch. */
        double steadySeconds() {
            return (finished - firstDecision) / 1e9;
        }
    }

    /**
     * A fresh calibration-service instance ({@code instance}, database {@code database}, created empty if need be) reads
     * {@code in} from the beginning with {@code environment} added; returns once it decided all {@code loops} or was given
     * {@code --replay-seconds}. Its outgoing topics are its own.
     */
    static Rebuild rebuild(Bench bench, String instance, String database, String in, int loops, String suffix,
                           Map<String, String> environment) throws Exception {
        String calibrations = "bench-" + instance + "-calibrations-" + suffix;
        String decisions = "bench-" + instance + "-decisions-" + suffix;
        String bootstrap = bench.stack().kafkaBootstrapServers();
        createTopics(bootstrap, List.of(calibrations, decisions));
        bench.stack().postgres().ensureDatabase(database);
        String group = "replay-" + instance + "-" + suffix;
        long launched = System.nanoTime();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "bench-" + instance + "-" + suffix,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(decisions));
            Map<String, String> env = new java.util.HashMap<>(Map.of(
                    "MP_MESSAGING_INCOMING_SCORECARD_EVENTS_TOPIC", in,
                    "MP_MESSAGING_INCOMING_SCORECARD_EVENTS_GROUP_ID", group,
                    "MP_MESSAGING_INCOMING_CALIBRATION_STREAM_TOPIC", calibrations,
                    "MP_MESSAGING_OUTGOING_CALIBRATION_UPDATES_TOPIC", calibrations,
                    "MP_MESSAGING_OUTGOING_HIRING_DECISIONS_TOPIC", decisions));
            env.putAll(environment);
            CompletableFuture<Void> starter = launching(bench, instance, "calibration-service", database, env);
            Set<String> decided = new HashSet<>();
            long firstDecision = 0;
            // bounded: a slow rebuild is reported from what it did in the time it had, never waited for open-endedly
            long deadline = launched + TimeUnit.SECONDS.toNanos(bench.options().replaySeconds());
            while (decided.size() < loops && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    decided.add(record.key());
                    if (firstDecision == 0) {
                        firstDecision = System.nanoTime();
                    }
                }
            }
            long finished = System.nanoTime();
            long committed = committed(bootstrap, group, in);
            starter.join();
            return new Rebuild(launched, firstDecision == 0 ? finished : firstDecision, finished, decided.size(), committed);
        } finally {
            bench.stop(instance);
        }
    }

    /**
     * Launches a service in the background, so that the caller watches what it does from its first moment; the
     * future's {@code join()} waits for it to be ready and rethrows what failed.
     */
    private static CompletableFuture<Void> launching(Bench bench, String instance, String service, String database,
                                                     Map<String, String> environment) {
        return CompletableFuture.runAsync(() -> {
            try {
                bench.launch(instance, service, database, environment);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }

    private static void createTopics(String bootstrap, List<String> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(topics.stream().map(topic -> new NewTopic(topic, 6, (short) 1)).toList()).all().get(30, TimeUnit.SECONDS);
            // a new topic's partitions need a moment for their leader: wait for it rather than retry through it
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .anyMatch(topic -> topic.partitions().stream().anyMatch(partition -> partition.leader() == null))) {
                Thread.sleep(100);
            }
        }
    }

    /**
     * Produces the backlog straight to Kafka (not through the REST API): one batching producer, acks=all and
     * idempotence on like the services', every send checked. Reports the rate it was produced at, in {@code scenario}.
     * {@code traced}: every record carries a W3C {@code traceparent} of its own (a sampled trace), as the records that a
     * scorecard-service with tracing on relays do, so that a traced consumer has a context to link per record.
     */
    static void produce(Bench bench, String scenario, String topic, int loops, boolean traced) throws InterruptedException {
        double rate;
        try (BacklogProducer producer = new BacklogProducer(bench.stack().kafkaBootstrapServers())) {
            for (int l = 0; l < loops && !producer.failed(); l++) {
                String loop = UUID.randomUUID().toString();
                producer.send(traced(record(topic, loop, "hiring.loop.opened.v1", opened(loop, l)), traced));
                for (int seat = 0; seat < 4; seat++) {
                    producer.send(traced(record(topic, loop, "hiring.scorecard.submitted.v1", submitted(loop, seat, 1)), traced));
                }
            }
            rate = producer.finish("the replay backlog", loops * 5L);
        }
        bench.report().add(new Report.Row(scenario, "backlog produced", rate,
                "events/s", true, loops * 5L + " events straight to Kafka, one producer, acks=all, idempotence on"
                        + (traced ? "; each record with a traceparent of its own" : "")));
    }

    /**
     * The statistics scenario's backlog, straight to Kafka like {@link #produce}: {@code loops} loops of a level drawn
     * JUNIOR 30 %, MID 45 %, SENIOR 25 %, each with a panel of four distinct interviewers from a pool of
     * {@code interviewers} (the first seat drawn with a power-law skew, u^1.5, as in the interviewers scenario's data
     * set), each seat with a scheduled end an hour after the previous one; then the four scorecards, each submitted a
     * log-normal time after its interview (median 20 h), scoring three areas, one of them shared with the next seat (so
     * every interviewer has panel-mates to deviate from), 1..5 around 3.6 with the interviewer's own bias; the
     * recommendation follows the scores. Deterministic (fixed seed). Every send checked.
     */
    static void produceRealistic(Bench bench, String topic, int loops, int interviewers) throws InterruptedException {
        java.util.Random random = new java.util.Random(15);
        String[] stages = {"TECHNICAL_SCREEN", "TECHNICAL_DEEP_DIVE", "SYSTEM_DESIGN", "CULTURAL_FIT"};
        String[] areas = {"CONTAINERIZATION", "ORCHESTRATION", "CI_CD", "ML_TOOLS", "MONITORING", "SYSTEM_DESIGN",
                "PROBLEM_SOLVING", "COMMUNICATION"};
        Instant origin = Instant.now().minus(Duration.ofDays(730));
        double rate;
        try (BacklogProducer producer = new BacklogProducer(bench.stack().kafkaBootstrapServers())) {
            for (int l = 0; l < loops && !producer.failed(); l++) {
                String loop = UUID.randomUUID().toString();
                double draw = random.nextDouble();
                String level = draw < 0.30 ? "JUNIOR" : draw < 0.75 ? "MID" : "SENIOR";
                Instant openedAt = origin.plusSeconds((long) l * 730 * 86_400 / loops);
                int base = (int) Math.floor(interviewers * Math.pow(random.nextDouble(), 1.5));
                StringBuilder panel = new StringBuilder();
                String[] ids = new String[4];
                Instant[] ends = new Instant[4];
                for (int seat = 0; seat < 4; seat++) {
                    int iv = (base + seat * (interviewers / 4 + 1)) % interviewers;
                    ids[seat] = String.format(java.util.Locale.ROOT, "bench-iv-%05d", iv);
                    ends[seat] = openedAt.plus(Duration.ofHours(seat + 1));
                    panel.append(seat == 0 ? "" : ",").append("{\"interviewerId\":\"").append(ids[seat]).append("\",\"stage\":\"")
                            .append(stages[seat]).append("\",\"scheduledEnd\":\"").append(ends[seat]).append("\"}");
                }
                producer.send(record(topic, loop, "hiring.loop.opened.v1", "{\"loopId\":\"" + loop + "\",\"candidate\":{\"id\":\"c"
                        + l + "\",\"name\":\"Replay " + l + "\"},\"position\":\"MLOps Engineer\",\"level\":\"" + level
                        + "\",\"panel\":[" + panel + "],\"openedAt\":\"" + openedAt + "\"}"));
                for (int seat = 0; seat < 4; seat++) {
                    int iv = Integer.parseInt(ids[seat].substring("bench-iv-".length()));
                    double bias = ((iv * 37) % 13 - 6) * 0.25;
                    StringBuilder scores = new StringBuilder();
                    int sum = 0;
                    int[] scored = {2 * seat, 2 * seat + 1, (2 * seat + 2) % 8};
                    for (int a = 0; a < scored.length; a++) {
                        int score = (int) Math.max(1, Math.min(5, Math.round(3.6 + bias + 0.8 * random.nextGaussian())));
                        sum += score;
                        scores.append(a == 0 ? "" : ",").append('"').append(areas[scored[a]]).append("\":").append(score);
                    }
                    double mean = sum / 3.0;
                    String recommendation = mean >= 4.5 ? "STRONG_YES" : mean >= 3.5 ? "YES" : mean >= 2.5 ? "NO" : "STRONG_NO";
                    Instant submittedAt = ends[seat].plusSeconds(Math.round(Math.exp(Math.log(72_000) + 0.9 * random.nextGaussian())));
                    producer.send(record(topic, loop, "hiring.scorecard.submitted.v1", "{\"loopId\":\"" + loop
                            + "\",\"scorecardId\":\"" + UUID.randomUUID() + "\",\"interviewerId\":\"" + ids[seat] + "\",\"stage\":\""
                            + stages[seat] + "\",\"version\":1,\"scores\":{" + scores + "},\"redFlags\":[],\"greenFlags\":[],"
                            + "\"recommendation\":\"" + recommendation + "\",\"submittedAt\":\"" + submittedAt + "\"}"));
                }
            }
            rate = producer.finish("the statistics backlog", loops * 5L);
        }
        bench.report().add(new Report.Row("replay-statistics", "backlog produced", rate,
                "events/s", true, loops * 5L + " events straight to Kafka: " + loops + " loops over " + interviewers
                        + " interviewers, scheduled ends, overlapping areas; one producer, acks=all, idempotence on"));
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

    private static ProducerRecord<String, String> traced(ProducerRecord<String, String> record, boolean traced) {
        if (traced) {
            record.headers().add("traceparent", traceparent(UUID.randomUUID(), java.util.concurrent.ThreadLocalRandom.current()
                    .nextLong()).getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    /**
     * A sampled W3C trace context ({@code 00-<trace id>-<parent id>-01}) from a random trace and span id; a span id of 0,
     * which the format forbids, becomes 1.
     */
    static String traceparent(UUID trace, long span) {
        return String.format(java.util.Locale.ROOT, "00-%016x%016x-%016x-01", trace.getMostSignificantBits(),
                trace.getLeastSignificantBits(), span == 0 ? 1 : span);
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

    /**
     * A backlog's producer: acks=all, idempotence on, large batches, no compression; every send's outcome counted and
     * the first failure kept, so that a backlog is only used once all of it was acknowledged.
     */
    private static final class BacklogProducer implements AutoCloseable {

        private final long start = System.nanoTime();
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private final AtomicLong acknowledged = new AtomicLong();
        private final KafkaProducer<String, String> producer;

        BacklogProducer(String bootstrapServers) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                    ProducerConfig.LINGER_MS_CONFIG, "20", ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024),
                    ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(128L * 1024 * 1024),
                    ProducerConfig.COMPRESSION_TYPE_CONFIG, "none"),
                    new StringSerializer(), new StringSerializer());
        }

        void send(ProducerRecord<String, String> record) {
            producer.send(record, this::acknowledged);
        }

        private void acknowledged(RecordMetadata metadata, Exception error) {
            if (error != null) {
                failure.compareAndSet(null, error);
            } else {
                acknowledged.incrementAndGet();
            }
        }

        boolean failed() {
            return failure.get() != null;
        }

        /** Waits for every send's answer: the events per second acknowledged, or an error unless all were. */
        double finish(String backlog, long expected) {
            producer.flush();
            if (failure.get() != null || acknowledged.get() != expected) {
                throw new IllegalStateException(backlog + " was not produced: " + acknowledged.get() + " of " + expected
                        + " acknowledged", failure.get());
            }
            return expected / ((System.nanoTime() - start) / 1e9);
        }

        @Override
        public void close() {
            producer.close();
        }
    }
}
