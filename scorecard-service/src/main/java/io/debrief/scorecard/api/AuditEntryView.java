package io.debrief.scorecard.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.debrief.scorecard.domain.AuditAction;
import io.debrief.scorecard.domain.AuditEntry;

/**
 * One entry of a loop's audit trail (issue 18): who, when, what, and what changed. Never personal free text: of the
 * notes, an area's evidence and a final decision's reason only the names are listed ({@code freeTextChanged}).
 */
@Schema(name = "AuditEntry", example = """
        {"loopId":"0b9f3c52-8d0e-4a55-9c61-2f6f4e8f0a11","action":"SCORECARD_AMENDED","by":"alice",
         "at":"2026-11-26T17:45:00Z","interviewerId":"alice","version":2,
         "changes":[{"field":"scores.CI_CD","before":3,"after":4},{"field":"recommendation","before":"NO","after":"YES"},
                    {"field":"redFlags","before":["RIGID"],"after":[]}],
         "freeTextChanged":["evidence.CI_CD","notes"]}""")
public record AuditEntryView(
        String loopId,
        AuditAction action,
        @Schema(description = "Who: the token's sub of the writer, the final decision's decidedBy, or the service that "
                + "computed a decision (calibration-service)") String by,
        @Schema(description = "When it happened: the version's submittedAt, the decision's decidedAt, the erasure's time")
        Instant at,
        @Schema(description = "The interviewer of a scorecard entry, else null", nullable = true) String interviewerId,
        @Schema(description = "The scorecard version, or the decision version (a final decision: the version it was "
                + "made against); null for an erasure", nullable = true) Integer version,
        @Schema(description = "Non-personal fields that changed since the version before (a first version or "
                + "decision: every field it sets), with their values") List<Change> changes,
        @Schema(description = "Free-text fields written or changed, by name only (notes, evidence.<AREA>, reason): "
                + "their text is never in the audit") List<String> freeTextChanged) {

    /** A field's value before and after; null when it was not set (an area not scored, a first version). */
    @Schema(name = "AuditChange")
    public record Change(
            @Schema(description = "scores.<AREA>, recommendation, redFlags, greenFlags; for decisions outcome, average, "
                    + "failedChecks, missingAreas, nearMiss, needsDiscussion, discussionReasons; for a final decision "
                    + "outcome, decisionVersion, computedOutcome, override") String field,
            @Schema(oneOf = {Integer.class, Number.class, String.class, Boolean.class, String[].class},
                    nullable = true, description = "a score, an average, an enum name, a flag or a list of names")
            Object before,
            @Schema(oneOf = {Integer.class, Number.class, String.class, Boolean.class, String[].class},
                    nullable = true, description = "as before") Object after) {
    }

    static AuditEntryView of(AuditEntry entry) {
        return new AuditEntryView(entry.loopId().toString(), entry.action(), entry.by(), entry.at(),
                entry.interviewerId(), entry.version(),
                entry.changes().stream().map(c -> new Change(c.field(), c.before(), c.after())).toList(),
                entry.freeTextChanged());
    }
}
