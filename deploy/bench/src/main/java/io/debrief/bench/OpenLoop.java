package io.debrief.bench;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An open-loop load generator: requests start at a constant arrival rate whether or not earlier ones have answered,
 * and each latency is measured from the moment the request was <em>due</em>, not from when it was sent. A stalled
 * server therefore shows its stall in every request that should have started during it (no coordinated omission).
 */
public final class OpenLoop {

    /** What one step measured. Latencies in microseconds. */
    public record Result(double targetRate, double achievedRate, long requests, long succeeded, long failed,
                         long dropped, Histogram latencies) {

        public double p(double percentile) {
            return latencies.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private OpenLoop() {
    }

    /**
     * @param request       sends request number {@code i}; its stage completes with true for success
     * @param maxOutstanding requests in flight beyond which new ones are counted as dropped (and as failures)
     */
    public static Result run(double ratePerSecond, Duration duration, int maxOutstanding,
                             LongFunction<CompletionStage<Boolean>> request) throws InterruptedException {
        Recorder recorder = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong outstanding = new AtomicLong();
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
            if (outstanding.get() >= maxOutstanding) {
                dropped++;
                continue;
            }
            outstanding.incrementAndGet();
            CompletionStage<Boolean> sent;
            try {
                sent = request.apply(i);
            } catch (RuntimeException e) {
                outstanding.decrementAndGet();
                failed.incrementAndGet();
                continue;
            }
            sent.whenComplete((ok, error) -> {
                recorder.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
                (error == null && Boolean.TRUE.equals(ok) ? succeeded : failed).incrementAndGet();
                outstanding.decrementAndGet();
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (outstanding.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram latencies = recorder.getIntervalHistogram();
        long done = succeeded.get();
        return new Result(ratePerSecond, done / seconds, total, done, failed.get() + dropped + outstanding.get(), dropped, latencies);
    }
}
