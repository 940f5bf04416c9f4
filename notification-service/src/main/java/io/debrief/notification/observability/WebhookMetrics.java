package io.debrief.notification.observability;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.debrief.platform.observability.TaggedCounters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * notification-service's pipeline meters, each registered at start (at zero): webhook attempts by result
 * ({@code debrief_webhooks_attempts_total{result="delivered"|"gone"|"retry"}}, the meter DispatchWebhooks already
 * increments by that name, so it exists before the first attempt), how long an attempt took
 * ({@code debrief_webhooks_attempt_duration_seconds}, SLO buckets up to the 15 s timeout), deliveries given up
 * ({@code debrief_webhooks_deliveries_failed_total}), subscriptions disabled by a 410
 * ({@code debrief_webhooks_subscriptions_disabled_total}) and records dead-lettered
 * ({@code debrief_dead_letters_total{topic="hiring-decisions"|"scorecard-events"}}). The code calls it at the places named in
 * deploy/observability/README.md.
 */
@Startup // created at start, so every meter exists (at zero) before its first use
@ApplicationScoped
public class WebhookMetrics {

    public static final String[] RESULTS = {"delivered", "gone", "retry"};
    public static final String CONSUMED_TOPIC = "hiring-decisions";
    public static final String SCORECARD_TOPIC = "scorecard-events";
    public static final Duration[] ATTEMPT_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15)};

    private final TaggedCounters attempts;
    private final TaggedCounters deadLetters;
    private final Timer attemptDuration;
    private final Counter failed;
    private final Counter disabled;

    public WebhookMetrics(MeterRegistry registry) {
        this.attempts = new TaggedCounters(registry, "debrief.webhooks.attempts", "Webhook attempts by result",
                "result", List.of(RESULTS));
        this.deadLetters = TaggedCounters.deadLetters(registry, CONSUMED_TOPIC, SCORECARD_TOPIC);
        this.attemptDuration = Timer.builder("debrief.webhooks.attempt.duration")
                .description("From sending a webhook request to its response (or failure)")
                .serviceLevelObjectives(ATTEMPT_BUCKETS).register(registry);
        this.failed = Counter.builder("debrief.webhooks.deliveries.failed")
                .description("Webhook deliveries given up after the last scheduled attempt").register(registry);
        this.disabled = Counter.builder("debrief.webhooks.subscriptions.disabled")
                .description("Subscriptions disabled because their receiver answered 410 Gone").register(registry);
    }

    /** One attempt ended with {@code result} (an AttemptVerdict's name) after {@code took}. */
    public void attempted(String result, Duration took) {
        attempts.increment(result.toLowerCase(Locale.ROOT));
        attemptDuration.record(took);
    }

    /** A delivery was given up (FAILED). */
    public void deliveryFailed() {
        failed.increment();
    }

    /** A subscription was disabled (410 Gone). */
    public void subscriptionDisabled() {
        disabled.increment();
    }

    /** A record of {@code topic} went to its dead-letter topic. */
    public void deadLettered(String topic) {
        deadLetters.increment(topic);
    }
}
