package io.debrief.calibration.domain;

import static io.debrief.calibration.domain.DiscussionReasonsTest.all;
import static io.debrief.calibration.domain.Loops.loop;
import static io.debrief.calibration.domain.Loops.onePerArea;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DecisionVersionsTest {

    private final CalibrationEngine engine = new CalibrationEngine(Bars.HANDBOOK);

    @Test
    void theFirstDecisionIsVersionOne() {
        assertThat(DecisionVersions.next(null, null, engine.evaluate(onePerArea(Level.MID, 4, 4, 4, 4, 3, 3, 3, 3))))
                .isEqualTo(1);
    }

    @Test
    void anUndecidedLoopMakesNoDecision() {
        Evaluation pending = engine.evaluate(loop(Level.MID).panel("a", "b").scorecard("a", all(4)).build());

        assertThat(DecisionVersions.next(null, null, pending)).isNull();
    }

    @Test
    void theSameEvaluationAgainMakesNoNewVersion() {
        Evaluation first = engine.evaluate(onePerArea(Level.MID, 4, 4, 4, 4, 3, 3, 3, 3));
        Evaluation again = engine.evaluate(onePerArea(Level.MID, 4, 4, 4, 4, 3, 3, 3, 3));

        assertThat(DecisionVersions.next(1, first.decisionSignature(), again)).isNull();
    }

    @Test
    void anAmendmentThatChangesScoresButNoResultMakesNoNewVersion() {
        Evaluation first = engine.evaluate(onePerArea(Level.MID, 4, 4, 4, 4, 3, 3, 3, 3));
        Evaluation amended = engine.evaluate(onePerArea(Level.MID, 5, 4, 4, 4, 3, 3, 3, 3));

        assertThat(amended.average()).isNotEqualTo(first.average());
        assertThat(DecisionVersions.next(1, first.decisionSignature(), amended)).isNull();
    }

    @Test
    void anAmendmentThatFlipsTheOutcomeMakesTheNextVersion() {
        Evaluation first = engine.evaluate(onePerArea(Level.MID, 4, 4, 4, 4, 3, 3, 3, 3));
        Evaluation amended = engine.evaluate(onePerArea(Level.MID, 4, 4, 4, 4, 3, 3, 3, 2));

        assertThat(DecisionVersions.next(1, first.decisionSignature(), amended)).isEqualTo(2);
        assertThat(DecisionVersions.next(4, first.decisionSignature(), amended)).isEqualTo(5);
    }

    @Test
    void anAmendmentThatChangesOnlyWhichCheckFailsMakesTheNextVersion() {
        // both NO_HIRE and not near misses; the failing area moves from CONTAINERIZATION to COMMUNICATION
        Evaluation first = engine.evaluate(onePerArea(Level.MID, 2, 4, 4, 4, 4, 4, 4, 4));
        Evaluation amended = engine.evaluate(onePerArea(Level.MID, 4, 4, 4, 4, 4, 4, 4, 2));

        assertThat(first.outcome()).isEqualTo(amended.outcome());
        assertThat(first.nearMiss()).isEqualTo(amended.nearMiss());
        assertThat(DecisionVersions.next(1, first.decisionSignature(), amended)).isEqualTo(2);
    }

    @Test
    void anAmendmentThatChangesOnlyTheNearMissMakesTheNextVersion() {
        Evaluation notNear = engine.evaluate(onePerArea(Level.MID, 4, 3, 3, 3, 3, 3, 3, 3)); // 3.125
        Evaluation near = engine.evaluate(onePerArea(Level.MID, 4, 4, 3, 3, 3, 3, 3, 3)); // 3.25

        assertThat(notNear.nearMiss()).isFalse();
        assertThat(near.nearMiss()).isTrue();
        assertThat(DecisionVersions.next(1, notNear.decisionSignature(), near)).isEqualTo(2);
    }

    @Test
    void anAmendmentThatChangesOnlyNeedsDiscussionMakesTheNextVersion() {
        Evaluation calm = engine.evaluate(loop(Level.MID).scorecard("a", all(4), Recommendation.YES, List.of()).build());
        Evaluation conflict = engine.evaluate(
                loop(Level.MID).scorecard("a", all(4), Recommendation.STRONG_NO, List.of()).build());

        assertThat(calm.outcome()).isEqualTo(conflict.outcome());
        assertThat(DecisionVersions.next(1, calm.decisionSignature(), conflict)).isEqualTo(2);
    }

    @Test
    void aChangeOfDiscussionReasonThatKeepsNeedsDiscussionMakesNoNewVersion() {
        Evaluation flagged = engine.evaluate(loop(Level.MID)
                .scorecard("a", all(4), Recommendation.YES, List.of("RIGID"))
                .scorecard("b", Map.of(Area.CI_CD, 4), Recommendation.YES, List.of("RIGID")).build());
        Evaluation otherFlag = engine.evaluate(loop(Level.MID)
                .scorecard("a", all(4), Recommendation.YES, List.of("NOT_CURIOUS"))
                .scorecard("b", Map.of(Area.CI_CD, 4), Recommendation.YES, List.of("NOT_CURIOUS")).build());

        assertThat(DecisionVersions.next(1, flagged.decisionSignature(), otherFlag)).isNull();
    }
}
