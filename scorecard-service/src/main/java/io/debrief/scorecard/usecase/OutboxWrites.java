package io.debrief.scorecard.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.debrief.scorecard.observability.PipelineMetrics;
import io.debrief.scorecard.store.OutboxRow;
import io.debrief.scorecard.store.OutboxStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What every write use case shares: its change and the events that describe it commit in one transaction, and after
 * the commit, for the events it really wrote, the relays are woken ({@link OutboxSignal}) and each event is counted as
 * accepted by its type ({@code debrief_scorecard_events_accepted_total}). A write that wrote no event (an
 * {@code Idempotency-Key} replay, a loop already cancelled, no reminder due) wakes and counts nothing.
 */
@ApplicationScoped
public class OutboxWrites {

    /** One write transaction: its connection, and the outbox rows appended on it. */
    public final class Write {

        private final SqlConnection tx;
        private final List<String> types;

        private Write(SqlConnection tx, List<String> types) {
            this.tx = tx;
            this.types = types;
        }

        /** The transaction's connection, for the stores. */
        public SqlConnection tx() {
            return tx;
        }

        /** Appends {@code event} to the outbox in this transaction. */
        public Uni<Void> append(OutboxRow event) {
            types.add(event.type());
            return outbox.append(tx, event);
        }

        /** {@code change} (a store's write on {@link #tx()}) and {@code event}, describing it, together. */
        public Uni<Void> append(Uni<Void> change, OutboxRow event) {
            return Uni.combine().all().unis(change, append(event)).discardItems();
        }
    }

    private final Pool pool;
    private final OutboxStore outbox;
    private final OutboxSignal signal;
    private final PipelineMetrics metrics;
    private final Clock clock;

    public OutboxWrites(Pool pool, OutboxStore outbox, OutboxSignal signal, PipelineMetrics metrics, Clock clock) {
        this.pool = pool;
        this.outbox = outbox;
        this.signal = signal;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Runs {@code work} in one transaction; after its commit, wakes the relays and counts the events it appended. */
    public <T> Uni<T> inTransaction(Function<Write, Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            List<String> appended = new CopyOnWriteArrayList<>();
            return pool.withTransaction(tx -> work.apply(new Write(tx, appended)))
                    .invoke(() -> committed(appended));
        });
    }

    private void committed(List<String> appended) {
        if (!appended.isEmpty()) {
            signal.committed();
            appended.forEach(metrics::eventAccepted);
        }
    }

    /** The time of a write, with the stored precision ({@link Now}). */
    public Instant now() {
        return Now.of(clock);
    }
}
