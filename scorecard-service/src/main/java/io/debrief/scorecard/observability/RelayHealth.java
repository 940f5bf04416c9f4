package io.debrief.scorecard.observability;

import java.time.Duration;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.debrief.platform.observability.WorkerHealth;
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
 * disabled. The relay reports to {@link #worker()} ({@code OutboxRelayWorker}).
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

    private final WorkerHealth worker;

    @Inject
    public RelayHealth(Config config) {
        this(new WorkerHealth(config.relayStuckAfter(), config.relayFailingAfter()));
    }

    RelayHealth(WorkerHealth worker) {
        this.worker = worker;
    }

    /** What the relay reports its rounds to. */
    public WorkerHealth worker() {
        return worker;
    }

    @Override
    public HealthCheckResponse call() {
        return worker.readiness(NAME, "the relay: ");
    }
}
