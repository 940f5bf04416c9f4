package io.debrief.scorecard.usecase;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.debrief.scorecard.domain.DomainException;
import io.debrief.scorecard.store.ErasureStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * An admin's erasure of a candidate ({@code POST /api/candidates/{candidateId}/erasure}, CONTRACT.md Part 2): every
 * loop of theirs not yet erased is erased in one transaction ({@link EraseLoops}). Idempotent: when every loop is
 * already erased, the answer is the erasure that did it, and nothing is emitted again. Loops opened for the candidate
 * after an erasure are erased by the next request.
 */
@ApplicationScoped
public class EraseCandidate {

    /** What was erased: every loop of the candidate, and when the last of them was. */
    public record Erasure(String candidateId, List<UUID> loopIds, Instant erasedAt) {
    }

    private final OutboxWrites writes;
    private final ErasureStore erasures;
    private final EraseLoops eraseLoops;

    public EraseCandidate(OutboxWrites writes, ErasureStore erasures, EraseLoops eraseLoops) {
        this.writes = writes;
        this.erasures = erasures;
        this.eraseLoops = eraseLoops;
    }

    /** Erases {@code candidateId}'s loops, by {@code by} (the admin's {@code sub}); 404 when they have none. */
    public Uni<Erasure> execute(String candidateId, String by) {
        return writes.inTransaction(write -> erasures.lockLoopsOf(write.tx(), candidateId).flatMap(loops -> {
            if (loops.isEmpty()) {
                throw new DomainException.NotFound("no loop of candidate " + candidateId);
            }
            List<UUID> all = loops.stream().map(ErasureStore.LockedLoop::loopId).toList();
            List<UUID> pending = loops.stream().filter(l -> l.erasedAt() == null)
                    .map(ErasureStore.LockedLoop::loopId).toList();
            if (pending.isEmpty()) {
                Instant last = loops.stream().map(ErasureStore.LockedLoop::erasedAt).filter(Objects::nonNull)
                        .max(Comparator.naturalOrder()).orElseThrow();
                return Uni.createFrom().item(new Erasure(candidateId, all, last));
            }
            Instant at = writes.now();
            return eraseLoops.erase(write, candidateId, pending, by, at)
                    .replaceWith(new Erasure(candidateId, all, at));
        }));
    }
}
