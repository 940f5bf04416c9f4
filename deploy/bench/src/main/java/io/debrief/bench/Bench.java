package io.debrief.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.debrief.testsupport.DebriefSystem;
import io.debrief.testsupport.LocalStack;
import io.debrief.testsupport.ServiceProcess;
import io.debrief.testsupport.Tokens;
import org.HdrHistogram.Histogram;

/**
 * Debrief's benchmark: footprint, this machine's ceilings, ingest at stepped rates, submit-to-decision latency,
 * outbox drain and replay. Prints each figure beside its target and ceiling, and writes the report.
 *
 * <p>Defaults are the issue's: ingest steps of 250, 500, 1,000, 2,000 and 4,000 per second, 30 s each; submit to
 * decision at 1,000/s; replay from a backlog of 1,000,000 scorecard events (given at most 300 s); outbox drain from
 * 100,000 rows. Arguments: {@code --quick} (a smoke run of about three minutes: 5 s steps at 250 and 1,000/s, 50,000
 * events, 10,000 rows), {@code --step-seconds N}, {@code --rates 250,500,...}, {@code --latency-rate N},
 * {@code --replay-events N}, {@code --replay-seconds N} (the most a rebuild is given; a slower one is reported from
 * what it did), {@code --outbox-rows N}, {@code --connections N} (the load generator's HTTP connections, default
 * 128), {@code --only a,b} with scenarios footprint, ceilings, ingest, latency, outbox, replay, interviewers,
 * replay-statistics. Issue 15's two: {@code interviewers} ({@link Interviewers}: {@code GET /api/interviewers} over a
 * data set written into calibration-service's database with SQL; {@code --interviewers N} (10,000), {@code
 * --interviewer-loops N} (1,000,000 decided loops), {@code --interviewers-rate N} (requests/s, 1)) and {@code
 * replay-statistics} ({@link Backlogs#statisticsCost}: the same backlog of {@code --replay-events} replayed with the
 * statistics on and off, {@code --statistics-runs N} (2) times each, alternating). Issue 13's {@code overload}
 * ({@link Overload}: submissions at half, twice and four times the capacity a probe at {@code --overload-probe-rate N}
 * (3,000/s) measured, or {@code --capacity N}). Issue 17's {@code tracing} ({@link TracingOverhead}: ingest at
 * {@code --latency-rate} with tracing export off, then on, {@code --statistics-runs} times; then a backlog of
 * {@code --tracing-replay-events N} scorecard events (100,000; 10,000 with {@code --quick}) replayed by a fresh
 * calibration-service with tracing off, then on, {@code --statistics-runs} times, each given {@code --replay-seconds}).
 */
public final class Bench {

    /**
     * The services' JVM options: a production JIT (C1 then C2; C1 alone measured no faster on replay and slows every
     * hot path), a heap that may grow large enough for a saturated ingest step but starts small (the default initial
     * heap is 1/64 of the machine's memory, here 384 MB, which an idle service fills before its first collection), and
     * the serial collector for a small idle footprint.
     */
    static final List<String> SERVICE_JVM = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC");

    private final Options options;
    private final Report report = new Report();
    private final Path root;
    private final Path work;
    private final HttpClient http = HttpClient.newBuilder()
            .executor(Executors.newFixedThreadPool(4))
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private LoadClient load;
    private LocalStack stack;
    private final Tokens tokens = Tokens.generate();
    private final Map<String, ServiceProcess> services = new ConcurrentHashMap<>();

    record Options(boolean quick, int stepSeconds, List<Integer> rates, int latencyRate, int replayEvents, int replaySeconds,
                   int outboxRows, int connections, List<String> only, int interviewers, int interviewerLoops,
                   int interviewersRate, int statisticsRuns, int overloadProbeRate, int capacity, int tracingReplayEvents) {

        static final List<String> SCENARIOS = List.of("footprint", "ceilings", "ingest", "latency", "outbox", "replay",
                "interviewers", "replay-statistics", "overload", TracingOverhead.SCENARIO);

        static Options parse(String[] args) {
            boolean quick = List.of(args).contains("--quick");
            int stepSeconds = quick ? 5 : 30;
            List<Integer> rates = quick ? List.of(250, 1000) : List.of(250, 500, 1000, 2000, 4000);
            int replayEvents = quick ? 50_000 : 1_000_000;
            int replaySeconds = quick ? 60 : 300;
            int latencyRate = 1000;
            int outboxRows = quick ? 10_000 : 100_000;
            int connections = LoadClient.DEFAULT_CONNECTIONS;
            int interviewers = quick ? 1_000 : 10_000;
            int interviewerLoops = quick ? 20_000 : 1_000_000;
            int interviewersRate = 1;
            int statisticsRuns = quick ? 1 : 2;
            int overloadProbeRate = 3000;
            int capacity = 0;
            int tracingReplayEvents = quick ? 10_000 : 100_000;
            List<String> only = SCENARIOS;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> { }
                    case "--step-seconds" -> stepSeconds = Integer.parseInt(args[++i]);
                    case "--rates" -> rates = List.of(args[++i].split(",")).stream().map(Integer::parseInt).toList();
                    case "--replay-events" -> replayEvents = Integer.parseInt(args[++i]);
                    case "--replay-seconds" -> replaySeconds = Integer.parseInt(args[++i]);
                    case "--latency-rate" -> latencyRate = Integer.parseInt(args[++i]);
                    case "--outbox-rows" -> outboxRows = Integer.parseInt(args[++i]);
                    case "--connections" -> connections = Integer.parseInt(args[++i]);
                    case "--interviewers" -> interviewers = Integer.parseInt(args[++i]);
                    case "--interviewer-loops" -> interviewerLoops = Integer.parseInt(args[++i]);
                    case "--interviewers-rate" -> interviewersRate = Integer.parseInt(args[++i]);
                    case "--statistics-runs" -> statisticsRuns = Integer.parseInt(args[++i]);
                    case "--overload-probe-rate" -> overloadProbeRate = Integer.parseInt(args[++i]);
                    case "--capacity" -> capacity = Integer.parseInt(args[++i]);
                    case "--tracing-replay-events" -> tracingReplayEvents = Integer.parseInt(args[++i]);
                    case "--only" -> {
                        only = List.of(args[++i].split(","));
                        for (String scenario : only) {
                            if (!SCENARIOS.contains(scenario)) {
                                throw new IllegalArgumentException("unknown scenario " + scenario + "; known: " + SCENARIOS);
                            }
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (interviewers < 4 || interviewerLoops < 1 || interviewersRate < 1 || statisticsRuns < 1) {
                throw new IllegalArgumentException("--interviewers must be at least 4 (a panel of four distinct interviewers);"
                        + " --interviewer-loops, --interviewers-rate and --statistics-runs at least 1");
            }
            if (overloadProbeRate < 1 || capacity < 0) {
                throw new IllegalArgumentException("--overload-probe-rate must be at least 1 and --capacity at least 0 (0: probe it)");
            }
            if (tracingReplayEvents < 5) {
                throw new IllegalArgumentException("--tracing-replay-events must be at least 5 (one loop: opened, four scorecards)");
            }
            return new Options(quick, stepSeconds, rates, latencyRate, replayEvents, replaySeconds, outboxRows, connections, only,
                    interviewers, interviewerLoops, interviewersRate, statisticsRuns, overloadProbeRate, capacity, tracingReplayEvents);
        }
    }

    private Bench(Options options, Path root) {
        this.options = options;
        this.root = root;
        this.work = root.resolve("deploy/bench/target/run");
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("debrief.root", ".")).toAbsolutePath().normalize();
        Bench bench = new Bench(Options.parse(args), root);
        try {
            bench.run();
        } finally {
            bench.stopServices();
            if (bench.load != null) {
                bench.load.close();
            }
        }
        bench.report.printVerdicts();
        Path written = bench.report.write(root.resolve("deploy/bench/results"));
        System.out.println("\nReport: " + written + " and deploy/bench/results/latest.md");
        System.exit(0);
    }

    private void run() throws Exception {
        Files.createDirectories(work.resolve("profiles"));
        System.out.println("Debrief benchmark on " + Report.machine() + " with " + options);
        expectGoals();
        load = new LoadClient(options.connections());
        try (StackProcess infrastructure = StackProcess.start(work)) {
            stack = LocalStack.start();
            if (options.only().contains("footprint")) {
                footprint();
            } else {
                startServices();
            }
            scenario("ceilings", () -> Ceilings.measure(this));
            // latency before ingest: the ingest steps end past saturation and leave a backlog behind them
            scenario("latency", this::submitToDecision);
            scenario("ingest", this::ingest);
            scenario("outbox", () -> Backlogs.outboxDrain(this));
            scenario("replay", () -> Backlogs.replay(this));
            scenario("interviewers", () -> Interviewers.measure(this));
            scenario("replay-statistics", () -> Backlogs.statisticsCost(this));
            scenario("overload", () -> Overload.measure(this));
            scenario(TracingOverhead.SCENARIO, () -> TracingOverhead.measure(this));
            stopServices();
            stack.close();
        }
    }

    static final String INGEST = "Ingest ≥ 2,000 scorecards/s sustained with HTTP p99 ≤ 50 ms";
    static final String DECISION = "Submit to decision p99 ≤ 100 ms at 1,000 submissions/s";
    static final String REPLAY = "Replay ≥ 20,000 events/s";
    static final String OUTBOX = "Outbox drain ≥ 10,000 rows/s";
    static final String RSS = "Each service ≤ 300 MB RSS idle";
    static final String READY = "Each service ready in ≤ 5 s";
    static final String INTERVIEWERS = "GET /api/interviewers p99 ≤ 100 ms with 10,000 interviewers over 1,000,000 decided loops";
    static final String STATISTICS = "Keeping the interviewer statistics costs replay ≤ 10 % of its events/s";

    /** The issue's targets that the chosen scenarios check: each is reported met, missed or not measured. */
    private void expectGoals() {
        Map<String, List<String>> byScenario = Map.of("ingest", List.of(INGEST), "latency", List.of(DECISION),
                "replay", List.of(REPLAY), "outbox", List.of(OUTBOX), "footprint", List.of(RSS, READY),
                "interviewers", List.of(INTERVIEWERS), "replay-statistics", List.of(STATISTICS),
                "overload", List.of(Overload.GOAL));
        for (String scenario : Options.SCENARIOS) {
            if (options.only().contains(scenario)) {
                byScenario.getOrDefault(scenario, List.of()).forEach(goal -> report.expect(new Report.Goal(goal, scenario)));
            }
        }
    }

    interface Scenario {
        void run() throws Exception;
    }

    /** Runs a chosen scenario; one that fails is reported as failed, and the others still run. */
    private void scenario(String name, Scenario scenario) throws InterruptedException {
        if (!options.only().contains(name)) {
            return;
        }
        try {
            scenario.run();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            report.add(new Report.Row(name, "scenario failed", 0, "", true, String.valueOf(e)));
            Thread.sleep(10_000); // let the system settle before the next scenario
        }
    }

    Options options() {
        return options;
    }

    Report report() {
        return report;
    }

    LocalStack stack() {
        return stack;
    }

    Path root() {
        return root;
    }

    Path work() {
        return work;
    }

    HttpClient http() {
        return http;
    }

    /** The load generator's HTTP client (Vert.x, pooled keep-alive connections). */
    LoadClient load() {
        return load;
    }

    Tokens tokens() {
        return tokens;
    }

    String recruiterBearer() {
        return "Bearer " + tokens.mint("bench-recruiter", "recruiter");
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    /**
     * Starts an instance of a service (with extra environment) and waits until it is ready; returns the time it took.
     * The instance's log is {@code target/run/logs/<instance>/<service>.log}.
     */
    Duration launch(String instance, String service, String database, Map<String, String> environment)
            throws IOException, InterruptedException {
        long begin = System.nanoTime();
        Map<String, String> env = new java.util.HashMap<>(DebriefSystem.identityEnvironment(tokens, work.resolve("identity")));
        env.putAll(environment);
        List<String> jvm = new ArrayList<>(SERVICE_JVM);
        // every instance records a CPU profile (JDK Flight Recorder), written when it stops
        jvm.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + recording(instance));
        ServiceProcess started = DebriefSystem.launch(stack, root, service, database, work.resolve("logs").resolve(instance),
                jvm, env);
        services.put(instance, started);
        started.awaitReady(Duration.ofSeconds(120));
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    void stop(String name) throws InterruptedException {
        ServiceProcess service = services.remove(name);
        if (service != null) {
            service.close();
            Path recording = recording(name);
            if (Files.exists(recording)) {
                try {
                    report.section("CPU profile of " + name + " (whole run of this instance)", Profile.summarize(recording, 12));
                } catch (IOException e) {
                    System.out.println("cannot read " + recording + ": " + e);
                }
            }
        }
    }

    private Path recording(String instance) {
        return work.resolve("profiles").resolve(instance + ".jfr").toAbsolutePath();
    }

    private void startServices() throws IOException, InterruptedException {
        for (String name : DebriefSystem.SERVICES) {
            launch(name, name, DebriefSystem.databaseOf(name), Map.of());
        }
    }

    private void stopServices() throws InterruptedException {
        for (String name : List.copyOf(services.keySet())) {
            stop(name);
        }
    }

    /** Each service started alone (the others idle or not yet there): time to ready, and resident memory once idle. */
    private void footprint() throws Exception {
        for (String name : DebriefSystem.SERVICES) {
            Duration ready = launch(name, name, DebriefSystem.databaseOf(name), Map.of());
            report.add(new Report.Row("footprint", name + " ready", ready.toMillis() / 1000.0, "s", false,
                    "process start to /q/health/ready 200").withTarget(READY, 5.0, 0));
        }
        Thread.sleep(10_000);
        for (String name : DebriefSystem.SERVICES) {
            report.add(new Report.Row("footprint", name + " RSS idle", Footprint.rssMiB(services.get(name).pid()), "MiB", false,
                    "JVM " + String.join(" ", SERVICE_JVM) + ", with a JFR recording running; 300 MB = 286.1 MiB")
                    .withTarget(RSS, 300e6 / (1 << 20), 0));
        }
    }

    /** Sustained means the answers kept pace with the offered rate; 0.5% allows for the step's last answer's own latency. */
    static final double RATE_TOLERANCE = 0.005;
    static final int INGEST_TARGET_RATE = 2000;

    /**
     * Scorecard submissions at stepped constant rates; every loop is completed, so the whole pipeline works. Each
     * step's figures stand beside the load generator's own at the same rate (the ceilings scenario), and its rate
     * beside PostgreSQL's for the same transaction when that is lower.
     */
    private void ingest() throws Exception {
        Debriefs debriefs = new Debriefs(load, service("scorecard-service").baseUrl(), tokens);
        List<Integer> rates = options.rates();
        for (int r = 0; r < rates.size(); r++) {
            int rate = rates.get(r);
            int submissions = rate * options.stepSeconds();
            List<String> loops = debriefs.openLoops(submissions / Debriefs.PANEL + 1, 64);
            Map<String, Double> rssUnderLoad = new ConcurrentHashMap<>();
            var sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> services.forEach((name, service) ->
                    rssUnderLoad.merge(name, Footprint.rssMiB(service.pid()), Math::max)), 1, 1, TimeUnit.SECONDS);
            OpenLoop.Result result = OpenLoop.run(rate, Duration.ofSeconds(options.stepSeconds()), 20_000,
                    i -> debriefs.submit(loops.get((int) (i / Debriefs.PANEL)), (int) (i % Debriefs.PANEL)));
            sampler.shutdownNow();
            String step = "ingest @" + rate + "/s";
            boolean target = rate == INGEST_TARGET_RATE;
            Double generator = Ceilings.noOpRate(rate);
            String rateCeiling = "load generator → no-op @" + rate + "/s";
            Double ceiling = generator;
            if (Ceilings.postgresTransactions > 0 && (ceiling == null || Ceilings.postgresTransactions < ceiling)) {
                ceiling = Ceilings.postgresTransactions;
                rateCeiling = "PostgreSQL insert+outbox tx alone";
            }
            Report.Row achieved = new Report.Row(step, "achieved", result.achievedRate(), "req/s", true,
                    String.format(java.util.Locale.ROOT, "%d of %d answered 201; %d failed, of them %d unanswered after %d s and "
                                    + "%d not sent (over 20,000 in flight); generator send lag p99 %.2f ms%s",
                            result.succeeded(), result.requests(), result.failed(), result.unanswered(), OpenLoop.DRAIN.toSeconds(),
                            result.dropped(), result.lag(99),
                            generator == null ? "" : String.format(java.util.Locale.ROOT, "; the generator alone: %s req/s",
                                    Report.number(generator))))
                    .withCeiling(ceiling, rateCeiling);
            report.add(target ? achieved.withTarget(INGEST, INGEST_TARGET_RATE, RATE_TOLERANCE) : achieved);
            report.add(new Report.Row(step, "errors", result.failed(), "requests", false, null));
            for (double percentile : List.of(50.0, 99.0, 99.9)) {
                Report.Row latency = new Report.Row(step, "HTTP " + Report.percentile(percentile), result.p(percentile), "ms", false,
                        null).withCeiling(Ceilings.noOpLatency(rate, percentile), "load generator → no-op @" + rate + "/s");
                report.add(target && percentile == 99.0 ? latency.withTarget(INGEST, 50.0, 0) : latency);
            }
            if (target || r == rates.size() - 1) {
                rssUnderLoad.forEach((name, rss) -> report.add(new Report.Row("footprint", name + " RSS under load @" + rate + "/s",
                        rss, "MiB", false, null)));
            }
            Thread.sleep(5_000); // let the pipeline drain before the next step
            if (result.succeeded() < result.requests() / 2 && r < rates.size() - 1) {
                List<Integer> skipped = rates.subList(r + 1, rates.size());
                report.add(new Report.Row("ingest", "higher rates skipped", rate, "req/s", true,
                        "fewer than half of the requests at " + rate + "/s succeeded: the service is past saturation; not run: "
                                + skipped));
                if (skipped.contains(INGEST_TARGET_RATE)) {
                    // the target rate was not run because a lower one already failed: that is a miss, not a gap
                    report.add(new Report.Row("ingest @" + INGEST_TARGET_RATE + "/s", "not run (saturated at " + rate + "/s)",
                            result.achievedRate(), "req/s", true, "the best this step showed is its achieved rate at " + rate + "/s")
                            .withTarget(INGEST, INGEST_TARGET_RATE, RATE_TOLERANCE));
                }
                break;
            }
        }
    }

    /** From the answer to a loop's last scorecard to its decision on the topic, the stream and a webhook, at 1,000/s. */
    private void submitToDecision() throws Exception {
        try (Arrivals arrivals = new Arrivals(stack.kafkaBootstrapServers(), service("notification-service").baseUrl(),
                recruiterBearer())) {
            subscribe(arrivals.webhookUrl());
            Thread.sleep(1_000);
            Debriefs debriefs = new Debriefs(load, service("scorecard-service").baseUrl(), tokens);
            int rate = options.latencyRate();
            warmUp(debriefs, rate);
            List<String> loops = debriefs.openLoops(rate * options.stepSeconds() / Debriefs.PANEL + 1, 64);
            Map<String, Long> lastAnswered = new ConcurrentHashMap<>();
            OpenLoop.Result result = OpenLoop.run(rate, Duration.ofSeconds(options.stepSeconds()), 20_000, i -> {
                String loopId = loops.get((int) (i / Debriefs.PANEL));
                int seat = (int) (i % Debriefs.PANEL);
                return debriefs.submit(loopId, seat).whenComplete((ok, error) -> {
                    if (seat == Debriefs.PANEL - 1) {
                        lastAnswered.put(loopId, System.nanoTime());
                    }
                });
            });
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < waitUntil && !(arrivals.onTopic.keySet().containsAll(lastAnswered.keySet())
                    && arrivals.onStream.keySet().containsAll(lastAnswered.keySet())
                    && arrivals.atWebhook.keySet().containsAll(lastAnswered.keySet()))) {
                Thread.sleep(200);
            }
            String step = "submit→decision @" + rate + "/s";
            report.add(new Report.Row(step, "submissions achieved", result.achievedRate(), "req/s", true,
                    String.format(java.util.Locale.ROOT, "%d failed; HTTP p99 %.2f ms; generator send lag p99 %.2f ms",
                            result.failed(), result.p(99), result.lag(99)))
                    .withCeiling(Ceilings.noOpRate(rate), "load generator → no-op @" + rate + "/s"));
            record(step, "hiring-decisions topic", lastAnswered, arrivals.onTopic);
            record(step, "notification stream", lastAnswered, arrivals.onStream);
            record(step, "webhook receiver", lastAnswered, arrivals.atWebhook);
        }
    }

    /**
     * This scenario runs first, on services that have just started: their JIT has compiled little of the hot paths
     * yet. Unmeasured debriefs for 30 s at half, then 30 s at the full rate, then a pause for the pipeline to drain, so
     * that the measured step sees services as they run in production (the ingest steps that follow are warm from this
     * too). With 10 s each, the step at 500/s still saw HTTP p99 7 s and decisions p50 155 ms; with 30 s, 82 ms and
     * 47 ms.
     */
    private void warmUp(Debriefs debriefs, int rate) throws Exception {
        int seconds = options.quick() ? 3 : 30;
        for (int warmRate : List.of(Math.max(1, rate / 2), rate)) {
            List<String> loops = debriefs.openLoops(warmRate * seconds / Debriefs.PANEL + 1, 64);
            OpenLoop.run(warmRate, Duration.ofSeconds(seconds), 20_000,
                    i -> debriefs.submit(loops.get((int) (i / Debriefs.PANEL)), (int) (i % Debriefs.PANEL)));
        }
        Thread.sleep(options.quick() ? 2_000 : 10_000);
    }

    /**
     * A decision that never arrived counts as at least as slow as the time it was waited for: never as fast. The
     * floor beside each percentile: two Kafka hops (scorecard-events, then hiring-decisions) at Kafka's own
     * end-to-end latency, the least any decision can take.
     */
    private void record(String step, String where, Map<String, Long> answered, Map<String, Long> arrived) {
        Histogram latencies = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        long gaveUpAt = System.nanoTime();
        int missing = 0;
        for (Map.Entry<String, Long> entry : answered.entrySet()) {
            Long at = arrived.get(entry.getKey());
            if (at == null) {
                missing++;
            }
            latencies.recordValue(Math.max(0, ((at == null ? gaveUpAt : at) - entry.getValue()) / 1000));
        }
        String note = (answered.size() - missing) + " of " + answered.size() + " decisions arrived"
                + (missing > 0 ? "; the others count as the time waited for them (a lower bound)" : "");
        boolean target = options.latencyRate() == 1000;
        for (double percentile : List.of(50.0, 99.0, 99.9)) {
            Double hop = Ceilings.kafkaEndToEnd.get(percentile);
            Report.Row row = new Report.Row(step, where + " " + Report.percentile(percentile),
                    latencies.getValueAtPercentile(percentile) / 1000.0, "ms", false, percentile == 50.0 ? note : null)
                    .withCeiling(hop == null ? null : 2 * hop, "2 Kafka hops, EndToEndLatency");
            report.add(target && percentile == 99.0 ? row.withTarget(DECISION, 100.0, 0) : row);
        }
    }

    private void subscribe(String url) throws IOException, InterruptedException {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(
                        URI.create(service("notification-service").baseUrl() + "/api/subscriptions"))
                .header("Content-Type", "application/json")
                .header("Authorization", recruiterBearer())
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\",\"description\":\"benchmark receiver\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("cannot subscribe the benchmark's receiver: " + created.body());
        }
    }

    static double parseRate(String output, Pattern pattern) {
        Matcher matcher = pattern.matcher(output);
        double last = -1;
        while (matcher.find()) {
            last = Double.parseDouble(matcher.group(1));
        }
        return last;
    }

    static List<String> lines(String text) {
        return new ArrayList<>(List.of(text.split("\n")));
    }
}
