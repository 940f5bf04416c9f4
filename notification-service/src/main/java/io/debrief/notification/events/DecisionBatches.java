package io.debrief.notification.events;

import java.util.List;

import io.debrief.notification.domain.IncomingDecision;
import io.smallrye.mutiny.Uni;

/**
 * Where {@link DecisionConsumer} hands the decisions of one consumed batch (implemented by the use case
 * {@code usecase.RecordDecisions}, so that this package never imports the layer above it). The consumer acknowledges
 * the batch once the returned Uni completes, after it has dead-lettered the refused decisions.
 */
public interface DecisionBatches {

    /** Stores the batch; yields the decisions the database refused for good, each with why. */
    Uni<List<Refusal>> record(List<IncomingDecision> decisions);

    /** A decision that can never be stored, and why (a reason without the decision's data). */
    record Refusal(IncomingDecision decision, String reason) {
    }
}
