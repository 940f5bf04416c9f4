package io.debrief.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** {@code debrief.webhooks.*} as the service reads it, with Quarkus's duration converter ("5s", "2h", "1d", "250ms"). */
class WebhookConfigTest {

    @Test
    void theDefaultScheduleReachesOverADay() {
        WebhookConfig config = config(Map.of());

        assertThat(config.retrySchedule()).containsExactly(Duration.ZERO, Duration.ofSeconds(5),
                Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5),
                Duration.ofHours(10), Duration.ofHours(10));
        assertThat(config.retrySchedule().stream().reduce(Duration.ZERO, Duration::plus))
                .isGreaterThan(Duration.ofDays(1));
        assertThat(config.retryJitter()).isEqualTo(0.2);
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.lease()).isEqualTo(Duration.ofSeconds(20));
        // an attempt ends within the timeout, so a lease longer than it is never taken from an attempt still running
        assertThat(config.lease()).isGreaterThan(config.timeout());
        assertThat(config.maxInFlight()).isEqualTo(32);
        assertThat(config.dispatchInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.allowPrivateTargets()).isFalse();
    }

    @Test
    void aScheduleIsAListOfDurationsInAnyUnitOrIso8601() {
        WebhookConfig config = config(Map.of("debrief.webhooks.retry-schedule", "0s, 250ms,1d,7,PT1M"));

        assertThat(config.retrySchedule()).containsExactly(Duration.ZERO, Duration.ofMillis(250), Duration.ofDays(1),
                Duration.ofSeconds(7), Duration.ofMinutes(1));
    }

    @Test
    void aScheduleEntryThatIsNoDurationIsRefusedAtStart() {
        assertThatThrownBy(() -> config(Map.of("debrief.webhooks.retry-schedule", "5 minutes")))
                .hasMessageContaining("debrief.webhooks.retry-schedule");
    }

    private static WebhookConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDiscoveredConverters()
                .withMapping(WebhookConfig.class)
                .withSources(new io.smallrye.config.PropertiesConfigSource(properties, "test", 500))
                .build();
        return config.getConfigMapping(WebhookConfig.class);
    }
}
