package io.debrief.calibration.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.debrief.calibration.domain.Area;
import io.debrief.calibration.domain.AreaScore;
import io.debrief.calibration.domain.DecisionSummary;
import io.debrief.calibration.domain.Evaluation;
import io.debrief.calibration.domain.Level;
import io.debrief.calibration.domain.Outcome;

/**
 * The Decision of CONTRACT.md, published on {@code hiring-decisions}. {@code summary} and {@code bar} are extensions.
 */
public record DecisionJson(String loopId, int decisionVersion, CalibrationJson.Candidate candidate, String position,
                           Level level, Outcome outcome, BigDecimal average, Map<Area, BigDecimal> areaScores,
                           List<CalibrationJson.CheckJson> checks, List<Area> missingAreas, boolean nearMiss,
                           boolean needsDiscussion, List<CalibrationJson.ReasonJson> discussionReasons,
                           List<Area> strengths, List<Area> areasToImprove, Instant decidedAt, String summary,
                           CalibrationJson.BarJson bar) {

    /** The same decision with the candidate's name as given (opened for a person, null once erased). */
    public DecisionJson withCandidateName(String name) {
        return new DecisionJson(loopId, decisionVersion, candidate == null ? null
                : new CalibrationJson.Candidate(candidate.id(), name), position, level, outcome, average, areaScores,
                checks, missingAreas, nearMiss, needsDiscussion, discussionReasons, strengths, areasToImprove,
                decidedAt, summary, bar);
    }

    public static DecisionJson of(String loopId, int version, CalibrationJson.Candidate candidate, String position,
                                  Evaluation evaluation, Instant decidedAt) {
        Map<Area, BigDecimal> areaScores = new LinkedHashMap<>();
        for (AreaScore area : evaluation.areas().values()) {
            areaScores.put(area.area(), CalibrationJson.display(area.score()));
        }
        return new DecisionJson(loopId, version, candidate, position, evaluation.level(), evaluation.outcome(),
                CalibrationJson.display(evaluation.average()), areaScores, CalibrationJson.checks(evaluation),
                evaluation.missingAreas(), evaluation.nearMiss(), evaluation.needsDiscussion(),
                CalibrationJson.reasons(evaluation), evaluation.strengths(), evaluation.areasToImprove(), decidedAt,
                DecisionSummary.of(evaluation, position), CalibrationJson.BarJson.of(evaluation.bar()));
    }
}
