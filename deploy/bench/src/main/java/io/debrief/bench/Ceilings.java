package io.debrief.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** What this machine can do at all, measured in the same run: the figures the service's are compared with. */
final class Ceilings {

    static final int RECORD_SIZE = 512;
    private static final Pattern RECORDS_PER_SECOND = Pattern.compile("records sent, ([0-9.]+) records/sec");

    static double kafkaProducer = -1;
    static double postgresTransactions = -1;
    static OpenLoop.Result noOp2000;
    static OpenLoop.Result noOp4000;

    private Ceilings() {
    }

    static void measure(Bench bench) throws Exception {
        kafkaProducer = producerPerformance(bench);
        bench.report().add(new Report.Row("ceiling", "Kafka ProducerPerformance", kafkaProducer, "records/s", null, true, null,
                RECORD_SIZE + " B records, acks=all, idempotence on, 1 producer"));

        postgresTransactions = PostgresCeiling.insertPlusOutbox(bench);
        bench.report().add(new Report.Row("ceiling", "PostgreSQL insert+outbox tx", postgresTransactions, "tx/s", null, true, null,
                "16 JDBC clients, scorecard-service's own tables, no service"));

        String noOp = bench.service("scorecard-service").baseUrl() + "/q/health/live";
        for (int rate : List.of(2000, 4000)) {
            OpenLoop.Result result = OpenLoop.run(rate, Duration.ofSeconds(bench.options().stepSeconds()), 20_000,
                    i -> bench.http().sendAsync(HttpRequest.newBuilder(URI.create(noOp)).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.discarding()).thenApply(r -> r.statusCode() == 200));
            if (rate == 2000) {
                noOp2000 = result;
            } else {
                noOp4000 = result;
            }
            bench.report().add(new Report.Row("ceiling", "load generator → no-op @" + rate + "/s", result.achievedRate(), "req/s",
                    null, true, null, String.format(java.util.Locale.ROOT, "p99 %.1f ms, /q/health/live of scorecard-service",
                    result.p(99))));
        }
    }

    private static double producerPerformance(Bench bench) throws IOException, InterruptedException {
        int records = bench.options().quick() ? 200_000 : 1_000_000;
        Path log = bench.work().resolve("producer-performance.log");
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", "bench-producer-ceiling", "--num-records", String.valueOf(records),
                "--record-size", String.valueOf(RECORD_SIZE), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bench.stack().kafkaBootstrapServers(), "acks=all",
                "enable.idempotence=true"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("ProducerPerformance did not finish; see " + log);
        }
        return Bench.parseRate(java.nio.file.Files.readString(log, StandardCharsets.UTF_8), RECORDS_PER_SECOND);
    }
}
