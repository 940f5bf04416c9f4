package io.debrief.calibration.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One loop's facts while a batch of its events is applied, and the rules that apply them: the loop opens once, a
 * scorecard counts only when its version is newer than the one kept and its interviewer is on the panel, a
 * cancellation sticks, and every change re-evaluates the loop and, when the decision changed (DOMAIN.md "Decision
 * versions"), makes the next decision version. Each event is applied exactly as if it were alone in its transaction.
 * Plain Java: the use case loads it, applies the events, and has what changed written back.
 */
public final class Loop {

    /** What an event did to the loop. */
    public enum Change {
        /** The facts changed (and, for an opened loop, were re-evaluated). */
        APPLIED,
        /** Nothing changed: redelivered, or older than what counts. */
        UNCHANGED,
        /** A scorecard of someone not on the panel: ignored. */
        NOT_ON_PANEL
    }

    /** The facts of a loop as they are kept between batches. */
    public record State(String loopId, boolean opened, boolean cancelled, String candidateId, String candidateName,
                        String position, Level level, List<LoopEvent.PanelMember> panel, Instant openedAt,
                        Instant cancelledAt, CalibrationStatus status, Outcome outcome, Integer decisionVersion,
                        String decisionSignature, Instant updatedAt, List<String> overdue, Instant erasedAt) {

        public State {
            panel = panel == null ? List.of() : List.copyOf(panel);
            overdue = overdue == null ? List.of() : List.copyOf(new java.util.TreeSet<>(overdue));
        }

        /** A loop whose candidate was not erased. */
        public State(String loopId, boolean opened, boolean cancelled, String candidateId, String candidateName,
                     String position, Level level, List<LoopEvent.PanelMember> panel, Instant openedAt,
                     Instant cancelledAt, CalibrationStatus status, Outcome outcome, Integer decisionVersion,
                     String decisionSignature, Instant updatedAt, List<String> overdue) {
            this(loopId, opened, cancelled, candidateId, candidateName, position, level, panel, openedAt, cancelledAt,
                    status, outcome, decisionVersion, decisionSignature, updatedAt, overdue, null);
        }

        /** Whether the loop's candidate was erased: no personal text of it is kept or taken any more. */
        public boolean erased() {
            return erasedAt != null;
        }

        /** A loop of which nothing is known yet. */
        public static State unknown(String loopId) {
            return new State(loopId, false, false, null, null, null, null, List.of(), null, null, null, null, null,
                    null, null, List.of());
        }

        State withOverdue(List<String> overdue) {
            return new State(loopId, opened, cancelled, candidateId, candidateName, position, level, panel, openedAt,
                    cancelledAt, status, outcome, decisionVersion, decisionSignature, updatedAt, overdue, erasedAt);
        }

        /** The overdue interviewers in panel order. */
        public List<String> overdueInPanelOrder() {
            return panel.stream().map(LoopEvent.PanelMember::interviewerId).filter(overdue::contains).toList();
        }
    }

    /** A decision version made while applying a batch: the evaluation that made it, at the time of its event. */
    public record NewDecision(int version, String trigger, Evaluation evaluation, Instant decidedAt) {
    }

    private State state;
    private final Map<String, SubmittedScorecard> scorecards = new TreeMap<>();
    private boolean changed;
    private final Set<String> changedScorecards = new LinkedHashSet<>();
    private final List<NewDecision> newDecisions = new ArrayList<>();
    private Evaluation evaluation;

    private Loop(State state, Collection<SubmittedScorecard> scorecards) {
        this.state = state;
        scorecards.forEach(card -> this.scorecards.put(card.interviewerId(), card));
    }

    public static Loop unknown(String loopId) {
        return new Loop(State.unknown(loopId), List.of());
    }

    public static Loop of(State state, Collection<SubmittedScorecard> scorecards) {
        return new Loop(state, scorecards);
    }

    public Change apply(LoopEvent event, CalibrationEngine engine) {
        Change change;
        if (event instanceof LoopEvent.LoopOpened opened) {
            change = open(opened);
        } else if (event instanceof LoopEvent.ScorecardSubmitted submitted) {
            change = submit(submitted);
        } else if (event instanceof LoopEvent.ScorecardOverdue overdue) {
            change = overdue(overdue);
        } else if (event instanceof LoopEvent.LoopErased erased) {
            return erase(erased); // no fact of the calibration changes: nothing to re-evaluate
        } else {
            change = cancel((LoopEvent.LoopCancelled) event);
        }
        if (change == Change.APPLIED && state.opened()) {
            recalibrate(event, engine);
        }
        return change;
    }

    private Change open(LoopEvent.LoopOpened event) {
        if (state.opened()) {
            return Change.UNCHANGED; // redelivered
        }
        // an erasure may arrive before the opening (another partition, a replay): the name is never taken then
        state = new State(state.loopId(), true, state.cancelled(), event.candidateId(),
                state.erased() ? null : event.candidateName(),
                event.position(), event.level(), event.panel(), event.time(), state.cancelledAt(), state.status(),
                state.outcome(), state.decisionVersion(), state.decisionSignature(), state.updatedAt(),
                state.overdue().stream().filter(id -> event.panel().stream()
                        .anyMatch(m -> m.interviewerId().equals(id) && !scorecards.containsKey(id))).toList(),
                state.erasedAt());
        changed = true;
        return Change.APPLIED;
    }

    private Change submit(LoopEvent.ScorecardSubmitted event) {
        if (state.opened() && !onPanel(event.interviewerId())) {
            return Change.NOT_ON_PANEL;
        }
        SubmittedScorecard kept = scorecards.get(event.interviewerId());
        if (kept != null && kept.version() >= event.version()) {
            if (kept.firstSubmittedAt() == null || event.time().isBefore(kept.firstSubmittedAt())) {
                // an earlier version arriving late counts nothing but when the interviewer first submitted
                scorecards.put(event.interviewerId(), new SubmittedScorecard(kept.scorecard(), kept.scorecardId(),
                        kept.stage(), kept.submittedAt(), event.time()));
                changedScorecards.add(event.interviewerId());
            }
            return Change.UNCHANGED; // redelivered, or older than what counts
        }
        Scorecard scorecard = new Scorecard(event.interviewerId(), event.version(), event.scores(), event.redFlags(),
                event.recommendation());
        Instant first = kept == null || kept.firstSubmittedAt() == null || event.time().isBefore(kept.firstSubmittedAt())
                ? event.time() : kept.firstSubmittedAt();
        scorecards.put(event.interviewerId(),
                new SubmittedScorecard(scorecard, event.scorecardId(), event.stage(), event.time(), first));
        changedScorecards.add(event.interviewerId());
        if (state.overdue().contains(event.interviewerId())) {
            state = state.withOverdue(state.overdue().stream().filter(id -> !id.equals(event.interviewerId())).toList());
            changed = true;
        }
        return Change.APPLIED;
    }

    /** Overdue until submitted; a reminder about someone who already submitted, or a cancelled loop, changes nothing. */
    private Change overdue(LoopEvent.ScorecardOverdue event) {
        String interviewer = event.interviewerId();
        if (state.cancelled() || scorecards.containsKey(interviewer) || state.overdue().contains(interviewer)
                || (state.opened() && !onPanel(interviewer))) {
            return Change.UNCHANGED;
        }
        List<String> overdue = new ArrayList<>(state.overdue());
        overdue.add(interviewer);
        state = state.withOverdue(overdue);
        changed = true;
        return Change.APPLIED;
    }

    private Change cancel(LoopEvent.LoopCancelled event) {
        if (state.cancelled()) {
            return Change.UNCHANGED;
        }
        state = new State(state.loopId(), state.opened(), true, state.candidateId(), state.candidateName(),
                state.position(), state.level(), state.panel(), state.openedAt(), event.time(), state.status(),
                state.outcome(), state.decisionVersion(), state.decisionSignature(), state.updatedAt(), List.of(),
                state.erasedAt());
        changed = true;
        return Change.APPLIED;
    }

    /** Forgets the candidate's name, once (the first erasure's time is kept); a redelivery changes nothing. */
    private Change erase(LoopEvent.LoopErased event) {
        if (state.erased()) {
            return Change.UNCHANGED;
        }
        state = new State(state.loopId(), state.opened(), state.cancelled(), state.candidateId(), null,
                state.position(), state.level(), state.panel(), state.openedAt(), state.cancelledAt(), state.status(),
                state.outcome(), state.decisionVersion(), state.decisionSignature(), state.updatedAt(),
                state.overdue(), event.time());
        changed = true;
        return Change.APPLIED;
    }

    /** Re-evaluates the loop and, when the decision changed, makes the next decision version. */
    private void recalibrate(LoopEvent event, CalibrationEngine engine) {
        Evaluation evaluation = engine.evaluate(facts());
        Instant time = state.updatedAt() == null || event.time().isAfter(state.updatedAt()) ? event.time()
                : state.updatedAt();
        Integer version = DecisionVersions.next(state.decisionVersion(), state.decisionSignature(), evaluation);
        Integer decisionVersion = version == null ? state.decisionVersion() : version;
        String signature = version == null ? state.decisionSignature() : evaluation.decisionSignature();
        state = new State(state.loopId(), state.opened(), state.cancelled(), state.candidateId(),
                state.candidateName(), state.position(), state.level(), state.panel(), state.openedAt(),
                state.cancelledAt(), evaluation.status(), evaluation.outcome(), decisionVersion, signature, time,
                state.overdue(), state.erasedAt());
        this.evaluation = evaluation;
        changed = true;
        if (version != null) {
            newDecisions.add(new NewDecision(version, event.trigger(), evaluation, time));
        }
    }

    private boolean onPanel(String interviewerId) {
        return state.panel().stream().anyMatch(member -> member.interviewerId().equals(interviewerId));
    }

    private LoopFacts facts() {
        List<String> panel = state.panel().stream().map(LoopEvent.PanelMember::interviewerId).toList();
        List<Scorecard> latest = scorecards.values().stream().map(SubmittedScorecard::scorecard).toList();
        return new LoopFacts(state.level(), panel, state.cancelled(), latest);
    }

    public String loopId() {
        return state.loopId();
    }

    public State state() {
        return state;
    }

    public boolean opened() {
        return state.opened();
    }

    /** The latest scorecard of each interviewer, by interviewer id. */
    public Map<String, SubmittedScorecard> scorecards() {
        return java.util.Collections.unmodifiableMap(scorecards);
    }

    /** Whether the loop's own facts (not only its scorecards) must be written back. */
    public boolean changed() {
        return changed;
    }

    /** The scorecards this batch changed, in the order it changed them. */
    public List<SubmittedScorecard> changedScorecards() {
        return changedScorecards.stream().map(scorecards::get).toList();
    }

    /** The decision versions this batch made, in version order. */
    public List<NewDecision> newDecisions() {
        return List.copyOf(newDecisions);
    }

    /**
     * The evaluation after the batch's last change, or null when the batch did not re-evaluate the loop: only the state
     * after the whole batch is committed and published.
     */
    public Evaluation evaluation() {
        return evaluation;
    }
}
