package io.debrief.scorecard.usecase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.debrief.scorecard.config.RetentionConfig;
import io.debrief.scorecard.store.ErasureStore;
import io.debrief.scorecard.store.LoopDecisions;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Retention (DOMAIN.md Part 2): every {@code debrief.retention.check-every}, one transaction claims the loops whose
 * last decision is older than {@code debrief.retention.erase-after} ({@link LoopDecisions#claimDue}, {@code SKIP
 * LOCKED}: each due loop goes to one instance) and erases them as an admin's erasure would ({@link EraseLoops}), one
 * {@code hiring.candidate.erased.v1} per candidate, by {@value #ACTOR}. A loop already erased (by an admin) that was
 * decided again since is only taken off the list.
 */
@ApplicationScoped
public class EraseExpiredLoops {

    /** The audit trail's actor of a retention erasure. */
    static final String ACTOR = "retention";

    private static final Logger LOG = Logger.getLogger(EraseExpiredLoops.class);

    private final OutboxWrites writes;
    private final LoopDecisions decisions;
    private final ErasureStore erasures;
    private final EraseLoops eraseLoops;
    private final RetentionConfig config;

    public EraseExpiredLoops(OutboxWrites writes, LoopDecisions decisions, ErasureStore erasures, EraseLoops eraseLoops,
                             RetentionConfig config) {
        this.writes = writes;
        this.decisions = decisions;
        this.erasures = erasures;
        this.eraseLoops = eraseLoops;
        this.config = config;
    }

    @Scheduled(every = "${debrief.retention.check-every}", delayed = "${debrief.retention.check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return eraseDue().replaceWithVoid().onFailure().recoverWithItem(e -> {
            LOG.warnf("erasing loops past retention failed; the next check retries: %s", e.toString());
            return null;
        });
    }

    /** One round: claims up to {@code batch-size} due loops and erases them; returns how many were erased. */
    public Uni<Integer> eraseDue() {
        Instant now = writes.now();
        Instant cutoff = now.minus(config.eraseAfter());
        return writes.inTransaction(write -> decisions.claimDue(write.tx(), cutoff, config.batchSize())
                .flatMap(due -> due.isEmpty() ? Uni.createFrom().item(List.<ErasureStore.LockedLoop>of())
                        : erasures.lockFree(write.tx(), due))
                .flatMap(loops -> erase(write, loops, now)));
    }

    private Uni<Integer> erase(OutboxWrites.Write write, List<ErasureStore.LockedLoop> loops, Instant now) {
        Map<String, List<UUID>> pendingByCandidate = new LinkedHashMap<>();
        List<Uni<Void>> steps = new ArrayList<>();
        for (ErasureStore.LockedLoop loop : loops) {
            if (loop.erasedAt() == null) {
                pendingByCandidate.computeIfAbsent(loop.candidateId(), c -> new ArrayList<>()).add(loop.loopId());
            } else {
                steps.add(decisions.erased(write.tx(), loop.loopId(), now));
            }
        }
        pendingByCandidate.forEach((candidate, ids) -> steps.add(eraseLoops.erase(write, candidate, ids, ACTOR, now)));
        int erased = pendingByCandidate.values().stream().mapToInt(List::size).sum();
        if (steps.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Uni.join().all(steps).andFailFast().replaceWith(erased).invoke(n -> {
            if (n > 0) {
                LOG.infof("retention erased %d loops decided before %s", n, now.minus(config.eraseAfter()));
            }
        });
    }
}
