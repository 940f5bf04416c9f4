package io.debrief.calibration.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.debrief.calibration.domain.LoopEvent.PanelMember;
import org.junit.jupiter.api.Test;

/** The rules a batch applies to a loop: each event exactly as if it were alone in its transaction. */
class LoopTest {

    private static final String LOOP = "loop-1";
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private final CalibrationEngine engine = new CalibrationEngine(Bars.HANDBOOK);

    @Test
    void aWholeLoopInOneBatchMakesExactlyTheDecisionVersionsItsEventsMake() {
        Loop loop = Loop.unknown(LOOP);
        List<Loop.Change> changes = new ArrayList<>();
        var alice = submitted("alice", 1, 4);
        for (LoopEvent event : List.of(opened("alice", "bob"), alice, submitted("bob", 1, 4), alice,
                submitted("alice", 2, 2), submitted("alice", 2, 2), submitted("alice", 1, 5))) {
            changes.add(loop.apply(event, engine));
        }

        assertThat(changes).containsExactly(Loop.Change.APPLIED, Loop.Change.APPLIED, Loop.Change.APPLIED,
                Loop.Change.UNCHANGED, Loop.Change.APPLIED, Loop.Change.UNCHANGED, Loop.Change.UNCHANGED);
        assertThat(loop.newDecisions()).extracting(Loop.NewDecision::version).containsExactly(1, 2);
        assertThat(loop.newDecisions()).extracting(Loop.NewDecision::trigger)
                .containsExactly("scorecard/bob/1", "scorecard/alice/2");
        assertThat(loop.state().decisionVersion()).isEqualTo(2);
        assertThat(loop.state().outcome()).isEqualTo(Outcome.NO_HIRE);
        assertThat(loop.scorecards().get("alice").version()).isEqualTo(2);
        assertThat(loop.changed()).isTrue();
        assertThat(loop.changedScorecards()).extracting(SubmittedScorecard::interviewerId)
                .containsExactlyInAnyOrder("alice", "bob");
        assertThat(loop.evaluation()).as("the state after the batch's last change, rendered once")
                .satisfies(evaluation -> assertThat(evaluation.outcome()).isEqualTo(Outcome.NO_HIRE));
    }

    @Test
    void aScorecardBeforeItsLoopIsKeptAndCountsOnceTheLoopOpens() {
        Loop loop = Loop.unknown(LOOP);

        assertThat(loop.apply(submitted("alice", 1, 4), engine)).isEqualTo(Loop.Change.APPLIED);
        assertThat(loop.evaluation()).as("no calibration before the loop is opened").isNull();
        assertThat(loop.changed()).as("the loop row itself is unchanged").isFalse();
        loop.apply(opened("alice"), engine);

        assertThat(loop.state().outcome()).isEqualTo(Outcome.HIRE);
        assertThat(loop.newDecisions()).extracting(Loop.NewDecision::trigger).containsExactly("opened");
    }

    @Test
    void aScorecardOfSomeoneNotOnThePanelIsIgnored() {
        Loop loop = Loop.unknown(LOOP);
        loop.apply(opened("alice"), engine);

        assertThat(loop.apply(submitted("mallory", 1, 5), engine)).isEqualTo(Loop.Change.NOT_ON_PANEL);
        assertThat(loop.scorecards()).doesNotContainKey("mallory");
    }

    @Test
    void aCancelledLoopMakesNoFurtherDecision() {
        Loop loop = Loop.unknown(LOOP);
        loop.apply(opened("alice", "bob"), engine);
        loop.apply(submitted("alice", 1, 4), engine);
        assertThat(loop.apply(new LoopEvent.LoopCancelled(LOOP, T0.plusSeconds(5)), engine))
                .isEqualTo(Loop.Change.APPLIED);
        loop.apply(submitted("bob", 1, 4), engine);

        assertThat(loop.state().status()).isEqualTo(CalibrationStatus.CANCELLED);
        assertThat(loop.newDecisions()).isEmpty();
        assertThat(loop.apply(new LoopEvent.LoopCancelled(LOOP, T0.plusSeconds(9)), engine))
                .isEqualTo(Loop.Change.UNCHANGED);
        assertThat(loop.state().cancelledAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void aStoredLoopGoesOnFromItsStateAndScorecards() {
        Loop first = Loop.unknown(LOOP);
        first.apply(opened("alice", "bob"), engine);
        first.apply(submitted("alice", 1, 4), engine);
        Loop loaded = Loop.of(first.state(), first.scorecards().values());

        loaded.apply(submitted("bob", 1, 4), engine);

        assertThat(loaded.newDecisions()).extracting(Loop.NewDecision::version).containsExactly(1);
        assertThat(loaded.changedScorecards()).extracting(SubmittedScorecard::interviewerId).containsExactly("bob");
        assertThat(loaded.state().updatedAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void anOverdueInterviewerStaysOverdueUntilTheySubmitAndACancellationClearsTheList() {
        Loop loop = Loop.unknown(LOOP);
        assertThat(loop.apply(overdue("bob", 1), engine)).as("before the loop opened").isEqualTo(Loop.Change.APPLIED);
        loop.apply(opened("alice", "bob", "carol"), engine);
        assertThat(loop.state().overdue()).containsExactly("bob");
        assertThat(loop.apply(overdue("bob", 2), engine)).as("already overdue").isEqualTo(Loop.Change.UNCHANGED);
        assertThat(loop.apply(overdue("mallory", 1), engine)).as("not on the panel").isEqualTo(Loop.Change.UNCHANGED);
        loop.apply(submitted("alice", 1, 4), engine);
        assertThat(loop.apply(overdue("alice", 1), engine)).as("already submitted").isEqualTo(Loop.Change.UNCHANGED);
        loop.apply(overdue("carol", 1), engine);
        assertThat(loop.state().overdueInPanelOrder()).containsExactly("bob", "carol");

        loop.apply(submitted("bob", 1, 4), engine);
        assertThat(loop.state().overdue()).containsExactly("carol");
        loop.apply(new LoopEvent.LoopCancelled(LOOP, T0.plusSeconds(60)), engine);
        assertThat(loop.state().overdue()).isEmpty();
        assertThat(loop.apply(overdue("carol", 2), engine)).as("cancelled").isEqualTo(Loop.Change.UNCHANGED);
    }

    @Test
    void theFirstSubmissionIsKeptAcrossAmendmentsAndALateEarlierVersionMovesItBack() {
        Loop loop = Loop.unknown(LOOP);
        loop.apply(opened("alice"), engine);
        loop.apply(submitted("alice", 2, 4), engine);
        loop.apply(submitted("alice", 3, 4), engine);
        assertThat(loop.scorecards().get("alice").firstSubmittedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(loop.apply(submitted("alice", 1, 4), engine)).isEqualTo(Loop.Change.UNCHANGED);
        assertThat(loop.scorecards().get("alice").firstSubmittedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(loop.scorecards().get("alice").version()).isEqualTo(3);
    }

    @Test
    void anErasureForgetsTheNameOnceAndKeepsEveryScoreAndDecision() {
        Loop loop = Loop.unknown(LOOP);
        loop.apply(opened("alice"), engine);
        loop.apply(submitted("alice", 1, 4), engine);
        Loop.State decided = loop.state();
        Loop erased = Loop.of(decided, loop.scorecards().values());
        Instant at = T0.plusSeconds(300);

        assertThat(erased.apply(new LoopEvent.LoopErased(LOOP, "c-1", at), engine)).isEqualTo(Loop.Change.APPLIED);
        assertThat(erased.state().candidateName()).isNull();
        assertThat(erased.state().erasedAt()).isEqualTo(at);
        assertThat(erased.state().candidateId()).isEqualTo("c-1");
        assertThat(erased.state().outcome()).isEqualTo(decided.outcome());
        assertThat(erased.state().decisionVersion()).isEqualTo(decided.decisionVersion());
        assertThat(erased.state().updatedAt()).as("no re-evaluation").isEqualTo(decided.updatedAt());
        assertThat(erased.newDecisions()).isEmpty();
        assertThat(erased.scorecards()).isEqualTo(loop.scorecards());
        assertThat(erased.apply(new LoopEvent.LoopErased(LOOP, "c-1", at.plusSeconds(60)), engine))
                .as("again").isEqualTo(Loop.Change.UNCHANGED);
        assertThat(erased.state().erasedAt()).isEqualTo(at);
    }

    @Test
    void aLoopErasedBeforeItOpensNeverTakesTheName() {
        Loop loop = Loop.unknown(LOOP);
        loop.apply(new LoopEvent.LoopErased(LOOP, "c-1", T0), engine);
        loop.apply(opened("alice"), engine);
        loop.apply(submitted("alice", 1, 4), engine);
        assertThat(loop.state().opened()).isTrue();
        assertThat(loop.state().candidateName()).isNull();
        assertThat(loop.state().erased()).isTrue();
        assertThat(loop.newDecisions()).hasSize(1);
    }

    private static LoopEvent.ScorecardOverdue overdue(String interviewer, int reminder) {
        return new LoopEvent.ScorecardOverdue(LOOP, interviewer, reminder, T0.plusSeconds(30 + reminder));
    }

    private static LoopEvent.LoopOpened opened(String... panel) {
        List<PanelMember> members = new ArrayList<>();
        for (String interviewer : panel) {
            members.add(new PanelMember(interviewer, "ONSITE"));
        }
        return new LoopEvent.LoopOpened(LOOP, "c-1", "Candidate", "Engineer", Level.MID, members, T0);
    }

    private static LoopEvent.ScorecardSubmitted submitted(String interviewer, int version, int score) {
        Map<Area, Integer> scores = new EnumMap<>(Area.class);
        for (Area area : Area.values()) {
            scores.put(area, score);
        }
        return new LoopEvent.ScorecardSubmitted(LOOP, "sc-" + interviewer, interviewer, "ONSITE", version, scores,
                List.of(), score >= 3 ? Recommendation.YES : Recommendation.NO, T0.plusSeconds(version));
    }
}
