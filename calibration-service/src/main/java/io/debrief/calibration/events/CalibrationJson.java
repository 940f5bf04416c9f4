package io.debrief.calibration.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.debrief.calibration.domain.Area;
import io.debrief.calibration.domain.AreaScore;
import io.debrief.calibration.domain.Bar;
import io.debrief.calibration.domain.CalibrationStatus;
import io.debrief.calibration.domain.Check;
import io.debrief.calibration.domain.DiscussionReason;
import io.debrief.calibration.domain.DiscussionReasonType;
import io.debrief.calibration.domain.Evaluation;
import io.debrief.calibration.domain.Fraction;
import io.debrief.calibration.domain.Level;
import io.debrief.calibration.domain.Outcome;
import io.debrief.calibration.domain.Rule;

/**
 * The Calibration of CONTRACT.md, as served by the API and published on {@code calibration-updates}. Display numbers
 * are rounded to 2 decimals (HALF_UP); every {@code passed} was computed exactly before rounding. {@code bar} is an
 * extension: the bar that was applied. {@code overdueInterviewers} (CONTRACT.md Part 2): panel members with an overdue
 * reminder who have not submitted yet, in panel order; {@code finalDecision}: the hiring manager's, or null.
 */
public record CalibrationJson(String loopId, Candidate candidate, String position, Level level,
                              CalibrationStatus status, List<String> submitted, List<String> pendingInterviewers,
                              List<String> overdueInterviewers, List<Area> missingAreas, Map<Area, AreaJson> areas, BigDecimal average,
                              List<CheckJson> checks, Outcome outcome, boolean nearMiss, boolean needsDiscussion,
                              List<ReasonJson> discussionReasons, Integer decisionVersion, Instant updatedAt,
                              FinalDecisionJson finalDecision, BarJson bar) {

    public record Candidate(String id, String name) {
    }

    public record AreaJson(BigDecimal score, List<Integer> scores, List<String> interviewers) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CheckJson(Rule rule, Area area, boolean passed, BigDecimal actual, BigDecimal required) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReasonJson(DiscussionReasonType reason, Area area, String flag) {
    }

    /** expertAreas is null for a level without that rule. */
    public record BarJson(BigDecimal average, BigDecimal areaMinimum, Integer expertAreas) {
        public static BarJson of(Bar bar) {
            return new BarJson(display(bar.average()), display(bar.areaMinimum()), bar.expertAreas());
        }
    }

    public static CalibrationJson of(String loopId, Candidate candidate, String position, Evaluation evaluation,
                                     List<String> overdueInterviewers, Integer decisionVersion, Instant updatedAt,
                                     FinalDecisionJson finalDecision) {
        Map<Area, AreaJson> areas = new LinkedHashMap<>();
        for (AreaScore area : evaluation.areas().values()) {
            areas.put(area.area(), new AreaJson(display(area.score()), area.scores(), area.interviewers()));
        }
        return new CalibrationJson(loopId, candidate, position, evaluation.level(), evaluation.status(),
                evaluation.submitted(), evaluation.pendingInterviewers(), List.copyOf(overdueInterviewers),
                evaluation.missingAreas(), areas,
                display(evaluation.average()), checks(evaluation), evaluation.outcome(), evaluation.nearMiss(),
                evaluation.needsDiscussion(), reasons(evaluation), decisionVersion, updatedAt, finalDecision,
                BarJson.of(evaluation.bar()));
    }

    /**
     * The same calibration after its candidate's erasure: no name, and a final decision without its reason; every
     * score, check and outcome as it was.
     */
    public CalibrationJson erased() {
        return new CalibrationJson(loopId, candidate == null ? null : new Candidate(candidate.id(), null), position,
                level, status, submitted, pendingInterviewers, overdueInterviewers, missingAreas, areas, average,
                checks, outcome, nearMiss, needsDiscussion, discussionReasons, decisionVersion, updatedAt,
                finalDecision == null ? null : finalDecision.withReason(null), bar);
    }

    /** The same calibration with the candidate's name and the final decision's reason as given (opened or sealed). */
    public CalibrationJson withPersonalText(String name, String reason) {
        return new CalibrationJson(loopId, candidate == null ? null : new Candidate(candidate.id(), name), position,
                level, status, submitted, pendingInterviewers, overdueInterviewers, missingAreas, areas, average,
                checks, outcome, nearMiss, needsDiscussion, discussionReasons, decisionVersion, updatedAt,
                finalDecision == null ? null : finalDecision.withReason(reason), bar);
    }

    /** The same calibration, finalised. */
    public CalibrationJson withFinalDecision(FinalDecisionJson decision) {
        return new CalibrationJson(loopId, candidate, position, level, status, submitted, pendingInterviewers,
                overdueInterviewers, missingAreas, areas, average, checks, outcome, nearMiss, needsDiscussion,
                discussionReasons, decisionVersion, updatedAt, decision, bar);
    }

    static List<CheckJson> checks(Evaluation evaluation) {
        return evaluation.checks().stream().map(CalibrationJson::check).toList();
    }

    static List<ReasonJson> reasons(Evaluation evaluation) {
        return evaluation.discussionReasons().stream().map(CalibrationJson::reason).toList();
    }

    private static CheckJson check(Check check) {
        return new CheckJson(check.rule(), check.area(), check.passed(), display(check.actual()), display(check.required()));
    }

    private static ReasonJson reason(DiscussionReason reason) {
        return new ReasonJson(reason.reason(), reason.area(), reason.flag());
    }

    /** 2 decimals, HALF_UP, trailing zeros dropped (3.5, not 3.50); null stays null. */
    public static BigDecimal display(Fraction value) {
        if (value == null) {
            return null;
        }
        BigDecimal rounded = value.toDisplay().stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}
