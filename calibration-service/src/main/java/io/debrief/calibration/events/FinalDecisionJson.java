package io.debrief.calibration.events;

import java.time.Instant;

import io.debrief.calibration.domain.FinalDecision;
import io.debrief.calibration.domain.Outcome;

/**
 * The FinalDecision of CONTRACT.md Part 2: the data of {@code hiring.decision.finalized.v1} on {@code hiring-decisions}
 * ({@code ce_id} = {@code {loopId}:final}), the {@code finalDecision} of a Calibration, and the answer of
 * {@code POST /api/calibrations/{loopId}/final-decision}.
 */
public record FinalDecisionJson(String loopId, Outcome outcome, String reason, int decisionVersion,
                                Outcome computedOutcome, boolean override, String decidedBy, Instant decidedAt) {

    /** The same decision with another reason (sealed for events and storage, opened for a person, null once erased). */
    public FinalDecisionJson withReason(String reason) {
        return new FinalDecisionJson(loopId, outcome, reason, decisionVersion, computedOutcome, override, decidedBy,
                decidedAt);
    }

    public static FinalDecisionJson of(FinalDecision decision) {
        return decision == null ? null : new FinalDecisionJson(decision.loopId(), decision.outcome(), decision.reason(),
                decision.decisionVersion(), decision.computedOutcome(), decision.override(), decision.decidedBy(),
                decision.decidedAt());
    }
}
