package io.debrief.scorecard.domain;

import java.util.List;

/**
 * What the audit keeps of a final decision (DOMAIN.md Part 2, "Final decision"): its outcome, the decision version
 * it was made against, the computed outcome and whether it overrides it. Its reason is written text and is recorded by
 * name only ({@link #REASON}).
 */
public record FinalDecisionFacts(String outcome, int decisionVersion, String computedOutcome, boolean override) {

    public static final String REASON = "reason";

    List<AuditEntry.Change> changes() {
        return List.of(new AuditEntry.Change("outcome", null, outcome),
                new AuditEntry.Change("decisionVersion", null, decisionVersion),
                new AuditEntry.Change("computedOutcome", null, computedOutcome),
                new AuditEntry.Change("override", null, override));
    }
}
