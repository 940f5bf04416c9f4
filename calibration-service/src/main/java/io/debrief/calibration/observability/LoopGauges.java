package io.debrief.calibration.observability;

import io.debrief.platform.observability.ObservabilityConfig;
import io.debrief.platform.observability.PolledGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Loops by status ({@code debrief_loops{status}}: PENDING, DECIDED, CANCELLED) and the loops whose latest decision
 * has each outcome ({@code debrief_decided_loops{outcome}}), read from the {@code loop} table (opened loops only).
 * Every series exists at 0 from the start.
 */
@ApplicationScoped
public class LoopGauges {

    public static final String[] STATUSES = {"PENDING", "DECIDED", "CANCELLED"};
    public static final String[] OUTCOMES = {"HIRE", "NO_HIRE", "INSUFFICIENT_EVIDENCE"};

    static final String QUERY = "SELECT status, outcome, count(*) AS loops FROM loop WHERE opened GROUP BY status, outcome";

    private final PolledGauges gauges;
    private final Vertx vertx;
    private final ObservabilityConfig config;

    public LoopGauges(MeterRegistry registry, Pool pool, Vertx vertx, ObservabilityConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.gauges = new PolledGauges(registry, pool, QUERY);
        for (String status : STATUSES) {
            gauges.gauge("debrief.loops", "Opened loops by calibration status", null, Tags.of("status", status),
                    PolledGauges.sumWhere("status", status, "loops"));
        }
        for (String outcome : OUTCOMES) {
            gauges.gauge("debrief.decided.loops", "Loops whose latest decision has this outcome", null,
                    Tags.of("outcome", outcome), PolledGauges.sumWhere("outcome", outcome, "loops"));
        }
    }

    void start(@Observes StartupEvent event) {
        gauges.start(vertx, config.refreshEvery());
    }

    void stop(@Observes ShutdownEvent event) {
        gauges.close();
    }

    /** For tests: refresh now. */
    public PolledGauges gauges() {
        return gauges;
    }
}
