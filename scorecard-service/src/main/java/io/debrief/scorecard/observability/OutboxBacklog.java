package io.debrief.scorecard.observability;

import io.debrief.platform.observability.GaugePolling;
import io.debrief.platform.observability.PolledGauges;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * How far behind the outbox relay is, read from {@code outbox_event} itself (the relay deletes what Kafka
 * acknowledged, so every row is pending): {@code debrief_outbox_backlog_rows} and
 * {@code debrief_outbox_oldest_age_seconds}, the age of the oldest row (by {@code sequence}, through its unique index).
 * Both are 0 for an empty outbox.
 */
@ApplicationScoped
public class OutboxBacklog {

    static final String QUERY = """
            SELECT count(*) AS backlog,
                   EXTRACT(EPOCH FROM now() - (SELECT "timestamp" FROM outbox_event ORDER BY sequence LIMIT 1)) AS oldest
              FROM outbox_event""";

    void register(@Observes StartupEvent start, GaugePolling polling) {
        polling.poll(QUERY, gauges -> gauges
                .gauge("debrief.outbox.backlog", "Events in the outbox not yet acknowledged by Kafka", "rows",
                        Tags.empty(), PolledGauges.column("backlog"))
                .gauge("debrief.outbox.oldest.age", "Age of the oldest event in the outbox (0 when it is empty)",
                        "seconds", Tags.empty(), PolledGauges.column("oldest")));
    }
}
