package io.debrief.scorecard.usecase;

import java.time.Clock;

import io.debrief.scorecard.domain.Loop;
import io.debrief.scorecard.events.OutboxEvents;
import io.debrief.scorecard.store.LoopStore;
import io.debrief.scorecard.store.OutboxStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Cancels a loop: in one transaction the loop locked, its new status and {@code hiring.loop.cancelled.v1}; after the
 * commit the relays are woken. A cancelled loop is answered as it is, with no second event.
 */
@ApplicationScoped
public class CancelLoop {

    private final Pool pool;
    private final LoopStore loops;
    private final OutboxStore outbox;
    private final OutboxEvents events;
    private final OutboxSignal signal;
    private final Clock clock;

    public CancelLoop(Pool pool, LoopStore loops, OutboxStore outbox, OutboxEvents events, OutboxSignal signal,
                      Clock clock) {
        this.pool = pool;
        this.loops = loops;
        this.outbox = outbox;
        this.events = events;
        this.signal = signal;
        this.clock = clock;
    }

    public Uni<Loop> execute(String loopId) {
        return pool.withTransaction(tx -> loops.lock(tx, loopId).flatMap(loop -> loop.cancelled()
                        ? Uni.createFrom().item(new Cancelled(loop, false))
                        : cancel(tx, loop).map(cancelled -> new Cancelled(cancelled, true))))
                .invoke(result -> {
                    if (result.changed()) {
                        signal.committed();
                    }
                })
                .map(Cancelled::loop);
    }

    private record Cancelled(Loop loop, boolean changed) {
    }

    private Uni<Loop> cancel(SqlConnection tx, Loop loop) {
        Loop cancelled = loop.cancel(Now.of(clock));
        return Uni.combine().all().unis(loops.updateStatus(tx, cancelled),
                outbox.append(tx, events.loopCancelled(cancelled))).discardItems().replaceWith(cancelled);
    }
}
