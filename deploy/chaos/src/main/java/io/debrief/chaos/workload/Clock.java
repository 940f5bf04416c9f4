package io.debrief.chaos.workload;

/** Milliseconds since the run began, on the monotonic clock every part of the suite shares. */
public final class Clock {

    private final long origin = System.nanoTime();

    public long now() {
        return (System.nanoTime() - origin) / 1_000_000;
    }
}
