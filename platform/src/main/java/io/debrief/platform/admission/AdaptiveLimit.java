package io.debrief.platform.admission;

import java.util.Arrays;

/**
 * How many requests a service works on at once, adapted to how fast it answers: the limit falls when answers slow
 * down (work is queueing inside the service: for a connection of the database pool, for the event loop, for a CPU)
 * and rises again while they stay fast and the limit is what holds the service back. A fixed limit is right for one
 * machine only: the same 40 submissions in flight are 40 ms of queueing where the service answers 1,000 per second and
 * a second where it answers 40 (deploy/bench, scenario {@code overload}).
 *
 * <p>The rule, once per window of answers (at least {@value #MIN_SAMPLES} answers and {@link #WINDOW_NANOS} long):
 * the window's median latency is compared with the service's latency without load, the lowest window median of the
 * last {@link #BASELINE_NANOS}. While the median stays within {@value #TOLERANCE}× of it, the limit grows by its
 * square root (if the window used at least {@value #BUSY}% of it: an idle service's limit does not creep up);
 * beyond, it is multiplied by {@code TOLERANCE × baseline / median} (at least ½), so that the queue the service keeps
 * is about as long as the work it can do without one. Always between {@code min} and {@code max}. Requests that
 * failed fast (a dependency outage) or whose client went away are not samples: they would teach the limit nothing
 * about queueing.
 *
 * <p>A limit is only as good as its last window: after a second without one (too little traffic to fill it), the limit
 * is back at {@code max}.
 *
 * <p>Thread-safe: {@link #tryAcquire()} and {@link #release} are called from every event loop.
 */
final class AdaptiveLimit {

    static final int MIN_SAMPLES = 16;
    static final long WINDOW_NANOS = 250_000_000L;
    static final long BASELINE_NANOS = 60_000_000_000L;
    static final double TOLERANCE = 2.0;
    static final int BUSY = 80;
    /** A window still open after this long has seen too little traffic to say anything: the limit goes back up. */
    static final long STALE_NANOS = 1_000_000_000L;

    /** A source of nanoseconds, {@link System#nanoTime()} but in tests. */
    interface Clock {
        long nanos();
    }

    private final int min;
    private final int max;
    private final Clock clock;
    private double limit;
    private int inFlight;
    private int busiest;
    private long[] samples = new long[64];
    private int count;
    private long windowStart;
    /** Window medians of the last {@link #BASELINE_NANOS}, as (time, median) pairs, oldest first. */
    private final java.util.ArrayDeque<long[]> medians = new java.util.ArrayDeque<>();

    AdaptiveLimit(int min, int max, int initial, Clock clock) {
        this.max = Math.max(0, max);
        this.min = Math.min(Math.max(1, min), this.max);
        this.clock = clock;
        this.limit = Math.max(this.min, Math.min(this.max, initial));
        this.windowStart = clock.nanos();
    }

    /**
     * Admits one more request if there is room, and returns its start time; or -1 when it must be shed. A limit learnt
     * more than {@link #STALE_NANOS} ago, with too few answers since to close a window, no longer holds: a service that
     * answered a handful of requests in the last second is not queueing, and its next burst is let in whole (and the
     * limit learns again from it) rather than refused for what an earlier burst taught.
     */
    synchronized long tryAcquire() {
        long now = clock.nanos();
        if (now - windowStart > STALE_NANOS) {
            limit = max;
            count = 0;
            busiest = inFlight;
            windowStart = now;
        }
        if (inFlight >= (int) limit) {
            return -1;
        }
        inFlight++;
        busiest = Math.max(busiest, inFlight);
        return now;
    }

    /** Ends an admitted request; {@code sample}: whether its latency says something about the service's queue. */
    synchronized void release(long startedAt, boolean sample) {
        inFlight--;
        if (!sample) {
            return;
        }
        long now = clock.nanos();
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = Math.max(1, now - startedAt);
        if (count >= MIN_SAMPLES && now - windowStart >= WINDOW_NANOS) {
            adapt(now);
        }
    }

    private void adapt(long now) {
        Arrays.sort(samples, 0, count);
        long median = samples[count / 2];
        while (!medians.isEmpty() && now - medians.peekFirst()[0] > BASELINE_NANOS) {
            medians.pollFirst();
        }
        medians.addLast(new long[] {now, median});
        long baseline = Long.MAX_VALUE;
        for (long[] m : medians) {
            baseline = Math.min(baseline, m[1]);
        }
        double next;
        if (median <= TOLERANCE * baseline) {
            next = busiest * 100 >= BUSY * (int) limit ? limit + Math.sqrt(limit) : limit;
        } else {
            next = limit * Math.max(0.5, TOLERANCE * baseline / median);
        }
        limit = Math.max(min, Math.min(max, next));
        count = 0;
        busiest = inFlight;
        windowStart = now;
    }

    synchronized int limit() {
        return (int) limit;
    }

    synchronized int inFlight() {
        return inFlight;
    }
}
