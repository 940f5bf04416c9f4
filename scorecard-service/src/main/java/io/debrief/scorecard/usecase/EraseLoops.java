package io.debrief.scorecard.usecase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.debrief.scorecard.events.OutboxEvents;
import io.debrief.scorecard.store.ErasureStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Erases some loops of one candidate on the caller's write transaction (issue 18), for an admin's erasure and for
 * retention alike: their personal data scrubbed and their keys destroyed ({@link ErasureStore#scrub}), one audit entry
 * per loop, and {@code hiring.candidate.erased.v1} in the outbox, which tells calibration-service,
 * notification-service and the subscribers. All of it commits together or not at all: a restart half-way leaves
 * nothing erased and nothing announced, and the request (or the next retention round) does it whole.
 */
@ApplicationScoped
public class EraseLoops {

    private final ErasureStore erasures;
    private final AuditTrail trail;
    private final OutboxEvents events;

    public EraseLoops(ErasureStore erasures, AuditTrail trail, OutboxEvents events) {
        this.erasures = erasures;
        this.trail = trail;
        this.events = events;
    }

    /** Erases {@code loopIds} (locked by {@code write}'s transaction) of {@code candidateId}, by {@code by}, at {@code at}. */
    Uni<Void> erase(OutboxWrites.Write write, String candidateId, List<UUID> loopIds, String by, Instant at) {
        List<Uni<Void>> audits = new ArrayList<>();
        for (UUID loopId : loopIds) {
            audits.add(trail.erased(write.tx(), loopId, by, at));
        }
        return erasures.scrub(write.tx(), loopIds, at)
                .chain(() -> Uni.join().all(audits).andFailFast())
                .chain(() -> write.append(events.candidateErased(candidateId, loopIds, at)));
    }
}
