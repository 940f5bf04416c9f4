package io.debrief.scorecard.observability;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;

/**
 * The outbox relay in {@code /q/health/ready} ("outbox relay"): DOWN when its thread has stopped, when one drain (rounds
 * until the outbox is empty) has run longer than {@code debrief.health.relay-stuck-after} (a hung send or statement; a
 * drain of a large backlog takes seconds at the measured 13,000-30,000 rows/s), or when every round has failed for
 * longer than {@code debrief.health.relay-failing-after}; UP otherwise, also before it starts and where the relay is
 * disabled. The relay tells it what it does ({@code OutboxRelayWorker}).
 */
@Readiness
@Default // also injectable as itself: the relay reports to it
@ApplicationScoped
public class RelayHealth implements HealthCheck {

    static final String NAME = "outbox relay";

    /** {@code debrief.health.*}: how long the relay may be stuck or failing before this instance is not ready. */
    @ConfigMapping(prefix = "debrief.health")
    public interface Config {
        @WithDefault("5m")
        Duration relayStuckAfter();

        @WithDefault("5m")
        Duration relayFailingAfter();
    }

    private final Duration stuckAfter;
    private final Duration failingAfter;
    private final LongSupplier nanoTime;
    private volatile boolean started;
    private volatile boolean stopped;
    private volatile long roundSince; // 0: no round in progress
    private volatile long failingSince; // 0: the last round succeeded

    @Inject
    public RelayHealth(Config config) {
        this(config.relayStuckAfter(), config.relayFailingAfter(), System::nanoTime);
    }

    RelayHealth(Duration stuckAfter, Duration failingAfter, LongSupplier nanoTime) {
        this.stuckAfter = stuckAfter;
        this.failingAfter = failingAfter;
        this.nanoTime = nanoTime;
    }

    /** The relay's thread runs. */
    public void started() {
        started = true;
        stopped = false;
    }

    /** The relay's thread has ended. */
    public void stopped() {
        stopped = true;
        roundSince = 0;
    }

    public void roundStarted() {
        roundSince = nonZero(nanoTime.getAsLong());
    }

    public void roundSucceeded() {
        roundSince = 0;
        failingSince = 0;
    }

    public void roundFailed() {
        roundSince = 0;
        if (failingSince == 0) {
            failingSince = nonZero(nanoTime.getAsLong());
        }
    }

    @Override
    public HealthCheckResponse call() {
        long now = nanoTime.getAsLong();
        long round = roundSince;
        long failing = failingSince;
        if (started && stopped) {
            return HealthCheckResponse.named(NAME).down().withData("reason", "the relay thread has stopped").build();
        }
        if (round != 0 && now - round > stuckAfter.toNanos()) {
            return HealthCheckResponse.named(NAME).down()
                    .withData("reason", "a drain has run for more than " + stuckAfter).build();
        }
        if (failing != 0 && now - failing > failingAfter.toNanos()) {
            return HealthCheckResponse.named(NAME).down()
                    .withData("reason", "every round has failed for more than " + failingAfter).build();
        }
        return HealthCheckResponse.named(NAME).up().build();
    }

    private static long nonZero(long nanos) {
        return nanos == 0 ? 1 : nanos;
    }
}
