package io.debrief.scorecard.events;

import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * Where {@link DecisionAuditConsumer} hands the decisions of one consumed batch (implemented by the use case
 * {@code usecase.RecordDecisionAudit}, so that this package never imports the layer above it). The batch is
 * acknowledged once the returned Uni completes and the refused decisions are dead-lettered.
 */
public interface DecisionAudits {

    /** Records the batch's audit entries; yields the decisions the database refused for good, each with why. */
    Uni<List<Refusal>> record(List<DecisionRecord> decisions);

    /** A decision that can never be recorded, and why (without the decision's data). */
    record Refusal(DecisionRecord decision, String reason) {
    }
}
