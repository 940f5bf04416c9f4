package io.debrief.calibration.domain;

import static io.debrief.calibration.domain.DiscussionReasonsTest.all;
import static io.debrief.calibration.domain.Loops.loop;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OutcomeTest {

    private final CalibrationEngine engine = new CalibrationEngine(Bars.HANDBOOK);

    @Test
    void aCompleteLoopWithAnAreaNeverScoredIsInsufficientEvidenceNamingTheMissingAreas() {
        LoopFacts facts = loop(Level.MID)
                .scorecard("a", Map.of(Area.CONTAINERIZATION, 4, Area.ORCHESTRATION, 4, Area.CI_CD, 4,
                        Area.ML_TOOLS, 4, Area.MONITORING, 4, Area.SYSTEM_DESIGN, 4))
                .build();

        Evaluation result = engine.evaluate(facts);

        assertThat(result.outcome()).isEqualTo(Outcome.INSUFFICIENT_EVIDENCE);
        assertThat(result.status()).isEqualTo(CalibrationStatus.DECIDED);
        assertThat(result.missingAreas()).containsExactly(Area.PROBLEM_SOLVING, Area.COMMUNICATION);
        assertThat(result.average()).isNull();
        assertThat(result.checks()).isEmpty();
        assertThat(result.nearMiss()).isFalse();
        assertThat(result.strengths()).hasSize(6);
    }

    @Test
    void anIncompleteLoopHasNoOutcomeAndNamesPendingInterviewersAndMissingAreas() {
        LoopFacts facts = loop(Level.MID).panel("a", "b", "c")
                .scorecard("b", Map.of(Area.CI_CD, 4))
                .build();

        Evaluation result = engine.evaluate(facts);

        assertThat(result.outcome()).isNull();
        assertThat(result.status()).isEqualTo(CalibrationStatus.PENDING);
        assertThat(result.submitted()).containsExactly("b");
        assertThat(result.pendingInterviewers()).containsExactly("a", "c");
        assertThat(result.missingAreas()).hasSize(7).doesNotContain(Area.CI_CD);
        assertThat(result.average()).isNull();
    }

    @Test
    void anIncompleteLoopWithEveryAreaScoredShowsTheLiveAverageAndChecksButNoOutcome() {
        LoopFacts facts = loop(Level.MID).panel("a", "b").scorecard("a", all(4)).build();

        Evaluation result = engine.evaluate(facts);

        assertThat(result.average()).isEqualTo(Fraction.of(4));
        assertThat(result.checks()).isNotEmpty().allMatch(Check::passed);
        assertThat(result.outcome()).isNull();
    }

    @Test
    void aCancelledLoopGetsNoDecisionEvenWhenComplete() {
        LoopFacts facts = loop(Level.MID).scorecard("a", all(4)).cancelled().build();

        Evaluation result = engine.evaluate(facts);

        assertThat(result.outcome()).isNull();
        assertThat(result.status()).isEqualTo(CalibrationStatus.CANCELLED);
        assertThat(DecisionVersions.next(null, null, result)).isNull();
    }

    @Test
    void aScorecardFromSomeoneNotOnThePanelIsIgnored() {
        LoopFacts facts = new LoopFacts(Level.MID, List.of("a"), false, List.of(
                new Scorecard("a", 1, all(4), List.of(), Recommendation.YES),
                new Scorecard("mallory", 1, all(1), List.of(), Recommendation.STRONG_NO)));

        Evaluation result = engine.evaluate(facts);

        assertThat(result.outcome()).isEqualTo(Outcome.HIRE);
        assertThat(result.submitted()).containsExactly("a");
        assertThat(result.areas().get(Area.CI_CD).interviewers()).containsExactly("a");
    }

    @Test
    void onlyTheLatestVersionOfAScorecardCounts() {
        LoopFacts facts = new LoopFacts(Level.MID, List.of("a"), false, List.of(
                new Scorecard("a", 2, all(4), List.of(), Recommendation.YES),
                new Scorecard("a", 1, all(1), List.of(), Recommendation.NO)));

        assertThat(engine.evaluate(facts).outcome()).isEqualTo(Outcome.HIRE);
    }

    @Test
    void strengthsAreAreasAtFourOrMoreHighestFirstTiesInAreaOrder() {
        LoopFacts facts = loop(Level.MID).everyAreaBut("a", 3, Map.of(Area.COMMUNICATION, 5, Area.ML_TOOLS, 4,
                        Area.ORCHESTRATION, 4, Area.CI_CD, 5))
                .scorecard("b", Map.of(Area.MONITORING, 5)) // MONITORING (3+5)/2 = 4
                .build();

        assertThat(engine.evaluate(facts).strengths())
                .containsExactly(Area.CI_CD, Area.COMMUNICATION, Area.ORCHESTRATION, Area.ML_TOOLS, Area.MONITORING);
    }

    @Test
    void areasToImproveAreBelowTheRequiredAverageLowestFirstTiesInAreaOrder() {
        // MID requires an average of 3.5: 3.5 itself is not below it, 10/3 is
        LoopFacts facts = loop(Level.MID).everyAreaBut("a", 4, Map.of(Area.COMMUNICATION, 2, Area.ML_TOOLS, 3,
                        Area.CONTAINERIZATION, 3, Area.SYSTEM_DESIGN, 4, Area.CI_CD, 3))
                .scorecard("b", Map.of(Area.SYSTEM_DESIGN, 3, Area.CI_CD, 4))
                .scorecard("c", Map.of(Area.CI_CD, 3))
                .build();

        assertThat(engine.evaluate(facts).areasToImprove())
                .containsExactly(Area.COMMUNICATION, Area.CONTAINERIZATION, Area.ML_TOOLS, Area.CI_CD);
    }

    @Test
    void theSummaryNamesOutcomeAverageStrengthsAndTheNearMiss() {
        Evaluation result = engine.evaluate(Loops.onePerArea(Level.SENIOR, 5, 5, 4, 4, 4, 4, 4, 4));

        assertThat(DecisionSummary.of(result, "MLOps Engineer")).isEqualTo(
                "No hire — SENIOR MLOps Engineer, average 4.25; strengths: CONTAINERIZATION, ORCHESTRATION, CI_CD,"
                        + " ML_TOOLS, MONITORING, SYSTEM_DESIGN, PROBLEM_SOLVING, COMMUNICATION; to improve: none;"
                        + " near miss: encourage reapplication");
    }
}
