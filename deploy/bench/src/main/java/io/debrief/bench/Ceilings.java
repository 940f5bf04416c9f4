package io.debrief.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What this machine can do at all, measured in the same run: the figures the service's are compared with. */
final class Ceilings {

    static final int RECORD_SIZE = 512;
    private static final Pattern RECORDS_PER_SECOND = Pattern.compile("records sent, ([0-9.]+) records/sec");

    static double kafkaProducer = -1;
    static double postgresTransactions = -1;
    /** Kafka's own produce-to-consume latency over one hop, acks=all, in ms: p50, p99, p99.9 (empty if not measured). */
    static final Map<Double, Double> kafkaEndToEnd = new TreeMap<>();
    /** The load generator against a no-op endpoint, at each rate the ingest and latency scenarios use. */
    static final Map<Integer, OpenLoop.Result> noOp = new TreeMap<>();

    private Ceilings() {
    }

    static void measure(Bench bench) throws Exception {
        kafkaProducer = producerPerformance(bench);
        bench.report().add(new Report.Row("ceiling", "Kafka ProducerPerformance", kafkaProducer, "records/s", true,
                RECORD_SIZE + " B records, acks=all, idempotence on, 1 producer"));

        endToEndLatency(bench);

        postgresTransactions = PostgresCeiling.insertPlusOutbox(bench);
        bench.report().add(new Report.Row("ceiling", "PostgreSQL insert+outbox tx", postgresTransactions, "tx/s", true,
                "16 JDBC clients, scorecard-service's own tables, no service, synchronous_commit=on, fsync=on"));

        noOpCeilings(bench);
    }

    /** The rates the load generator is measured at: every ingest step's, and the latency scenario's. */
    static List<Integer> generatorRates(Bench.Options options) {
        TreeSet<Integer> rates = new TreeSet<>(options.rates());
        rates.add(options.latencyRate());
        return List.copyOf(rates);
    }

    /**
     * The load generator against {@code /q/health/live} of scorecard-service (an answer without work) at each rate:
     * what the generator, the client, the loopback and Quarkus' HTTP layer cost together. Measured after a short
     * unreported warm-up, so the first rate is not charged with the JIT and the connection pool's first connections.
     */
    static void noOpCeilings(Bench bench) throws InterruptedException {
        String noOpUrl = bench.service("scorecard-service").baseUrl() + "/q/health/live";
        LoadClient client = bench.load();
        OpenLoop.run(500, Duration.ofSeconds(3), 20_000, i -> client.get(noOpUrl, null).thenApply(status -> status == 200));
        for (int rate : generatorRates(bench.options())) {
            OpenLoop.Result result = OpenLoop.run(rate, Duration.ofSeconds(bench.options().stepSeconds()), 20_000,
                    i -> client.get(noOpUrl, null).thenApply(status -> status == 200));
            noOp.put(rate, result);
            bench.report().add(new Report.Row("ceiling", "load generator → no-op @" + rate + "/s", result.achievedRate(), "req/s",
                    true, String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, %d failed; the generator's own send "
                                    + "lag p99 %.2f ms; Vert.x HTTP/1.1 client, %d kept-alive connections; /q/health/live of "
                                    + "scorecard-service", result.p(50), result.p(99), result.p(99.9), result.failed(), result.lag(99),
                            client.connections())));
        }
    }

    /** The no-op figure at {@code percentile} for {@code rate}, or null when the ceilings were not measured at it. */
    static Double noOpLatency(int rate, double percentile) {
        OpenLoop.Result result = noOp.get(rate);
        return result == null ? null : result.p(percentile);
    }

    static Double noOpRate(int rate) {
        OpenLoop.Result result = noOp.get(rate);
        return result == null ? null : result.achievedRate();
    }

    private static final Pattern PERCENTILES = Pattern.compile(
            "50th = ([0-9.]+), 99th = ([0-9.]+), 99\\.9th = ([0-9.]+)");

    /** Kafka's EndToEndLatency: one record at a time, produced with acks=all and consumed, on the same broker. */
    private static void endToEndLatency(Bench bench) throws IOException, InterruptedException {
        int records = bench.options().quick() ? 500 : 2_000;
        Path log = bench.work().resolve("end-to-end-latency.log");
        String output = kafkaTool("-Xmx256m", "EndToEndLatency", List.of(bench.stack().kafkaBootstrapServers(),
                "bench-end-to-end-" + System.currentTimeMillis(), String.valueOf(records), "all",
                String.valueOf(RECORD_SIZE)), log, 3);
        Matcher matcher = PERCENTILES.matcher(output);
        if (!matcher.find()) {
            bench.report().add(new Report.Row("ceiling", "Kafka end-to-end latency", -1, "ms", false, "not measured; see " + log));
            return;
        }
        kafkaEndToEnd.put(50.0, Double.parseDouble(matcher.group(1)));
        kafkaEndToEnd.put(99.0, Double.parseDouble(matcher.group(2)));
        kafkaEndToEnd.put(99.9, Double.parseDouble(matcher.group(3)));
        bench.report().add(new Report.Row("ceiling", "Kafka end-to-end p99 (one hop)", kafkaEndToEnd.get(99.0), "ms", false,
                String.format(Locale.ROOT, "p50 %.0f ms, p99.9 %.0f ms (whole ms); EndToEndLatency, %d records of %d B one at a time, acks=all",
                        kafkaEndToEnd.get(50.0), kafkaEndToEnd.get(99.9), records, RECORD_SIZE)));
    }

    private static double producerPerformance(Bench bench) throws IOException, InterruptedException {
        int records = bench.options().quick() ? 200_000 : 1_000_000;
        Path log = bench.work().resolve("producer-performance.log");
        String output = kafkaTool("-Xmx512m", "ProducerPerformance", List.of("--topic", "bench-producer-ceiling",
                "--num-records", String.valueOf(records), "--record-size", String.valueOf(RECORD_SIZE),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bench.stack().kafkaBootstrapServers(),
                "acks=all", "enable.idempotence=true"), log, 5);
        return Bench.parseRate(output, RECORDS_PER_SECOND);
    }

    /** Runs one of Kafka's own tools ({@code org.apache.kafka.tools}) from this class path; its output, from {@code log}. */
    private static String kafkaTool(String maxHeap, String tool, List<String> arguments, Path log, long minutes)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                maxHeap, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                "org.apache.kafka.tools." + tool));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(tool + " did not finish; see " + log);
        }
        return java.nio.file.Files.readString(log, StandardCharsets.UTF_8);
    }
}
