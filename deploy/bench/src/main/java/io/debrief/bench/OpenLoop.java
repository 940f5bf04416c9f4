package io.debrief.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An open-loop load generator: requests start at a constant arrival rate whether or not earlier ones have answered,
 * and each latency is measured from the moment the request was <em>due</em>, not from when it was sent. A stalled
 * server therefore shows its stall in every request that should have started during it (no coordinated omission),
 * and so does a generator that falls behind its own schedule. A request still unanswered when the run gives up on it
 * counts with the time it was waited for (a lower bound), never not at all.
 */
public final class OpenLoop {

    /** How long the run waits, after the last request was due, for the answers still outstanding. */
    static final Duration DRAIN = Duration.ofSeconds(30);

    /**
     * What one step measured. Latencies in microseconds, from each request's due time. {@code sendLag}: how late the
     * generator handed each request to the client (its own delay, part of every latency). {@code achievedRate}:
     * successful answers per second, from the first request's due time to the last answer.
     */
    public record Result(double targetRate, double achievedRate, long requests, long succeeded, long failed,
                         long dropped, long unanswered, Histogram latencies, Histogram sendLag) {

        /** The latency at {@code percentile}, in milliseconds. */
        public double p(double percentile) {
            return latencies.getValueAtPercentile(percentile) / 1000.0;
        }

        /** The generator's own lateness at {@code percentile}, in milliseconds. */
        public double lag(double percentile) {
            return sendLag.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private OpenLoop() {
    }

    public static Result run(double ratePerSecond, Duration duration, int maxOutstanding,
                             LongFunction<CompletionStage<Boolean>> request) throws InterruptedException {
        return run(ratePerSecond, duration, maxOutstanding, DRAIN, request);
    }

    /**
     * @param request        sends request number {@code i} without blocking; its stage completes with true for success
     * @param maxOutstanding requests in flight beyond which new ones are not sent, and counted as dropped (and failed)
     * @param drain          how long to wait for outstanding answers after the last request was due
     */
    static Result run(double ratePerSecond, Duration duration, int maxOutstanding, Duration drain,
                      LongFunction<CompletionStage<Boolean>> request) throws InterruptedException {
        return classified(ratePerSecond, duration, maxOutstanding, drain,
                i -> request.apply(i).thenApply(ok -> Boolean.TRUE.equals(ok) ? Outcome.SUCCEEDED : Outcome.FAILED)).all();
    }

    /** What an answer was: a label to count it under (e.g. its status code) and whether it counts as a success. */
    public record Outcome(String label, boolean success) {
        static final Outcome SUCCEEDED = new Outcome("succeeded", true);
        static final Outcome FAILED = new Outcome("failed", false);
        /** A request whose stage completed exceptionally (a transport error, a timeout of the client). */
        static final String ERROR = "transport error";
    }

    /**
     * One step's figures overall, and the latencies of its answers by {@link Outcome#label()} (a request that failed
     * before it was answered under {@link Outcome#ERROR}); each histogram's count is how many answers had that label.
     */
    public record Classified(Result all, Map<String, Histogram> byLabel) {

        public long count(String label) {
            Histogram histogram = byLabel.get(label);
            return histogram == null ? 0 : histogram.getTotalCount();
        }

        /** The latency of the answers labelled {@code label} at {@code percentile}, in milliseconds (0 with none). */
        public double p(String label, double percentile) {
            Histogram histogram = byLabel.get(label);
            return histogram == null ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    /** Like {@link #run}, but counting and timing the answers apart by what they were. */
    static Classified classified(double ratePerSecond, Duration duration, int maxOutstanding, Duration drain,
                                 LongFunction<CompletionStage<Outcome>> request) throws InterruptedException {
        Recorder recorder = new Recorder(TimeUnit.MINUTES.toMicros(10), 3);
        Map<String, Recorder> byLabel = new ConcurrentHashMap<>();
        Histogram sendLag = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        Map<Long, Long> outstanding = new ConcurrentHashMap<>();
        long dropped = 0;
        long total = Math.round(ratePerSecond * duration.toNanos() / 1e9);
        double interval = 1e9 / ratePerSecond;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + Math.round(i * interval);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (outstanding.size() >= maxOutstanding) {
                dropped++;
                continue;
            }
            long id = i;
            outstanding.put(id, due);
            sendLag.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
            CompletionStage<Outcome> sent;
            try {
                sent = request.apply(i);
            } catch (RuntimeException e) {
                outstanding.remove(id);
                failed.incrementAndGet();
                continue;
            }
            sent.whenComplete((outcome, error) -> {
                long now = System.nanoTime();
                if (outstanding.remove(id) == null) {
                    return; // already counted as unanswered
                }
                long micros = Math.max(0, (now - due) / 1000);
                recorder.recordValue(micros);
                String label = error != null || outcome == null ? Outcome.ERROR : outcome.label();
                byLabel.computeIfAbsent(label, l -> new Recorder(TimeUnit.MINUTES.toMicros(10), 3)).recordValue(micros);
                if (error == null && outcome != null && outcome.success()) {
                    succeeded.incrementAndGet();
                    lastAnswer.accumulateAndGet(now, Math::max);
                } else {
                    failed.incrementAndGet();
                }
            });
        }
        long deadline = start + Math.round(total * interval) + drain.toNanos();
        while (!outstanding.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        long gaveUp = System.nanoTime();
        long unanswered = 0;
        for (Long id : outstanding.keySet()) {
            Long due = outstanding.remove(id);
            if (due != null) {
                recorder.recordValue(Math.max(0, (gaveUp - due) / 1000));
                unanswered++;
            }
        }
        long done = succeeded.get();
        double seconds = Math.max(1, lastAnswer.get() - start) / 1e9;
        Histogram latencies = recorder.getIntervalHistogram();
        Map<String, Histogram> labelled = new java.util.TreeMap<>();
        byLabel.forEach((label, histogram) -> labelled.put(label, histogram.getIntervalHistogram()));
        Result all = new Result(ratePerSecond, done == 0 ? 0 : done / seconds, total, done, failed.get() + dropped + unanswered,
                dropped, unanswered, latencies, sendLag);
        return new Classified(all, labelled);
    }
}
