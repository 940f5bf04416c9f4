package io.debrief.notification.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class WebhookMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final WebhookMetrics metrics = new WebhookMetrics(registry);

    @Test
    void everyMeterExistsAtZeroBeforeTheFirstAttempt() {
        for (String result : WebhookMetrics.RESULTS) {
            assertThat(registry.get("debrief.webhooks.attempts").tag("result", result).counter().count()).isZero();
        }
        assertThat(registry.get("debrief.webhooks.attempt.duration").timer().count()).isZero();
        assertThat(registry.get("debrief.webhooks.deliveries.failed").counter().count()).isZero();
        assertThat(registry.get("debrief.webhooks.subscriptions.disabled").counter().count()).isZero();
        assertThat(registry.get("debrief.dead.letters").tag("topic", "hiring-decisions").counter().count()).isZero();
    }

    @Test
    void theExistingCounterCallsOfTheDispatcherLandOnTheSameMeters() {
        // what DispatchWebhooks does today, by name
        registry.counter("debrief.webhooks.attempts", "result", "delivered").increment();
        registry.counter("debrief.webhooks.deliveries.failed").increment();
        metrics.attempted("DELIVERED", Duration.ofMillis(120));
        assertThat(registry.get("debrief.webhooks.attempts").tag("result", "delivered").counter().count()).isEqualTo(2);
        assertThat(registry.get("debrief.webhooks.deliveries.failed").counter().count()).isEqualTo(1);
        assertThat(registry.get("debrief.webhooks.attempt.duration").timer().count()).isEqualTo(1);
    }

    @Test
    void countsDisabledSubscriptionsAndDeadLettersByTopic() {
        metrics.subscriptionDisabled();
        metrics.deadLettered("hiring-decisions");
        metrics.deadLettered("scorecard-events");
        assertThat(registry.get("debrief.webhooks.subscriptions.disabled").counter().count()).isEqualTo(1);
        assertThat(registry.get("debrief.dead.letters").tag("topic", "hiring-decisions").counter().count()).isEqualTo(1);
        assertThat(registry.get("debrief.dead.letters").tag("topic", "scorecard-events").counter().count()).isEqualTo(1);
    }
}
