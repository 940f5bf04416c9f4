package io.debrief.notification.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a webhook again. {@code schedule.get(n)} is the delay before attempt n+1 (the first entry, usually 0, is
 * the delay of the first attempt); after the last entry the delivery fails for good. Each delay gets a random jitter of
 * up to {@code ±jitter} of itself so that many receivers coming back at once are not hit in lockstep; a
 * {@code Retry-After} later than the jittered delay wins.
 */
public final class RetryPolicy {

    /** A receiver cannot park a delivery for longer than this with Retry-After. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    private final List<Duration> schedule;
    private final double jitter;
    private final DoubleSupplier random;

    public RetryPolicy(List<Duration> schedule, double jitter, DoubleSupplier random) {
        if (schedule.isEmpty()) {
            throw new IllegalArgumentException("the retry schedule needs at least one entry");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
        this.schedule = List.copyOf(schedule);
        this.jitter = jitter;
        this.random = random;
    }

    public RetryPolicy(List<Duration> schedule, double jitter) {
        this(schedule, jitter, Math::random);
    }

    public int maxAttempts() {
        return schedule.size();
    }

    public Duration firstDelay() {
        return schedule.get(0);
    }

    /**
     * The delay before the next attempt after {@code attemptsMade} failed attempts, or empty when the delivery has
     * used up its schedule.
     */
    public Optional<Duration> nextDelay(int attemptsMade, Optional<Duration> retryAfter) {
        if (attemptsMade >= schedule.size()) {
            return Optional.empty();
        }
        Duration backoff = withJitter(schedule.get(Math.max(attemptsMade, 0)));
        return Optional.of(retryAfter
                .map(wait -> wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait)
                .filter(later -> later.compareTo(backoff) > 0)
                .orElse(backoff));
    }

    private Duration withJitter(Duration delay) {
        long millis = delay.toMillis();
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.max(0, Math.round(millis * factor)));
    }
}
