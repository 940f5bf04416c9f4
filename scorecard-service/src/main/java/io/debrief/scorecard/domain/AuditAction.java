package io.debrief.scorecard.domain;

/** What an audit entry records (issue 18): each scorecard version, decision version, final decision and erasure. */
public enum AuditAction {
    /** An interviewer's first scorecard (version 1). */
    SCORECARD_SUBMITTED,
    /** A later version of a scorecard. */
    SCORECARD_AMENDED,
    /** A computed decision version (calibration-service's {@code hiring.decision.made.v1}). */
    DECISION_MADE,
    /** The hiring manager's final decision ({@code hiring.decision.finalized.v1}). */
    DECISION_FINALIZED,
    /** The candidate's personal data in this loop was erased. */
    ERASED
}
