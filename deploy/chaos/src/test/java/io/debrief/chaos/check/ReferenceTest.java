package io.debrief.chaos.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The suite's naive reference against DOMAIN.md's worked examples: a reference that is wrong would hide a wrong engine. */
class ReferenceTest {

    private static Reference.Scorecard card(String id, Map<String, Integer> scores) {
        return new Reference.Scorecard(id, scores, List.of(), "YES");
    }

    private static Map<String, Integer> areas(int... scores) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < scores.length; i++) {
            map.put(Reference.AREAS.get(i), scores[i]);
        }
        return map;
    }

    @Test
    void midAtExactlyThreePointFiveIsAHire() {
        Reference.Evaluation e = Reference.evaluate("MID", List.of(card("a", areas(4, 4, 4, 4, 3, 3, 3, 3))));
        assertThat(e.average()).isEqualTo(Fraction.of(7, 2));
        assertThat(e.outcome()).isEqualTo("HIRE");
    }

    @Test
    void midWithOneAreaAtTwoIsANoHireAndNotANearMiss() {
        Reference.Evaluation e = Reference.evaluate("MID", List.of(card("a", areas(4, 4, 4, 4, 4, 4, 4, 2))));
        assertThat(e.average()).isEqualTo(Fraction.of(15, 4));
        assertThat(e.outcome()).isEqualTo("NO_HIRE");
        assertThat(e.nearMiss()).isFalse();
    }

    @Test
    void seniorWithTwoExpertAreasIsANearMiss() {
        Reference.Evaluation e = Reference.evaluate("SENIOR", List.of(card("a", areas(5, 5, 4, 4, 4, 4, 4, 4))));
        assertThat(e.average()).isEqualTo(Fraction.of(17, 4));
        assertThat(e.outcome()).isEqualTo("NO_HIRE");
        assertThat(e.nearMiss()).isTrue();
    }

    @Test
    void juniorAverageOfTwoPointZeroSixTwoFiveMissesByMoreThanAQuarter() {
        Map<String, Integer> first = areas(2, 2, 2, 2, 2, 2, 2, 2);
        Reference.Evaluation e = Reference.evaluate("JUNIOR", List.of(card("a", first),
                card("b", Map.of("SYSTEM_DESIGN", 3))));
        assertThat(e.areaScores().get("SYSTEM_DESIGN")).isEqualTo(Fraction.of(5, 2));
        assertThat(e.average()).isEqualTo(Fraction.of(33, 16));
        assertThat(e.outcome()).isEqualTo("NO_HIRE");
        assertThat(e.nearMiss()).isFalse();
        assertThat(e.reasons()).isEmpty();
    }

    @Test
    void threeInterviewersGiveElevenThirds() {
        Map<String, Integer> rest = areas(4, 4, 4, 4, 4, 4, 4, 4);
        Reference.Evaluation e = Reference.evaluate("MID", List.of(card("a", rest),
                card("b", Map.of("CI_CD", 3)), card("c", Map.of("CI_CD", 4))));
        assertThat(e.areaScores().get("CI_CD")).isEqualTo(Fraction.of(11, 3));
        assertThat(e.average()).isEqualTo(Fraction.of(7 * 4 * 3 + 11, 24));
    }

    @Test
    void aMissingAreaIsInsufficientEvidenceAndReasonsFollowTheHandbook() {
        Reference.Evaluation e = Reference.evaluate("MID", List.of(
                new Reference.Scorecard("a", Map.of("CI_CD", 5, "MONITORING", 3), List.of("IGNORES_SECURITY"), "STRONG_YES"),
                new Reference.Scorecard("b", Map.of("CI_CD", 2), List.of("IGNORES_SECURITY"), "NO")));
        assertThat(e.outcome()).isEqualTo("INSUFFICIENT_EVIDENCE");
        assertThat(e.missingAreas()).hasSize(6);
        assertThat(e.checks()).isEmpty();
        assertThat(e.reasons()).containsExactlyInAnyOrder(new Reference.Reason("DISAGREEMENT", "CI_CD", null),
                new Reference.Reason("REPEATED_RED_FLAG", null, "IGNORES_SECURITY"));
    }

    @Test
    void aStrongNoOnAHireIsARecommendationConflict() {
        Reference.Evaluation e = Reference.evaluate("JUNIOR", List.of(
                new Reference.Scorecard("a", areas(3, 3, 3, 3, 3, 3, 3, 3), List.of(), "STRONG_NO")));
        assertThat(e.outcome()).isEqualTo("HIRE");
        assertThat(e.reasons()).containsExactly(new Reference.Reason("RECOMMENDATION_CONFLICT", null, null));
        assertThat(e.signature().needsDiscussion()).isTrue();
    }
}
