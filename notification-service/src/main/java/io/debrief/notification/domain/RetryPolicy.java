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

    /** The default schedule: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h – a little over 27 hours. */
    public static List<Duration> defaultSchedule() {
        return List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
    }

    /** Parses {@code 0s,5s,5m,30m,2h} (units ms, s, m, h, d; a bare number is seconds). */
    public static List<Duration> parseSchedule(String text) {
        return java.util.Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(entry -> !entry.isEmpty())
                .map(RetryPolicy::parseDuration)
                .toList();
    }

    static Duration parseDuration(String entry) {
        String value = entry.toLowerCase(java.util.Locale.ROOT);
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            long amount = Long.parseLong(Character.isDigit(value.charAt(value.length() - 1))
                    ? value : value.substring(0, value.length() - 1));
            return switch (value.charAt(value.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> Duration.ofSeconds(amount);
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration: '" + entry + "' (use e.g. 500ms, 5s, 5m, 2h)", e);
        }
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
