package io.debrief.platform.observability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs a service's {@link PolledGauges}: each on the service's reactive pool, registered at once (at zero), refreshed
 * now and then every {@code debrief.observability.refresh-every} until shutdown. What a backlog bean of a service does
 * is only its query and its gauges, e.g. at start:
 * <pre>{@code
 * void register(@Observes StartupEvent start, GaugePolling polling) {
 *     polling.poll(QUERY, gauges -> gauges.gauge("debrief.outbox.backlog", ..., PolledGauges.column("backlog")));
 * }
 * }</pre>
 */
@ApplicationScoped
public class GaugePolling {

    private final MeterRegistry registry;
    private final Pool pool;
    private final Vertx vertx;
    private final ObservabilityConfig config;
    private final List<PolledGauges> polled = new CopyOnWriteArrayList<>();

    public GaugePolling(MeterRegistry registry, Pool pool, Vertx vertx, ObservabilityConfig config) {
        this.registry = registry;
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
    }

    /** Gauges read by {@code sql}, which {@code gauges} registers; polled from now until shutdown. */
    public PolledGauges poll(String sql, Consumer<PolledGauges> gauges) {
        PolledGauges set = new PolledGauges(registry, pool, sql);
        gauges.accept(set);
        polled.add(set);
        set.start(vertx, config.refreshEvery());
        return set;
    }

    @PreDestroy
    void stop() {
        polled.forEach(PolledGauges::close);
    }
}
