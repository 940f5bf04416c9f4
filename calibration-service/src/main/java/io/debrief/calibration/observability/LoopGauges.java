package io.debrief.calibration.observability;

import io.debrief.platform.observability.GaugePolling;
import io.debrief.platform.observability.PolledGauges;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
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

    void register(@Observes StartupEvent start, GaugePolling polling) {
        polling.poll(QUERY, gauges -> {
            for (String status : STATUSES) {
                gauges.gauge("debrief.loops", "Opened loops by calibration status", null, Tags.of("status", status),
                        PolledGauges.sumWhere("status", status, "loops"));
            }
            for (String outcome : OUTCOMES) {
                gauges.gauge("debrief.decided.loops", "Loops whose latest decision has this outcome", null,
                        Tags.of("outcome", outcome), PolledGauges.sumWhere("outcome", outcome, "loops"));
            }
        });
    }
}
