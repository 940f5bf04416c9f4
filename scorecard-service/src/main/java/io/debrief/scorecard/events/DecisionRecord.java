package io.debrief.scorecard.events;

import java.time.Instant;
import java.util.UUID;

import io.debrief.scorecard.domain.DecisionFacts;
import io.debrief.scorecard.domain.FinalDecisionFacts;

/**
 * What the audit reads from a {@code hiring-decisions} record (calibration-service's events, tolerant reader): its
 * {@code ce_id}, its loop, who decided and when, and the non-personal facts. The candidate's name and the final
 * decision's reason are never read into it.
 */
public sealed interface DecisionRecord {

    String eventId();

    UUID loopId();

    Instant decidedAt();

    /** {@code hiring.decision.made.v1}: a computed decision version, by the service that computed it. */
    record Made(String eventId, UUID loopId, int decisionVersion, String by, Instant decidedAt, DecisionFacts facts)
            implements DecisionRecord {
    }

    /** {@code hiring.decision.finalized.v1}: the final decision, by its {@code decidedBy}. */
    record Finalized(String eventId, UUID loopId, String by, Instant decidedAt, FinalDecisionFacts facts)
            implements DecisionRecord {
    }
}
