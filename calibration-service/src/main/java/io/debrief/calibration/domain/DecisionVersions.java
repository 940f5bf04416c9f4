package io.debrief.calibration.domain;

/**
 * DOMAIN.md "Decision versions": the first decision of a loop is version 1; a later evaluation whose outcome, check
 * results, nearMiss or needsDiscussion differ makes the next version; anything else makes none.
 */
public final class DecisionVersions {

    private DecisionVersions() {
    }

    /**
     * @param currentVersion   the loop's latest decision version, null when it has none
     * @param currentSignature that decision's {@link Evaluation#decisionSignature()}, null when none
     * @return the version of the new decision, or null when this evaluation makes no new decision
     */
    public static Integer next(Integer currentVersion, String currentSignature, Evaluation evaluation) {
        if (!evaluation.decided()) {
            return null;
        }
        if (currentVersion == null) {
            return 1;
        }
        return evaluation.decisionSignature().equals(currentSignature) ? null : currentVersion + 1;
    }
}
