package io.debrief.calibration.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.debrief.calibration.domain.Evaluation;
import io.debrief.calibration.domain.Scorecard;
import io.debrief.calibration.events.ScorecardEvent;

/**
 * One loop's stored facts while a batch of events is applied: loaded once (row locked), changed in memory by each of
 * the batch's events in order, and written back once when the batch commits. The fields mirror the {@code loop} table.
 */
final class LoopState {

    final String loopId;
    boolean opened;
    boolean cancelled;
    String candidateId;
    String candidateName;
    String position;
    String level;
    /** JSON [{interviewerId, stage}], as stored */
    String panelJson;
    /** {@link #panelJson} read, or null while not read yet */
    List<ScorecardEvent.PanelMember> panel;
    Instant openedAt;
    Instant cancelledAt;
    String status;
    String outcome;
    Integer decisionVersion;
    String decisionSignature;
    String calibration;
    Instant updatedAt;
    /**
     * The evaluation after the latest change, while {@link #calibration} is not written from it yet: only the state
     * after the whole batch is committed and published, so the document is written once per loop per batch.
     */
    Evaluation pendingCalibration;

    /** The latest scorecard of each interviewer, by interviewer id. */
    final Map<String, ScorecardRow> scorecards = new TreeMap<>();

    /** Whether the loop's row must be written back. */
    boolean changed;
    /** The interviewers whose scorecard row must be written back. */
    final Set<String> changedScorecards = new LinkedHashSet<>();
    /** Decisions made while applying this batch, in version order. */
    final List<DecisionRow> newDecisions = new ArrayList<>();

    LoopState(String loopId) {
        this.loopId = loopId;
    }

    /** The latest scorecard of one interviewer in one loop, as stored in the {@code scorecard} table. */
    static final class ScorecardRow {
        final String id;
        final String loopId;
        final String interviewerId;
        int version;
        String scorecardId;
        String stage;
        String scoresJson;
        String redFlagsJson;
        String recommendation;
        Instant submittedAt;
        /** The row as the engine reads it (read once, when loaded, or taken from the event) */
        Scorecard scorecard;

        ScorecardRow(String loopId, String interviewerId) {
            this.id = ScorecardEntity.idOf(loopId, interviewerId);
            this.loopId = loopId;
            this.interviewerId = interviewerId;
        }
    }

    /** One decision version, as stored in the {@code decision} table. */
    record DecisionRow(String loopId, int version, String trigger, String json, Instant decidedAt) {

        String id() {
            return DecisionEntity.idOf(loopId, version);
        }
    }
}
