package io.debrief.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpServer;
import io.debrief.testsupport.DebriefSystem;

/**
 * What tracing costs (issue 17), with tracing off (the default, {@code quarkus.otel.sdk.disabled=true}) and on,
 * exporting every span over OTLP/HTTP to a collector stand-in in this JVM that accepts and discards them (and counts
 * the exports, in each run's note), alternating off and on {@code --statistics-runs} times. Two parts:
 * <ul>
 * <li>Ingest: scorecard submissions at one fixed rate ({@code --latency-rate}, 1,000/s, for {@code --step-seconds})
 * against the three services. Each run: the services restarted with the mode, an unmeasured warm-up at the rate, the
 * measured step, a pause for the pipeline to finish the step's decisions and webhooks. Reported per run: achieved
 * rate, HTTP p50 and p99 beside the load generator's own at the rate, and the CPU the three services spent per
 * submission (from /proc, the step and its pipeline); then the overhead of tracing on those figures.</li>
 * <li>Replay: one backlog of {@code --tracing-replay-events} scorecard events, each record with a {@code traceparent}
 * of its own as a traced scorecard-service relays them, replayed by fresh calibration-service instances with empty
 * databases ({@link Backlogs#alternate}, the three services idle with tracing off meanwhile). Reported per run: events/s
 * from the first decision to the last beside a plain consumer's; then the events/s with tracing on as a percentage of
 * off.</li>
 * </ul>
 */
final class TracingOverhead {

    static final String SCENARIO = "tracing";
    static final String REPLAY = SCENARIO + " replay";
    private static final Duration SETTLE = Duration.ofSeconds(10);
    private static final Duration READY_WITHIN = Duration.ofMinutes(5);

    private TracingOverhead() {
    }

    /** One measured run: its figures and the CPU seconds the three services used for it. */
    private record Run(OpenLoop.Result result, double cpuSeconds) {

        double cpuMillisPerSubmission() {
            return result.succeeded() == 0 ? Double.NaN : 1000 * cpuSeconds / result.succeeded();
        }
    }

    static void measure(Bench bench) throws Exception {
        try (Collector collector = Collector.start()) {
            ingest(bench, collector);
            replay(bench, collector);
        }
    }

    private static void ingest(Bench bench, Collector collector) throws Exception {
        int rate = bench.options().latencyRate();
        Duration step = Duration.ofSeconds(bench.options().stepSeconds());
        Duration warmUp = Duration.ofSeconds(bench.options().quick() ? 5 : 30);
        List<Run> off = new ArrayList<>();
        List<Run> on = new ArrayList<>();
        try {
            for (int run = 1; run <= bench.options().statisticsRuns(); run++) {
                for (boolean traced : new boolean[] {false, true}) {
                    restart(bench, traced ? collector.environment() : Map.of());
                    Supplier<String> exported = collector.watch(traced, exports -> { }).start();
                    Run measured = step(bench, rate, warmUp, step);
                    (traced ? on : off).add(measured);
                    String mode = "tracing " + (traced ? "on" : "off") + ", run " + run;
                    report(bench, rate, mode, measured, exported.get() + " (warm-up included)");
                }
            }
        } finally {
            restart(bench, Map.of()); // the replay and the scenarios after this one get the services as they were
        }
        double p99Off = mean(off, run -> run.result().p(99));
        double p99On = mean(on, run -> run.result().p(99));
        double p50Off = mean(off, run -> run.result().p(50));
        double p50On = mean(on, run -> run.result().p(50));
        double cpuOff = mean(off, Run::cpuMillisPerSubmission);
        double cpuOn = mean(on, Run::cpuMillisPerSubmission);
        double rateOff = mean(off, run -> run.result().achievedRate());
        double rateOn = mean(on, run -> run.result().achievedRate());
        String means = String.format(Locale.ROOT, "mean of %d runs each at %d/s", on.size(), rate);
        bench.report().add(new Report.Row(SCENARIO, "CPU per submission, tracing on vs off", 100 * (cpuOn / cpuOff - 1), "%",
                false, String.format(Locale.ROOT, "%s: on %.2f ms, off %.2f ms of CPU (three services) per submission", means,
                        cpuOn, cpuOff)));
        bench.report().add(new Report.Row(SCENARIO, "HTTP p99, tracing on minus off", p99On - p99Off, "ms", false,
                String.format(Locale.ROOT, "%s: on %.2f ms, off %.2f ms; p50 on %.2f ms, off %.2f ms", means, p99On, p99Off,
                        p50On, p50Off)).withCeiling(Ceilings.noOpLatency(rate, 99.0), "load generator → no-op @" + rate + "/s p99"));
        bench.report().add(new Report.Row(SCENARIO, "achieved rate, tracing on of off", 100 * rateOn / rateOff, "%", true,
                String.format(Locale.ROOT, "%s: on %.0f req/s, off %.0f req/s", means, rateOn, rateOff)));
    }

    /**
     * The replay part: the three services stay as the other scenarios run them (tracing off, idle), so that every
     * export the collector counts during a traced run is the replaying instance's.
     */
    private static void replay(Bench bench, Collector collector) throws Exception {
        Backlogs.Backlog backlog = Backlogs.backlog(bench, SCENARIO, bench.options().tracingReplayEvents(),
                "Kafka consumer reading the tracing backlog", (topic, loops) -> Backlogs.produce(bench, REPLAY, topic, loops, true));
        AtomicLong exportsOff = new AtomicLong();
        AtomicLong exportsOn = new AtomicLong();
        Backlogs.Comparison replays = Backlogs.alternate(bench, backlog, REPLAY, "calibration-tracing",
                new Backlogs.Mode("off", "tracing off", Map.of(), collector.watch(false, exportsOff::addAndGet)),
                new Backlogs.Mode("on", "tracing on", collector.environment(), collector.watch(true, exportsOn::addAndGet)));
        String verdict = exportsOn.get() == 0 ? "VOID, the traced replays exported nothing: "
                : exportsOff.get() > 0 ? "the untraced replays exported spans too: " : "";
        bench.report().add(new Report.Row(SCENARIO, "replay events/s with tracing on, of off", replays.percentOfOff(), "%", true,
                String.format(Locale.ROOT, "%smean of %d runs each of %d events, first decision to last: on %.0f events/s, off %.0f "
                                + "events/s (cost %.1f %%); best runs: on %.0f, off %.0f (cost %.1f %%); %d OTLP exports received "
                                + "during the traced replays, %d during the untraced", verdict, replays.on().size(), backlog.events(),
                        replays.meanOn(), replays.meanOff(), replays.cost(), replays.bestOn(), replays.bestOff(), replays.bestCost(),
                        exportsOn.get(), exportsOff.get())));
    }

    private static void report(Bench bench, int rate, String mode, Run run, String exported) {
        String name = SCENARIO + " @" + rate + "/s";
        OpenLoop.Result result = run.result();
        bench.report().add(new Report.Row(name, mode + ": achieved", result.achievedRate(), "req/s", true,
                String.format(Locale.ROOT, "%d of %d answered 201; generator send lag p99 %.2f ms%s", result.succeeded(),
                        result.requests(), result.lag(99), exported))
                .withCeiling(Ceilings.noOpRate(rate), "load generator → no-op @" + rate + "/s"));
        for (double percentile : List.of(50.0, 99.0)) {
            bench.report().add(new Report.Row(name, mode + ": HTTP " + Report.percentile(percentile), result.p(percentile), "ms",
                    false, null).withCeiling(Ceilings.noOpLatency(rate, percentile), "load generator → no-op @" + rate + "/s"));
        }
        bench.report().add(new Report.Row(name, mode + ": CPU per submission", run.cpuMillisPerSubmission(), "ms", false,
                String.format(Locale.ROOT, "%.1f CPU s of the three services over the step and %d s after it", run.cpuSeconds(),
                        SETTLE.toSeconds())));
    }

    /** The three services stopped and started again with {@code environment} (empty: as the other scenarios run them). */
    private static void restart(Bench bench, Map<String, String> environment) throws IOException, InterruptedException {
        for (String service : DebriefSystem.SERVICES) {
            bench.stop(service);
        }
        for (String service : DebriefSystem.SERVICES) {
            try {
                bench.launch(service, service, DebriefSystem.databaseOf(service), environment);
            } catch (IllegalStateException slow) {
                // Bench.launch gives an instance 2 minutes; on a machine shared with other builds it can take longer
                if (bench.service(service) == null || !bench.service(service).process().isAlive()) {
                    throw slow;
                }
                bench.service(service).awaitReady(READY_WITHIN);
            }
        }
    }

    private static Run step(Bench bench, int rate, Duration warmUp, Duration step) throws Exception {
        Debriefs debriefs = new Debriefs(bench.load(), bench.service("scorecard-service").baseUrl(), bench.tokens());
        List<String> warmLoops = debriefs.openLoops((int) (rate * warmUp.toSeconds()) / Debriefs.PANEL + 1, 64);
        OpenLoop.run(rate, warmUp, 20_000,
                i -> debriefs.submit(warmLoops.get((int) (i / Debriefs.PANEL)), (int) (i % Debriefs.PANEL)));
        Thread.sleep(SETTLE.toMillis());
        List<String> loops = debriefs.openLoops((int) (rate * step.toSeconds()) / Debriefs.PANEL + 1, 64);
        double before = cpuSeconds(bench);
        OpenLoop.Result result = OpenLoop.run(rate, step, 20_000,
                i -> debriefs.submit(loops.get((int) (i / Debriefs.PANEL)), (int) (i % Debriefs.PANEL)));
        Thread.sleep(SETTLE.toMillis()); // the step's decisions and webhooks are part of its cost
        return new Run(result, cpuSeconds(bench) - before);
    }

    /** User and system CPU time of the three services so far ({@code /proc/<pid>/stat}, at 100 ticks per second). */
    private static double cpuSeconds(Bench bench) throws IOException {
        double total = 0;
        for (String service : DebriefSystem.SERVICES) {
            String stat = Files.readString(Path.of("/proc", String.valueOf(bench.service(service).pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // utime, stime
        }
        return total;
    }

    private static double mean(List<Run> runs, java.util.function.ToDoubleFunction<Run> figure) {
        return runs.stream().mapToDouble(figure).average().orElse(Double.NaN);
    }

    /** An OTLP/HTTP traces endpoint that accepts every export and keeps only counts: a collector's cost stays out. */
    static final class Collector implements AutoCloseable {

        private final HttpServer server;
        final AtomicLong requests = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();

        private Collector(HttpServer server) {
            this.server = server;
        }

        static Collector start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            Collector collector = new Collector(server);
            server.createContext("/", exchange -> {
                try (exchange; InputStream body = exchange.getRequestBody()) {
                    collector.bytes.addAndGet(body.readAllBytes().length);
                    collector.requests.incrementAndGet();
                    exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                    exchange.sendResponseHeaders(200, -1);
                }
            });
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
            server.start();
            return collector;
        }

        /** Tracing on, every span exported here (OTLP over HTTP, protobuf), as a deployment with a collector runs. */
        Map<String, String> environment() {
            Map<String, String> env = new HashMap<>();
            env.put("QUARKUS_OTEL_SDK_DISABLED", "false");
            env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
            env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://127.0.0.1:" + server.getAddress().getPort());
            return env;
        }

        /**
         * Counts the exports from {@code start()} until its note is read, and gives their number to {@code counted};
         * {@code traced} says whether the watched run should export at all (see {@link #exportNote}).
         */
        Backlogs.Watch watch(boolean traced, LongConsumer counted) {
            return () -> {
                long requestsBefore = requests.get();
                long bytesBefore = bytes.get();
                return () -> {
                    long exports = requests.get() - requestsBefore;
                    counted.accept(exports);
                    return exportNote(traced, exports, bytes.get() - bytesBefore);
                };
            };
        }

        /** What a run's note says of the exports received during it; loud where they contradict its mode. */
        static String exportNote(boolean traced, long exports, long bytes) {
            if (traced && exports == 0) {
                return "; NO OTLP export received: tracing was not on";
            }
            if (!traced && exports > 0) {
                return String.format(Locale.ROOT, "; %d OTLP exports received: tracing was not off", exports);
            }
            return String.format(Locale.ROOT, "; %d OTLP exports, %.1f MB of spans received", exports, bytes / 1e6);
        }

        @Override
        public void close() {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }
}
