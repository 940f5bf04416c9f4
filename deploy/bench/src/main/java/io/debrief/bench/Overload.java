package io.debrief.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 13's overload scenario: scorecard submissions offered at twice and four times what scorecard-service can take,
 * from many clients at once, to show that it refuses the excess early ({@code 503} with {@code Retry-After}) instead of
 * queueing it, so that the requests it does accept stay as fast as at half its capacity and nothing times out.
 *
 * <p>Capacity is measured, not assumed: after a warm-up of two steps' length at {@value #WARM_UP_RATE}/s (the three
 * services' JIT compilers share the machine's cores for their first minutes), probe steps of {@code --step-seconds}
 * offer {@value #PROBE_START}/s, doubling up to {@code --overload-probe-rate} (3,000/s), until the service's throughput
 * has levelled off: a step that is saturated (under 90 % of its offer accepted) and accepts no more than
 * {@value #PLATEAU_GAIN}× the best earlier step. The most {@code 201} answers per second of any step is the capacity C
 * ({@code --capacity N} skips the probe). Stopping at the first saturated step put C too low twice: that step meets an
 * admission limit still learning (the first run: 57/s where the 4×C step then accepted 107/s; the next, climbing from
 * below but stopping at once: 40/s where 4×C accepted 80/s), and "half capacity" was a quarter of it. Then steps of
 * {@code --step-seconds} each at C/2, 2C and 4C, and 4C again for {@value #SUSTAINED_STEPS} steps' length, longer than
 * the admission limit remembers the service's latency without load. Every step opens its own loops first (unmeasured)
 * and is followed by a pause for the pipeline to drain. The generator has {@value #CLIENTS} connections, as many
 * clients would: with fewer connections than the service admits, the excess would queue in the generator's own pool,
 * never reach the service, and show as latency of the generator's making. The generator is measured against a no-op
 * endpoint at 4C with the same connections.
 */
final class Overload {

    static final String GOAL = "At 2× and 4× capacity, accepted requests keep p99 ≤ 5× their p99 at half capacity, and none times out";
    static final int CLIENTS = 1024;
    static final double P99_FACTOR = 5.0;
    private static final Duration PAUSE = Duration.ofSeconds(10);
    /** The probe's first rate: below what this kind of machine takes, so that the probe climbs to capacity. */
    static final int PROBE_START = 25;
    static final int WARM_UP_RATE = 2 * PROBE_START;
    /** How much more a saturated step must accept than the best before it for the probe to go on climbing. */
    static final double PLATEAU_GAIN = 1.1;
    /** The sustained overload's length in steps: two minutes of 30 s steps, twice what the limit remembers. */
    static final int SUSTAINED_STEPS = 4;

    /** One step's figures: offered rate and its multiple of capacity, and the answers by kind. */
    record Step(String name, double offered, OpenLoop.Classified answers, double seconds) {

        long accepted() {
            return answers.count("201");
        }

        long shed() {
            return answers.count("503");
        }

        /** Answers other than 201 and 503 (4xx, other 5xx), transport errors, unanswered and not sent. */
        long otherFailures() {
            return answers.all().requests() - accepted() - shed();
        }

        long timedOut() {
            return answers.all().unanswered() + answers.count(OpenLoop.Outcome.ERROR);
        }
    }

    private Overload() {
    }

    static void measure(Bench bench) throws Exception {
        Bench.Options options = bench.options();
        try (LoadClient clients = new LoadClient(CLIENTS)) {
            Debriefs debriefs = new Debriefs(clients, bench.service("scorecard-service").baseUrl(), bench.tokens());
            Duration step = Duration.ofSeconds(options.stepSeconds());
            run(bench, debriefs, "overload warm-up", Math.min(WARM_UP_RATE, options.overloadProbeRate()),
                    options.quick() ? Duration.ofSeconds(3) : step.multipliedBy(2));
            double capacity = options.capacity();
            if (capacity <= 0) {
                capacity = probe(bench, debriefs, options.overloadProbeRate(), options.quick() ? Duration.ofSeconds(3) : step);
            }
            if (capacity < 4) {
                throw new IllegalStateException("scorecard-service accepted " + capacity + " submissions/s: no capacity to overload");
            }
            bench.report().add(new Report.Row("overload", "capacity C", capacity, "req/s", true,
                    options.capacity() > 0 ? "given with --capacity"
                            : "the most 201 answers per second of the probe's steps"));
            noOp(bench, clients, 4 * capacity);
            Step half = run(bench, debriefs, "overload @0.5×C", capacity / 2, step);
            report(bench, half, null, capacity);
            for (int multiple : List.of(2, 4)) {
                Step over = run(bench, debriefs, "overload @" + multiple + "×C", multiple * capacity, step);
                report(bench, over, half, capacity);
            }
            // longer than the admission limit's memory of the service's latency without load (a minute): an overload
            // that lasts must not teach the limit the latency of its own queue
            Duration sustained = options.quick() ? step : step.multipliedBy(SUSTAINED_STEPS);
            Step lasting = run(bench, debriefs, "overload @4×C for " + sustained.toSeconds() + " s", 4 * capacity, sustained);
            report(bench, lasting, half, capacity);
        }
    }

    /**
     * Steps of rising offered rates, up to {@code highest}: the most submissions per second the service accepted in
     * any of them, once its throughput has levelled off ({@link #levelledOff}).
     */
    private static double probe(Bench bench, Debriefs debriefs, int highest, Duration each) throws Exception {
        double capacity = 0;
        for (int rate = Math.min(PROBE_START, highest); ; rate = Math.min(highest, rate * 2)) {
            Step step = run(bench, debriefs, "overload probe @" + rate + "/s", rate, each);
            report(bench, step, null, null);
            double accepted = step.accepted() / step.seconds();
            boolean done = levelledOff(capacity, rate, accepted) || rate == highest;
            capacity = Math.max(capacity, accepted);
            if (done) {
                return capacity;
            }
        }
    }

    /**
     * Whether a probe step at {@code offered}/s that accepted {@code accepted}/s, after steps whose best accepted
     * {@code best}/s, shows the service's throughput levelled off: the step is saturated (under 90 % of its offer
     * accepted) and gained at most {@value #PLATEAU_GAIN}× on the best. A saturated step that still gained more says
     * the service was still warming up or its admission limit still learning, so a higher offer may be taken too.
     */
    static boolean levelledOff(double best, double offered, double accepted) {
        return accepted < 0.9 * offered && accepted <= PLATEAU_GAIN * best;
    }

    private static Step run(Bench bench, Debriefs debriefs, String name, double rate, Duration duration) throws Exception {
        long submissions = Math.round(rate * duration.toSeconds());
        // opened a few at a time, so that opening them is never shed
        List<String> loops = debriefs.openLoops((int) (submissions / Debriefs.PANEL + 1), 16);
        OpenLoop.Classified answers = OpenLoop.classified(rate, duration, 50_000, OpenLoop.DRAIN,
                i -> debriefs.submitForStatus(loops.get((int) (i / Debriefs.PANEL)), (int) (i % Debriefs.PANEL))
                        .thenApply(status -> new OpenLoop.Outcome(String.valueOf(status), status == 201)));
        Thread.sleep(PAUSE.toMillis());
        return new Step(name, rate, answers, duration.toSeconds());
    }

    /** The generator against scorecard-service's {@code /q/health/live} (never shed) at the highest offered rate. */
    private static void noOp(Bench bench, LoadClient clients, double rate) throws InterruptedException {
        String url = bench.service("scorecard-service").baseUrl() + "/q/health/live";
        OpenLoop.Result result = OpenLoop.run(rate, Duration.ofSeconds(bench.options().quick() ? 3 : 10), 50_000,
                i -> clients.get(url, null).thenApply(status -> status == 200));
        bench.report().add(new Report.Row("ceiling", String.format(Locale.ROOT, "load generator → no-op @%.0f/s, %d connections",
                rate, CLIENTS), result.achievedRate(), "req/s", true, String.format(Locale.ROOT,
                "p50 %.2f ms, p99 %.2f ms, %d failed; /q/health/live of scorecard-service", result.p(50), result.p(99),
                result.failed())));
    }

    private static void report(Bench bench, Step step, Step half, Double capacity) {
        Report report = bench.report();
        OpenLoop.Classified answers = step.answers();
        String offered = capacity == null ? String.format(Locale.ROOT, "%.0f/s offered", step.offered())
                : String.format(Locale.ROOT, "%.0f/s offered, %.1f× capacity", step.offered(), step.offered() / capacity);
        List<String> others = new ArrayList<>();
        answers.byLabel().forEach((label, histogram) -> {
            if (!label.equals("201") && !label.equals("503")) {
                others.add(histogram.getTotalCount() + " " + label);
            }
        });
        if (answers.all().dropped() > 0) {
            others.add(answers.all().dropped() + " not sent (over 50,000 in flight)");
        }
        if (answers.all().unanswered() > 0) {
            others.add(answers.all().unanswered() + " unanswered after " + OpenLoop.DRAIN.toSeconds() + " s");
        }
        report.add(new Report.Row(step.name(), "accepted (201)", step.accepted() / step.seconds(), "req/s", true,
                String.format(Locale.ROOT, "%s; %d requests: %d accepted, %d shed (503), others: %s", offered,
                        answers.all().requests(), step.accepted(), step.shed(), others.isEmpty() ? "none" : String.join(", ", others))));
        report.add(new Report.Row(step.name(), "shed (503)", step.shed() / step.seconds(), "req/s", false,
                step.shed() == 0 ? null : String.format(Locale.ROOT, "refused in p50 %.2f ms, p99 %.2f ms",
                        answers.p("503", 50), answers.p("503", 99))));
        for (double percentile : List.of(50.0, 99.0, 99.9)) {
            Report.Row row = new Report.Row(step.name(), "accepted " + Report.percentile(percentile),
                    answers.p("201", percentile), "ms", false, null);
            if (half != null) {
                double floor = half.answers().p("201", percentile);
                row = row.withCeiling(floor, "accepted " + Report.percentile(percentile) + " at half capacity");
                if (percentile == 99.0) {
                    row = row.withTarget(GOAL, P99_FACTOR * floor, 0);
                }
            }
            report.add(row);
        }
        Report.Row timedOut = new Report.Row(step.name(), "timed out or unanswered", step.timedOut(), "requests", false,
                "transport errors (the client gives up after 30 s) and answers still missing " + OpenLoop.DRAIN.toSeconds()
                        + " s after the step");
        report.add(half == null ? timedOut : timedOut.withTarget(GOAL, 0, 0));
    }
}
