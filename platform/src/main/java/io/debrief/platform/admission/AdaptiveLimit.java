package io.debrief.platform.admission;

import java.util.Arrays;

/**
 * How many requests a service works on at once, adapted to how fast it answers: the limit falls when answers slow
 * down (work is queueing inside the service: for a connection of the database pool, for the event loop, for a CPU)
 * and rises again while they stay fast and the limit is what holds the service back. A fixed limit is right for one
 * machine only: the same 40 submissions in flight are 40 ms of queueing where the service answers 1,000 per second and
 * a second where it answers 40 (deploy/bench, scenario {@code overload}).
 *
 * <p>The rule, once per window of answers (at least {@value #MIN_SAMPLES} answers and {@link #WINDOW_NANOS} long): the
 * window's median latency is compared with the service's latency without load, the baseline: the lowest median of the
 * windows of the last {@link #BASELINE_NANOS} in which no request was shed. A window that shed was the limit at work,
 * and its latency is that of a service kept busy, not of one without load: were it a candidate, a sustained overload
 * would teach the baseline its own latency within a minute, the tolerance would double with it, and the limit would
 * climb back to {@code max} a minute at a time while the queue grew (the benchmark's probe, offering 100 to 800
 * submissions/s for three minutes, saw accepted p99 rise to 17× its half-capacity figure). Through an overload longer
 * than that, the baseline stays the last one learnt; only a service that has shed in every window since it started
 * falls back to the lowest median of all its recent windows. While the median stays within {@value #TOLERANCE}× of it,
 * the limit grows by its square root (if the window used at least {@value #BUSY}% of it: an idle service's limit does
 * not creep up); beyond, it is multiplied by {@code TOLERANCE × baseline / median} (at least ½), so that the queue the
 * service keeps is about as long as the work it can do without one. Always between {@code min} and {@code max}.
 * Requests that failed fast (a dependency outage) or whose client went away are not samples: they would teach the limit
 * nothing about queueing.
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
    /** Whether the current window refused a request. */
    private boolean shed;
    /** The last baseline learnt from windows that shed nothing, or 0. */
    private long lastBaseline;
    private long[] samples = new long[64];
    private int count;
    private long windowStart;
    /** Window medians of the last {@link #BASELINE_NANOS}, as (time, median, 1 if the window shed) triples, oldest first. */
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
            shed = false;
            windowStart = now;
        }
        if (inFlight >= (int) limit) {
            shed = true;
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
        medians.addLast(new long[] {now, median, shed ? 1 : 0});
        long baseline = baseline();
        double next;
        if (median <= TOLERANCE * baseline) {
            next = busiest * 100 >= BUSY * (int) limit ? limit + Math.sqrt(limit) : limit;
        } else {
            next = limit * Math.max(0.5, TOLERANCE * baseline / median);
        }
        limit = Math.max(min, Math.min(max, next));
        count = 0;
        busiest = inFlight;
        shed = false;
        windowStart = now;
    }

    /** The lowest median of the recent windows that shed nothing; else the last one learnt; else of all recent ones. */
    private long baseline() {
        long unshed = Long.MAX_VALUE;
        long any = Long.MAX_VALUE;
        for (long[] m : medians) {
            any = Math.min(any, m[1]);
            if (m[2] == 0) {
                unshed = Math.min(unshed, m[1]);
            }
        }
        if (unshed != Long.MAX_VALUE) {
            lastBaseline = unshed;
            return unshed;
        }
        return lastBaseline > 0 ? lastBaseline : any;
    }

    synchronized int limit() {
        return (int) limit;
    }

    synchronized int inFlight() {
        return inFlight;
    }
}
