package io.debrief.calibration.usecase;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.debrief.calibration.domain.InterviewerCalibration;
import io.debrief.calibration.domain.InterviewerContribution;
import io.debrief.calibration.domain.InterviewerSums;
import io.debrief.calibration.domain.InterviewerTotals;
import io.debrief.calibration.domain.Level;
import io.debrief.calibration.store.InterviewerStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Interviewer calibration as served, a page at a time: without {@code since}, derived from the sums every batch keeps
 * (all levels or one), only for the page's interviewers; with {@code since}, summed from the contributions of the loops
 * decided since then (only those loops are read). Most deviating first: |meanDeviation| descending (to 35 decimals,
 * {@link InterviewerSums#listKey}), interviewers without pairs last, then by id; a page continues after a
 * {@link Position}.
 */
@ApplicationScoped
public class QueryInterviewers {

    private final InterviewerStore store;

    public QueryInterviewers(InterviewerStore store) {
        this.store = store;
    }

    /** Where an interviewer stands in the list: a page continues after it. */
    public record Position(BigDecimal listKey, String interviewerId) implements Comparable<Position> {
        @Override
        public int compareTo(Position other) {
            int byKey = listKey.compareTo(other.listKey);
            return byKey != 0 ? byKey : interviewerId.compareTo(other.interviewerId);
        }
    }

    /** Up to {@code limit} interviewers; {@code next} the position to continue from, null on the last page. */
    public record Page(List<InterviewerCalibrationView> interviewers, Position next) {
    }

    public Uni<Page> interviewers(Level level, Instant since, Position after, int limit) {
        if (since == null) {
            return store.page(scope(level), after == null ? null : after.listKey(),
                    after == null ? null : after.interviewerId(), limit + 1).map(rows -> {
                        List<InterviewerCalibrationView> views = new ArrayList<>();
                        for (InterviewerStore.Listed row : rows.subList(0, Math.min(limit, rows.size()))) {
                            views.add(InterviewerCalibrationView.of(row.sums().calibration(row.interviewerId(),
                                    row.medianFeedbackHours())));
                        }
                        Position next = rows.size() > limit
                                ? new Position(rows.get(limit - 1).listKey(), rows.get(limit - 1).interviewerId()) : null;
                        return new Page(views, next);
                    });
        }
        return store.contributionsSince(since, level, null).map(contributions -> {
            List<Ranked> ranked = new ArrayList<>();
            totals(contributions).forEach((id, totals) -> {
                InterviewerCalibration calibration = totals.calibration(id);
                Position position = new Position(InterviewerSums.listKey(calibration.meanDeviation()), id);
                if (after == null || position.compareTo(after) > 0) {
                    ranked.add(new Ranked(position, calibration));
                }
            });
            ranked.sort(Comparator.comparing(Ranked::position));
            List<InterviewerCalibrationView> views = ranked.stream().limit(limit)
                    .map(r -> InterviewerCalibrationView.of(r.calibration())).toList();
            return new Page(views, ranked.size() > limit ? ranked.get(limit - 1).position() : null);
        });
    }

    public Uni<Optional<InterviewerCalibrationView>> interviewer(String interviewerId, Level level, Instant since) {
        if (since == null) {
            return store.one(interviewerId, scope(level)).map(row -> row.map(r -> InterviewerCalibrationView.of(
                    r.sums().calibration(r.interviewerId(), r.medianFeedbackHours()))));
        }
        return store.contributionsSince(since, level, interviewerId).map(contributions -> {
            InterviewerTotals totals = totals(contributions).get(interviewerId);
            return Optional.ofNullable(totals).map(t -> InterviewerCalibrationView.of(t.calibration(interviewerId)));
        });
    }

    private record Ranked(Position position, InterviewerCalibration calibration) {
    }

    private static Map<String, InterviewerTotals> totals(List<InterviewerContribution> contributions) {
        Map<String, InterviewerTotals> totals = new TreeMap<>();
        for (InterviewerContribution c : contributions) {
            totals.merge(c.interviewerId(), InterviewerTotals.EMPTY.plus(c), (a, b) -> a.plus(c));
        }
        return totals;
    }

    private static String scope(Level level) {
        return level == null ? InterviewerStore.ALL : level.name();
    }
}
