package io.debrief.calibration.usecase;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.debrief.calibration.StatisticsConfig;
import io.debrief.calibration.domain.CalibrationStatus;
import io.debrief.calibration.domain.Fraction;
import io.debrief.calibration.domain.InterviewerCalibration;
import io.debrief.calibration.domain.InterviewerContribution;
import io.debrief.calibration.domain.InterviewerTotals;
import io.debrief.calibration.domain.Loop;
import io.debrief.calibration.store.InterviewerStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps interviewer calibration up to date inside a batch's transaction (a step of {@link ApplyScorecardEvents}): for
 * every loop the batch re-evaluated that is or was DECIDED, its stored contributions are taken out of its interviewers'
 * totals and its new ones (if it is still decided) put in. Only the touched interviewers' totals are read and written:
 * a constant number of statements per batch, never a pass over all loops. A replay rebuilds the same totals.
 */
@ApplicationScoped
public class InterviewerStatistics {

    private final InterviewerStore store;
    private final ObjectMapper json;
    private final StatisticsConfig config;

    public InterviewerStatistics(InterviewerStore store, ObjectMapper json, StatisticsConfig config) {
        this.store = store;
        this.json = json;
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
        return store.contributionsOf(tx, loopIds).chain(before -> {
            List<InterviewerStore.Key> keys = new ArrayList<>();
            before.forEach(c -> keys.addAll(keys(c)));
            now.forEach(c -> keys.addAll(keys(c)));
            return store.lockTotals(tx, keys).chain(locked -> {
                Map<InterviewerStore.Key, InterviewerTotals> totals = new TreeMap<>(locked);
                for (InterviewerContribution c : before) {
                    keys(c).forEach(key -> totals.put(key, totals.get(key).minus(c)));
                }
                for (InterviewerContribution c : now) {
                    keys(c).forEach(key -> totals.put(key, totals.get(key).plus(c)));
                }
                List<InterviewerStore.Totals> written = new ArrayList<>();
                totals.forEach((key, t) -> written.add(written(key, t)));
                return store.replace(tx, loopIds, now, written);
            });
        });
    }

    private static List<InterviewerStore.Key> keys(InterviewerContribution c) {
        return List.of(new InterviewerStore.Key(c.interviewerId(), InterviewerStore.ALL),
                new InterviewerStore.Key(c.interviewerId(), c.level().name()));
    }

    private InterviewerStore.Totals written(InterviewerStore.Key key, InterviewerTotals totals) {
        if (totals.isEmpty()) {
            return new InterviewerStore.Totals(key, totals, null, null);
        }
        InterviewerCalibration calibration = totals.calibration(key.interviewerId());
        return new InterviewerStore.Totals(key, totals, write(InterviewerCalibrationView.of(calibration)),
                order(calibration.meanDeviation()));
    }

    /** |mean deviation| to 30 decimals: the order of the list (most deviating first). */
    static BigDecimal order(Fraction mean) {
        if (mean == null) {
            return null;
        }
        return (mean.compareTo(Fraction.ZERO) < 0 ? mean.negate() : mean).toDisplay(30);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
