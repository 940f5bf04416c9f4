package io.debrief.calibration.usecase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.debrief.calibration.StatisticsConfig;
import io.debrief.calibration.domain.CalibrationStatus;
import io.debrief.calibration.domain.InterviewerContribution;
import io.debrief.calibration.domain.InterviewerSums;
import io.debrief.calibration.domain.Loop;
import io.debrief.calibration.store.InterviewerStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps interviewer calibration up to date inside a batch's transaction (a step of {@link ApplyScorecardEvents}): for
 * every loop the batch re-evaluated that is or was DECIDED, its stored contributions are taken out of its interviewers'
 * sums and its new ones (if it is still decided) put in: the difference per interviewer and scope is added to the
 * stored sums without reading them back (three statements per batch, never a pass over all loops; the statistics are
 * derived when read). Sums are commutative, so a replay in any batching rebuilds the same totals.
 */
@ApplicationScoped
public class InterviewerStatistics {

    private final InterviewerStore store;
    private final StatisticsConfig config;

    public InterviewerStatistics(InterviewerStore store, StatisticsConfig config) {
        this.store = store;
        this.config = config;
    }

    /**
     * @param loops            the batch's loops after its events were applied
     * @param decidedBefore    the ids of those that were DECIDED before the batch
     */
    public Uni<Void> update(SqlConnection tx, List<Loop> loops, Set<String> decidedBefore) {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem(); // debrief.interviewer-statistics.enabled=false: the benchmark's baseline
        }
        List<Loop> touched = loops.stream().filter(loop -> loop.evaluation() != null
                && (decidedBefore.contains(loop.loopId()) || loop.state().status() == CalibrationStatus.DECIDED))
                .toList();
        if (touched.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] loopIds = touched.stream().map(Loop::loopId).toArray(String[]::new);
        List<InterviewerContribution> now = new ArrayList<>();
        for (Loop loop : touched) {
            Loop.State state = loop.state();
            now.addAll(InterviewerContribution.of(loop.loopId(), state.level(), state.updatedAt(), loop.evaluation(),
                    loop.scorecards().values(), state.panel()));
        }
        // every touched loop's stored contributions, not only those of loops known to be decided: a loop whose rows
        // were wiped and replayed still has its old contributions taken out before its new ones go in
        return store.removeContributions(tx, loopIds).chain(before -> {
            Map<InterviewerStore.Key, InterviewerSums> deltas = new TreeMap<>();
            for (InterviewerContribution c : before) {
                InterviewerSums minus = InterviewerSums.of(c).negate();
                keys(c).forEach(key -> deltas.merge(key, minus, InterviewerSums::plus));
            }
            for (InterviewerContribution c : now) {
                InterviewerSums plus = InterviewerSums.of(c);
                keys(c).forEach(key -> deltas.merge(key, plus, InterviewerSums::plus));
            }
            deltas.values().removeIf(InterviewerSums::isZero); // an unchanged interviewer's row is not even locked
            return store.add(tx, now, deltas);
        });
    }

    private static List<InterviewerStore.Key> keys(InterviewerContribution c) {
        return List.of(new InterviewerStore.Key(c.interviewerId(), InterviewerStore.ALL),
                new InterviewerStore.Key(c.interviewerId(), c.level().name()));
    }
}
