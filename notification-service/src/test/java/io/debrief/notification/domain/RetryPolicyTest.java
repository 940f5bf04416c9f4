package io.debrief.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class RetryPolicyTest {

    /** The configured default (webhooks.WebhookConfigTest pins it): immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
    private static final List<Duration> DEFAULT = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10));

    @Test
    void withoutJitterEachFailedAttemptWaitsTheNextScheduledDelay() {
        RetryPolicy policy = new RetryPolicy(DEFAULT, 0);

        assertThat(policy.firstDelay()).isEqualTo(Duration.ZERO);
        assertThat(policy.nextDelay(1, Optional.empty())).contains(Duration.ofSeconds(5));
        assertThat(policy.nextDelay(2, Optional.empty())).contains(Duration.ofMinutes(5));
        assertThat(policy.nextDelay(7, Optional.empty())).contains(Duration.ofHours(10));
    }

    @Test
    void afterTheLastScheduledAttemptTheDeliveryFails() {
        RetryPolicy policy = new RetryPolicy(DEFAULT, 0.2);

        assertThat(policy.maxAttempts()).isEqualTo(8);
        assertThat(policy.nextDelay(8, Optional.empty())).isEmpty();
        assertThat(policy.nextDelay(8, Optional.of(Duration.ofSeconds(1)))).isEmpty();
    }

    @Property
    void jitterStaysWithinItsFractionOfTheDelay(@ForAll @IntRange(min = 1, max = 7) int attemptsMade,
            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double random) {
        RetryPolicy policy = new RetryPolicy(DEFAULT, 0.2, () -> random);
        long base = DEFAULT.get(attemptsMade).toMillis();

        long delay = policy.nextDelay(attemptsMade, Optional.empty()).orElseThrow().toMillis();

        assertThat(delay).isBetween(Math.round(base * 0.8) - 1, Math.round(base * 1.2) + 1);
    }

    @Test
    void jitterSpreadsTheDelay() {
        assertThat(new RetryPolicy(DEFAULT, 0.2, () -> 0.0).nextDelay(1, Optional.empty()))
                .contains(Duration.ofSeconds(4));
        assertThat(new RetryPolicy(DEFAULT, 0.2, () -> 0.999999).nextDelay(1, Optional.empty()).orElseThrow())
                .isBetween(Duration.ofMillis(5999), Duration.ofSeconds(6));
    }

    @Test
    void retryAfterWinsOnlyWhenLaterThanTheBackoff() {
        RetryPolicy policy = new RetryPolicy(DEFAULT, 0);

        assertThat(policy.nextDelay(1, Optional.of(Duration.ofSeconds(60)))).contains(Duration.ofSeconds(60));
        assertThat(policy.nextDelay(2, Optional.of(Duration.ofSeconds(60)))).contains(Duration.ofMinutes(5));
    }

    @Test
    void retryAfterCannotParkADeliveryForMoreThanADay() {
        RetryPolicy policy = new RetryPolicy(DEFAULT, 0);

        assertThat(policy.nextDelay(1, Optional.of(Duration.ofDays(365)))).contains(Duration.ofHours(24));
    }

    @Test
    void invalidPoliciesAreRejected() {
        assertThatThrownBy(() -> new RetryPolicy(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(DEFAULT, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
