package io.debrief.calibration.usecase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.debrief.calibration.domain.Fraction;
import io.debrief.calibration.domain.InterviewerCalibration;
import io.debrief.calibration.domain.InterviewerContribution;
import io.debrief.calibration.domain.InterviewerTotals;
import io.debrief.calibration.domain.Level;
import io.debrief.calibration.store.InterviewerStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Interviewer calibration as served: without {@code since}, the totals kept by every batch (all levels or one), read as
 * stored; with {@code since}, summed from the contributions of the loops decided since then (only those loops are
 * read). Most deviating first: |meanDeviation| descending (exact), interviewers without pairs last, then by id.
 */
@ApplicationScoped
public class QueryInterviewers {

    private final InterviewerStore store;
    private final ObjectMapper json;

    public QueryInterviewers(InterviewerStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    public Uni<List<InterviewerCalibrationView>> interviewers(Level level, Instant since) {
        if (since == null) {
            return store.calibrations(scope(level)).map(documents -> documents.stream().map(this::read).toList());
        }
        return store.contributionsSince(since, level, null).map(contributions -> {
            List<InterviewerCalibration> calibrations = new ArrayList<>();
            totals(contributions).forEach((id, totals) -> calibrations.add(totals.calibration(id)));
            calibrations.sort(MOST_DEVIATING_FIRST);
            return calibrations.stream().map(InterviewerCalibrationView::of).toList();
        });
    }

    public Uni<Optional<InterviewerCalibrationView>> interviewer(String interviewerId, Level level, Instant since) {
        if (since == null) {
            return store.calibration(interviewerId, scope(level)).map(document -> document.map(this::read));
        }
        return store.contributionsSince(since, level, interviewerId).map(contributions -> {
            InterviewerTotals totals = totals(contributions).get(interviewerId);
            return Optional.ofNullable(totals).map(t -> InterviewerCalibrationView.of(t.calibration(interviewerId)));
        });
    }

    private static final Comparator<InterviewerCalibration> MOST_DEVIATING_FIRST = Comparator
            .comparing((InterviewerCalibration c) -> c.meanDeviation() == null ? null : abs(c.meanDeviation()),
                    Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(InterviewerCalibration::interviewerId);

    private static Fraction abs(Fraction value) {
        return value.compareTo(Fraction.ZERO) < 0 ? value.negate() : value;
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

    private InterviewerCalibrationView read(String document) {
        try {
            return json.readValue(document, InterviewerCalibrationView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored interviewer calibration is not readable", e);
        }
    }
}
