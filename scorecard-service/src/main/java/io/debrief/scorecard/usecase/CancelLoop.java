package io.debrief.scorecard.usecase;

import io.debrief.scorecard.domain.Loop;
import io.debrief.scorecard.events.OutboxEvents;
import io.debrief.scorecard.store.LoopStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Cancels a loop: in one transaction the loop locked, its new status and {@code hiring.loop.cancelled.v1}; after the
 * commit the relays are woken and the event counted ({@link OutboxWrites}). A cancelled loop is answered as it is,
 * with no second event.
 */
@ApplicationScoped
public class CancelLoop {

    private final OutboxWrites writes;
    private final LoopStore loops;
    private final OutboxEvents events;

    public CancelLoop(OutboxWrites writes, LoopStore loops, OutboxEvents events) {
        this.writes = writes;
        this.loops = loops;
        this.events = events;
    }

    public Uni<Loop> execute(String loopId) {
        return writes.inTransaction(write -> loops.lock(write.tx(), loopId)
                .flatMap(loop -> loop.cancelled() ? Uni.createFrom().item(loop) : cancel(write, loop)));
    }

    private Uni<Loop> cancel(OutboxWrites.Write write, Loop loop) {
        Loop cancelled = loop.cancel(writes.now());
        return write.append(loops.updateStatus(write.tx(), cancelled), events.loopCancelled(cancelled))
                .replaceWith(cancelled);
    }
}
