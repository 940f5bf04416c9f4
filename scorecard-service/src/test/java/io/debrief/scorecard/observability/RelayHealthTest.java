package io.debrief.scorecard.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import io.debrief.platform.observability.WorkerHealth;

class RelayHealthTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final RelayHealth check = new RelayHealth(new WorkerHealth(Duration.ofSeconds(60), Duration.ofSeconds(120),
            now::get));
    private final WorkerHealth health = check.worker();

    private HealthCheckResponse.Status status() {
        return check.call().getStatus();
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void upBeforeItStartsAndWhileRoundsSucceed() {
        assertThat(status()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(check.call().getName()).isEqualTo("outbox relay");
        health.started();
        health.roundStarted();
        advance(Duration.ofSeconds(59));
        assertThat(status()).isEqualTo(HealthCheckResponse.Status.UP);
        health.roundSucceeded();
        advance(Duration.ofHours(1)); // idle: waiting for a wake-up is fine
        assertThat(status()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void downWhenADrainRunsLongerThanStuckAfterAndUpWhenItEnds() {
        health.started();
        health.roundStarted();
        advance(Duration.ofSeconds(61));
        assertThat(status()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(check.call().getData()).hasValueSatisfying(data ->
                assertThat(data.get("reason").toString()).contains("a round has run for more than"));
        health.roundSucceeded();
        assertThat(status()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void downOnlyOnceRoundsHaveFailedLongerThanFailingAfterAndUpAtTheFirstSuccess() {
        health.started();
        health.roundStarted();
        health.roundFailed();
        advance(Duration.ofSeconds(100));
        health.roundStarted();
        health.roundFailed(); // still failing since the first failure
        assertThat(status()).isEqualTo(HealthCheckResponse.Status.UP);
        advance(Duration.ofSeconds(21));
        assertThat(status()).isEqualTo(HealthCheckResponse.Status.DOWN);
        health.roundStarted();
        health.roundSucceeded();
        assertThat(status()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void downWhenTheRelayThreadHasStopped() {
        health.started();
        health.stopped();
        assertThat(status()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }
}
