package io.debrief.platform.observability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

/**
 * Gauges whose values one SQL query reads, on the reactive pool, every {@code debrief.observability.refresh-every}:
 * backlogs and the age of their oldest row, which no code path sees as a whole. Every gauge is registered at once at
 * zero (present before the first refresh); while the query fails (database down) they read NaN rather than a stale
 * value, so no alert fires, or stays resolved, on old data. Refreshes never overlap.
 */
public final class PolledGauges implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PolledGauges.class);

    private final MeterRegistry registry;
    private final Pool pool;
    private final String sql;
    private final List<Polled> gauges = new ArrayList<>();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private Vertx vertx;
    private long timer = -1;

    public PolledGauges(MeterRegistry registry, Pool pool, String sql) {
        this.registry = registry;
        this.pool = pool;
        this.sql = sql;
    }

    /** Registers a gauge (at zero) whose value {@code value} computes from the query's rows. */
    public PolledGauges gauge(String name, String description, String baseUnit, Tags tags,
                              ToDoubleFunction<RowSet<Row>> value) {
        AtomicLong bits = new AtomicLong(Double.doubleToLongBits(0));
        Gauge.builder(name, bits, b -> Double.longBitsToDouble(b.get()))
                .description(description).baseUnit(baseUnit).tags(tags).strongReference(true).register(registry);
        gauges.add(new Polled(bits, value));
        return this;
    }

    /** Refreshes now and then every {@code every}, on Vert.x timers (the query itself is non-blocking). */
    public void start(Vertx vertx, Duration every) {
        this.vertx = vertx;
        refresh().subscribe().with(ignored -> { }, ignored -> { });
        timer = vertx.setPeriodic(every.toMillis(), id -> refresh().subscribe().with(ignored -> { }, ignored -> { }));
    }

    /** Runs the query once and sets every gauge; completes when done (a failure sets them to NaN). */
    public Uni<Void> refresh() {
        if (!refreshing.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> pool.query(sql).execute())
                .onItem().invoke(rows -> gauges.forEach(g -> g.bits.set(Double.doubleToLongBits(g.value.applyAsDouble(rows)))))
                .onFailure().invoke(failure -> {
                    LOG.debugf("metrics query failed: %s", failure.toString());
                    gauges.forEach(g -> g.bits.set(Double.doubleToLongBits(Double.NaN)));
                })
                .onFailure().recoverWithNull()
                .onTermination().invoke(() -> refreshing.set(false))
                .replaceWithVoid();
    }

    @Override
    public void close() {
        if (vertx != null && timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** The first row's column as a number, 0 when there is no row or it is null (e.g. no oldest row: age 0). */
    public static ToDoubleFunction<RowSet<Row>> column(String column) {
        return rows -> {
            for (Row row : rows) {
                Object value = row.getValue(column);
                return value instanceof Number n ? n.doubleValue() : 0;
            }
            return 0;
        };
    }

    /** The sum of {@code valueColumn} over the rows whose {@code keyColumn} equals {@code key}; 0 when none does. */
    public static ToDoubleFunction<RowSet<Row>> sumWhere(String keyColumn, String key, String valueColumn) {
        return rows -> {
            double sum = 0;
            for (Row row : rows) {
                if (key.equals(row.getValue(keyColumn) == null ? null : String.valueOf(row.getValue(keyColumn)))
                        && row.getValue(valueColumn) instanceof Number n) {
                    sum += n.doubleValue();
                }
            }
            return sum;
        };
    }

    private record Polled(AtomicLong bits, ToDoubleFunction<RowSet<Row>> value) {
    }
}
