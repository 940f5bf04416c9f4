package io.debrief.calibration.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.debrief.calibration.domain.Area;
import io.debrief.calibration.domain.CalibrationEngine;
import io.debrief.calibration.domain.DecisionVersions;
import io.debrief.calibration.domain.Evaluation;
import io.debrief.calibration.domain.Level;
import io.debrief.calibration.domain.LoopFacts;
import io.debrief.calibration.domain.Recommendation;
import io.debrief.calibration.domain.Scorecard;
import io.debrief.calibration.events.CalibrationJson;
import io.debrief.calibration.events.DecisionJson;
import io.debrief.calibration.events.ScorecardEvent;
import io.debrief.calibration.store.LoopState.DecisionRow;
import io.debrief.calibration.store.LoopState.ScorecardRow;
import org.jboss.logging.Logger;

/**
 * Applies one scorecard event to a loop's facts in memory, exactly as if it were the only event of its transaction:
 * the loop opens once, a scorecard counts only when its version is newer than the one kept, a cancellation sticks, and
 * every change re-evaluates the loop and, when the decision changed (DOMAIN.md "Decision versions"), adds the next
 * decision version. No I/O: {@link CalibrationStore} loads the states and writes back what changed.
 */
final class EventApplier {

    private static final Logger LOG = Logger.getLogger(EventApplier.class);
    private static final TypeReference<List<ScorecardEvent.PanelMember>> PANEL = new TypeReference<>() {
    };
    private static final TypeReference<Map<Area, Integer>> SCORES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final CalibrationEngine engine;
    private final ObjectMapper json;
    private final Runnable ignoredScorecard;

    EventApplier(CalibrationEngine engine, ObjectMapper json, Runnable ignoredScorecard) {
        this.engine = engine;
        this.json = json;
        this.ignoredScorecard = ignoredScorecard;
    }

    /** @return true when the event changed the loop's facts (false: redelivered, older than what counts, or ignored) */
    boolean apply(LoopState loop, ScorecardEvent event) {
        boolean changed;
        if (event instanceof ScorecardEvent.LoopOpened opened) {
            changed = open(loop, opened);
        } else if (event instanceof ScorecardEvent.ScorecardSubmitted submitted) {
            changed = submit(loop, submitted);
        } else {
            changed = cancel(loop, (ScorecardEvent.LoopCancelled) event);
        }
        if (changed && loop.opened) {
            recalibrate(loop, event);
        }
        return changed;
    }

    private boolean open(LoopState loop, ScorecardEvent.LoopOpened event) {
        if (loop.opened) {
            return false; // redelivered
        }
        loop.opened = true;
        loop.candidateId = event.candidateId();
        loop.candidateName = event.candidateName();
        loop.position = event.position();
        loop.level = event.level().name();
        loop.panel = List.copyOf(event.panel());
        loop.panelJson = write(event.panel());
        loop.openedAt = event.time();
        loop.changed = true;
        return true;
    }

    private boolean submit(LoopState loop, ScorecardEvent.ScorecardSubmitted event) {
        if (loop.opened && panel(loop).stream().noneMatch(m -> m.interviewerId().equals(event.interviewerId()))) {
            ignoredScorecard.run();
            LOG.warnf("ignoring scorecard of %s in loop %s: not on the panel", event.interviewerId(), loop.loopId);
            return false;
        }
        ScorecardRow card = loop.scorecards.get(event.interviewerId());
        if (card != null && card.version >= event.version()) {
            return false; // redelivered, or older than what counts
        }
        if (card == null) {
            card = new ScorecardRow(loop.loopId, event.interviewerId());
            loop.scorecards.put(event.interviewerId(), card);
        }
        card.version = event.version();
        card.scorecardId = event.scorecardId();
        card.stage = event.stage();
        card.scoresJson = write(event.scores());
        card.redFlagsJson = write(event.redFlags());
        card.recommendation = event.recommendation().name();
        card.submittedAt = event.time();
        card.scorecard = new Scorecard(event.interviewerId(), event.version(), event.scores(), event.redFlags(),
                event.recommendation());
        loop.changedScorecards.add(event.interviewerId());
        return true;
    }

    private boolean cancel(LoopState loop, ScorecardEvent.LoopCancelled event) {
        if (loop.cancelled) {
            return false;
        }
        loop.cancelled = true;
        loop.cancelledAt = event.time();
        loop.changed = true;
        return true;
    }

    /** Re-evaluates the loop, keeps its calibration and, when due, adds a new decision version. */
    private void recalibrate(LoopState loop, ScorecardEvent event) {
        Evaluation evaluation = engine.evaluate(facts(loop));
        Instant time = loop.updatedAt == null || event.time().isAfter(loop.updatedAt) ? event.time() : loop.updatedAt;
        Integer version = DecisionVersions.next(loop.decisionVersion, loop.decisionSignature, evaluation);
        CalibrationJson.Candidate candidate = new CalibrationJson.Candidate(loop.candidateId, loop.candidateName);
        loop.status = evaluation.status().name();
        loop.outcome = evaluation.outcome() == null ? null : evaluation.outcome().name();
        loop.updatedAt = time;
        loop.pendingCalibration = evaluation;
        loop.changed = true;
        if (version == null) {
            return;
        }
        loop.decisionVersion = version;
        loop.decisionSignature = evaluation.decisionSignature();
        loop.newDecisions.add(new DecisionRow(loop.loopId, version, event.trigger(),
                write(DecisionJson.of(loop.loopId, version, candidate, loop.position, evaluation, time)), time));
        LOG.infof("loop %s: decision %d %s", loop.loopId, version, evaluation.outcome());
    }

    /**
     * Writes the calibration document of the loop's latest evaluation, once all of the batch's events are applied:
     * the document of the state that commits (its decision version and time are those of the last change).
     */
    void finish(LoopState loop) {
        if (loop.pendingCalibration == null) {
            return;
        }
        loop.calibration = write(CalibrationJson.of(loop.loopId,
                new CalibrationJson.Candidate(loop.candidateId, loop.candidateName), loop.position,
                loop.pendingCalibration, loop.decisionVersion, loop.updatedAt));
        loop.pendingCalibration = null;
    }

    /** The engine's view of a stored scorecard row, read from its JSON columns. */
    Scorecard scorecard(ScorecardRow card) {
        return new Scorecard(card.interviewerId, card.version, read(card.scoresJson, SCORES),
                read(card.redFlagsJson, STRINGS), Recommendation.valueOf(card.recommendation));
    }

    private LoopFacts facts(LoopState loop) {
        List<String> panel = panel(loop).stream().map(ScorecardEvent.PanelMember::interviewerId).toList();
        List<Scorecard> scorecards = new ArrayList<>();
        for (ScorecardRow card : loop.scorecards.values()) {
            if (card.scorecard == null) {
                card.scorecard = scorecard(card);
            }
            scorecards.add(card.scorecard);
        }
        return new LoopFacts(Level.valueOf(loop.level), panel, loop.cancelled, scorecards);
    }

    private List<ScorecardEvent.PanelMember> panel(LoopState loop) {
        if (loop.panel == null) {
            loop.panel = loop.panelJson == null ? List.of() : read(loop.panelJson, PANEL);
        }
        return loop.panel;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read stored JSON", e);
        }
    }
}
