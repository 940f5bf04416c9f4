package io.debrief.calibration.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.debrief.platform.observability.TaggedCounters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * calibration-service's pipeline meters, each registered at start (at zero): decisions published by outcome
 * ({@code debrief_decisions_total{outcome}}), the submit-to-decision latency from the triggering event's own time
 * ({@code debrief_decision_latency_seconds}, a histogram with the SLO buckets below), and records dead-lettered by the
 * topic they came from ({@code debrief_dead_letters_total{topic}}). The code calls it at the places named in
 * deploy/observability/README.md.
 */
@Startup // created at start, so every meter exists (at zero) before its first use
@ApplicationScoped
public class PipelineMetrics {

    /** The histogram's buckets: the 100 ms target of the README and the steps an operator reads around it. */
    public static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(60), Duration.ofMinutes(5)};
    public static final String[] OUTCOMES = {"HIRE", "NO_HIRE", "INSUFFICIENT_EVIDENCE"};
    public static final String CONSUMED_TOPIC = "scorecard-events";

    private final TaggedCounters decisions;
    private final TaggedCounters deadLetters;
    private final Timer latency;

    public PipelineMetrics(MeterRegistry registry) {
        this.decisions = new TaggedCounters(registry, "debrief.decisions",
                "Decision versions published to hiring-decisions, by outcome", "outcome", List.of(OUTCOMES));
        this.deadLetters = TaggedCounters.deadLetters(registry, CONSUMED_TOPIC);
        this.latency = Timer.builder("debrief.decision.latency")
                .description("From the time of the event that completed a decision (e.g. the last scorecard's "
                        + "submittedAt) to the broker's acknowledgement of the decision")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
    }

    /**
     * A decision of {@code outcome} was acknowledged by the broker; {@code eventTime} is the time of the event that
     * made it (a clock behind ours counts as 0).
     */
    public void decisionPublished(String outcome, Instant eventTime, Instant now) {
        decisions.increment(outcome);
        if (eventTime != null) {
            Duration took = Duration.between(eventTime, now);
            latency.record(took.isNegative() ? Duration.ZERO : took);
        }
    }

    /** A record of {@code topic} went to its dead-letter topic. */
    public void deadLettered(String topic) {
        deadLetters.increment(topic);
    }
}
