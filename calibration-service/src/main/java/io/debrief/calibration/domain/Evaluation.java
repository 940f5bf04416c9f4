package io.debrief.calibration.domain;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The calibration of one loop at one moment. {@code average} is null until all eight areas are scored; {@code checks}
 * is empty until then; {@code outcome} is null until the loop is complete (and always when cancelled).
 */
public record Evaluation(
        Level level,
        Bar bar,
        CalibrationStatus status,
        List<String> submitted,
        List<String> pendingInterviewers,
        List<Area> missingAreas,
        Map<Area, AreaScore> areas,
        Fraction average,
        List<Check> checks,
        Outcome outcome,
        boolean nearMiss,
        List<DiscussionReason> discussionReasons,
        List<Area> strengths,
        List<Area> areasToImprove) {

    public boolean needsDiscussion() {
        return !discussionReasons.isEmpty();
    }

    public boolean decided() {
        return outcome != null;
    }

    /**
     * What identifies a decision's content for versioning: the outcome, every check's result, nearMiss and
     * needsDiscussion. Two evaluations with the same signature are the same decision.
     */
    public String decisionSignature() {
        return outcome + "|" + checks.stream().map(Check::signature).collect(Collectors.joining(","))
                + "|nearMiss=" + nearMiss + "|needsDiscussion=" + needsDiscussion();
    }
}
