package io.debrief.scorecard.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One audit record of a loop: who ({@code by}: the JWT {@code sub}, the final decision's {@code decidedBy}, or the
 * service that computed a decision), when, what ({@code action}, the interviewer and the version it concerns) and what
 * changed: {@code changes}, the non-personal fields with their values before and after, and {@code freeTextChanged},
 * only the names of the free-text fields written or changed ({@code notes}, {@code evidence.<AREA>}, {@code reason}).
 * An entry never holds personal free text (the candidate's name, a note, an evidence text, a final decision's reason),
 * so erasing a candidate leaves the audit as it is.
 *
 * @param key the entry's identity within its loop: {@code scorecard:{interviewerId}:{version}}, a consumed event's
 *            {@code ce_id}, or {@code erased:{at}}; the same key is recorded once
 */
public record AuditEntry(UUID loopId, String key, AuditAction action, String by, Instant at, String interviewerId,
                         Integer version, List<Change> changes, List<String> freeTextChanged) {

    /** A non-personal field's value before and after ({@code null}: not set); values are numbers, texts or lists. */
    public record Change(String field, Object before, Object after) {
    }

    public AuditEntry {
        Objects.requireNonNull(loopId, "loopId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        changes = List.copyOf(changes);
        freeTextChanged = List.copyOf(freeTextChanged);
    }

    /** A scorecard version written by {@code by}; {@code previous} is the content of the version before (null for 1). */
    public static AuditEntry scorecard(String by, Scorecard scorecard, ScorecardContent previous) {
        ScorecardChanges changes = ScorecardChanges.between(previous, scorecard.content());
        return new AuditEntry(scorecard.loopId(), "scorecard:" + scorecard.interviewerId() + ":" + scorecard.version(),
                scorecard.version() == 1 ? AuditAction.SCORECARD_SUBMITTED : AuditAction.SCORECARD_AMENDED, by,
                scorecard.submittedAt(), scorecard.interviewerId(), scorecard.version(), changes.changes(),
                changes.freeTextChanged());
    }

    /** A computed decision version, with what changed since the loop's previous one ({@code previous}, or null). */
    public static AuditEntry decision(UUID loopId, String eventId, int version, String by, Instant at,
                                      DecisionFacts facts, DecisionFacts previous) {
        return new AuditEntry(loopId, eventId, AuditAction.DECISION_MADE, by, at, null, version,
                facts.changesFrom(previous), List.of());
    }

    /** The final decision: its outcome against the decision version it was made on; the reason by name only. */
    public static AuditEntry finalDecision(UUID loopId, String eventId, String by, Instant at, FinalDecisionFacts facts) {
        return new AuditEntry(loopId, eventId, AuditAction.DECISION_FINALIZED, by, at, null, facts.decisionVersion(),
                facts.changes(), List.of(FinalDecisionFacts.REASON));
    }

    /**
     * The loop's personal data was erased by {@code by} (an admin's sub, or the retention job) at {@code at}: the same
     * erasure (same {@code at}) is recorded once, however often it is resumed.
     */
    public static AuditEntry erased(UUID loopId, String by, Instant at) {
        return new AuditEntry(loopId, "erased:" + at, AuditAction.ERASED, by, at, null, null, List.of(), List.of());
    }
}
