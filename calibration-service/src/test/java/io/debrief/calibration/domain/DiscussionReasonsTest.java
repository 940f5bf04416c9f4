package io.debrief.calibration.domain;

import static io.debrief.calibration.domain.Loops.loop;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DiscussionReasonsTest {

    private final CalibrationEngine engine = new CalibrationEngine(Bars.HANDBOOK);

    @Test
    void scoresSpreadByTwoOnAnAreaAreADisagreement() {
        LoopFacts facts = loop(Level.MID).everyAreaBut("a", 4, Map.of(Area.CI_CD, 5))
                .scorecard("b", Map.of(Area.CI_CD, 3, Area.MONITORING, 3)).build();

        Evaluation result = engine.evaluate(facts);

        assertThat(result.discussionReasons()).containsExactly(DiscussionReason.disagreement(Area.CI_CD));
        assertThat(result.needsDiscussion()).isTrue();
    }

    @Test
    void scoresSpreadByOneAreNotADisagreement() {
        LoopFacts facts = loop(Level.MID).everyAreaBut("a", 4, Map.of())
                .scorecard("b", Map.of(Area.CI_CD, 3, Area.MONITORING, 5)).build();

        Evaluation result = engine.evaluate(facts);

        assertThat(result.discussionReasons()).isEmpty();
        assertThat(result.needsDiscussion()).isFalse();
    }

    @Test
    void theSameRedFlagFromTwoInterviewersIsRepeated() {
        LoopFacts facts = loop(Level.MID)
                .scorecard("a", all(4), Recommendation.YES, List.of("IGNORES_SECURITY", "RIGID"))
                .scorecard("b", Map.of(Area.CI_CD, 4), Recommendation.YES, List.of("IGNORES_SECURITY"))
                .build();

        assertThat(engine.evaluate(facts).discussionReasons())
                .containsExactly(DiscussionReason.repeatedRedFlag("IGNORES_SECURITY"));
    }

    @Test
    void aRedFlagListedTwiceByOneInterviewerOrDifferentFlagsAreNotRepeated() {
        LoopFacts facts = loop(Level.MID)
                .scorecard("a", all(4), Recommendation.YES, List.of("IGNORES_SECURITY", "IGNORES_SECURITY"))
                .scorecard("b", Map.of(Area.CI_CD, 4), Recommendation.YES, List.of("RIGID"))
                .build();

        assertThat(engine.evaluate(facts).needsDiscussion()).isFalse();
    }

    @Test
    void aStrongNoOnAHireIsARecommendationConflict() {
        LoopFacts facts = loop(Level.MID)
                .scorecard("a", all(4), Recommendation.STRONG_NO, List.of())
                .build();

        Evaluation result = engine.evaluate(facts);

        assertThat(result.outcome()).isEqualTo(Outcome.HIRE);
        assertThat(result.discussionReasons()).containsExactly(DiscussionReason.recommendationConflict());
    }

    @Test
    void aStrongYesOnANoHireIsARecommendationConflict() {
        LoopFacts facts = loop(Level.MID)
                .scorecard("a", all(2), Recommendation.STRONG_YES, List.of())
                .build();

        Evaluation result = engine.evaluate(facts);

        assertThat(result.outcome()).isEqualTo(Outcome.NO_HIRE);
        assertThat(result.discussionReasons()).containsExactly(DiscussionReason.recommendationConflict());
    }

    @Test
    void aStrongYesOnAHireAStrongNoOnANoHireAndAnythingOnAnUndecidedLoopAreNoConflict() {
        assertThat(engine.evaluate(loop(Level.MID).scorecard("a", all(4), Recommendation.STRONG_YES, List.of()).build())
                .needsDiscussion()).isFalse();
        assertThat(engine.evaluate(loop(Level.MID).scorecard("a", all(2), Recommendation.STRONG_NO, List.of()).build())
                .needsDiscussion()).isFalse();
        LoopFacts pending = loop(Level.MID).panel("a", "b")
                .scorecard("a", all(4), Recommendation.STRONG_NO, List.of()).build();
        assertThat(engine.evaluate(pending).needsDiscussion()).isFalse();
    }

    @Test
    void everyReasonThatAppliesIsListedAreasFirstThenFlagsByNameThenTheConflict() {
        LoopFacts facts = loop(Level.MID)
                .scorecard("a", all(5), Recommendation.STRONG_NO, List.of("RIGID", "BLAMES_OTHERS"))
                .scorecard("b", Map.of(Area.COMMUNICATION, 3, Area.CI_CD, 3), Recommendation.YES,
                        List.of("BLAMES_OTHERS", "RIGID"))
                .build();

        Evaluation result = engine.evaluate(facts);

        assertThat(result.outcome()).isEqualTo(Outcome.HIRE);
        assertThat(result.discussionReasons()).containsExactly(
                DiscussionReason.disagreement(Area.CI_CD),
                DiscussionReason.disagreement(Area.COMMUNICATION),
                DiscussionReason.repeatedRedFlag("BLAMES_OTHERS"),
                DiscussionReason.repeatedRedFlag("RIGID"),
                DiscussionReason.recommendationConflict());
    }

    static Map<Area, Integer> all(int score) {
        Map<Area, Integer> scores = new java.util.EnumMap<>(Area.class);
        for (Area area : Area.values()) {
            scores.put(area, score);
        }
        return scores;
    }
}
