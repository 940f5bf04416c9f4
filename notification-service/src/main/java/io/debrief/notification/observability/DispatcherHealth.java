package io.debrief.notification.observability;

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
 * The webhook dispatcher in {@code /q/health/ready} ("webhook dispatcher"): DOWN when claiming due deliveries has hung
 * for longer than {@code debrief.health.dispatcher-stuck-after}, or every claim has failed (the database refuses it)
 * for longer than {@code debrief.health.dispatcher-failing-after}; UP otherwise. A receiver that fails is not the
 * dispatcher failing: its deliveries retry, and {@code debrief_webhooks_oldest_pending_age_seconds} shows them.
 */
@Readiness
@Default // also injectable as itself: the dispatcher reports to it
@ApplicationScoped
public class DispatcherHealth implements HealthCheck {

    static final String NAME = "webhook dispatcher";

    /** {@code debrief.health.*}: how long the dispatcher may be stuck or failing before this instance is not ready. */
    @ConfigMapping(prefix = "debrief.health")
    public interface Config {
        @WithDefault("2m")
        Duration dispatcherStuckAfter();

        @WithDefault("5m")
        Duration dispatcherFailingAfter();
    }

    private final WorkerHealth worker;

    @Inject
    public DispatcherHealth(Config config) {
        this(new WorkerHealth(config.dispatcherStuckAfter(), config.dispatcherFailingAfter()));
    }

    DispatcherHealth(WorkerHealth worker) {
        this.worker = worker;
    }

    /** What the dispatcher reports its claims to. */
    public WorkerHealth worker() {
        return worker;
    }

    @Override
    public HealthCheckResponse call() {
        return worker.readiness(NAME, "claiming: ");
    }
}
