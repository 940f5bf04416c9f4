package io.debrief.chaos.workload;

/** Milliseconds since the run began, on the monotonic clock every part of the suite shares. */
public final class Clock {

    private final long origin = System.nanoTime();
    private final long originEpochMillis = System.currentTimeMillis();

    public long now() {
        return (System.nanoTime() - origin) / 1_000_000;
    }

    /** A wall-clock time (e.g. a Kafka record's timestamp) on this clock. */
    public long fromEpochMillis(long epochMillis) {
        return epochMillis - originEpochMillis;
    }
}
