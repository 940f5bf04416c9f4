package io.debrief.calibration.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.debrief.calibration.domain.Area;
import io.debrief.calibration.domain.Bars;
import io.debrief.calibration.domain.CalibrationEngine;
import io.debrief.calibration.domain.Evaluation;
import io.debrief.calibration.domain.Level;
import io.debrief.calibration.domain.LoopFacts;
import io.debrief.calibration.domain.Recommendation;
import io.debrief.calibration.domain.Scorecard;
import org.junit.jupiter.api.Test;

/** The JSON shapes of CONTRACT.md: field names, nulls, optional fields, rounding for display only. */
class CalibrationJsonTest {

    private final ObjectMapper json = ScorecardEventParserTest.mapper();
    private final CalibrationEngine engine = new CalibrationEngine(Bars.HANDBOOK);
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final CalibrationJson.Candidate CANDIDATE = new CalibrationJson.Candidate("c1", "An");

    private static Map<Area, Integer> all(int score) {
        Map<Area, Integer> scores = new java.util.EnumMap<>(Area.class);
        for (Area area : Area.values()) {
            scores.put(area, score);
        }
        return scores;
    }

    @Test
    void aPendingCalibrationHasEveryContractFieldWithNullAverageOutcomeAndVersion() throws Exception {
        Evaluation pending = engine.evaluate(new LoopFacts(Level.MID, List.of("a", "b"), false,
                List.of(new Scorecard("a", 1, Map.of(Area.CI_CD, 4), List.of(), Recommendation.YES))));

        JsonNode node = json.readTree(json.writeValueAsString(CalibrationJson.of("L1", CANDIDATE, "MLOps", pending, List.of(), null, NOW, null)));

        assertThat(node.fieldNames()).toIterable().contains("loopId", "candidate", "position", "level", "status",
                "submitted", "pendingInterviewers", "missingAreas", "areas", "average", "checks", "outcome", "nearMiss",
                "needsDiscussion", "discussionReasons", "decisionVersion", "updatedAt");
        assertThat(node.get("average").isNull()).isTrue();
        assertThat(node.get("outcome").isNull()).isTrue();
        assertThat(node.get("decisionVersion").isNull()).isTrue();
        assertThat(node.get("status").asText()).isEqualTo("PENDING");
        assertThat(node.get("updatedAt").asText()).isEqualTo("2026-11-26T10:00:00Z");
        assertThat(node.at("/areas/CI_CD/score").decimalValue()).isEqualByComparingTo("4");
        assertThat(node.at("/areas/CI_CD/scores/0").asInt()).isEqualTo(4);
        assertThat(node.at("/areas/CI_CD/interviewers/0").asText()).isEqualTo("a");
    }

    @Test
    void displayNumbersAreRoundedToTwoDecimalsWhileChecksKeepTheExactResult() throws Exception {
        // COMMUNICATION 4,3,4 = 11/3 shown as 3.67; average (7*3 + 11/3)/8 = 74/24 = 3.0833… shown as 3.08
        Map<Area, Integer> first = all(3);
        first.put(Area.COMMUNICATION, 4);
        Evaluation decided = engine.evaluate(new LoopFacts(Level.JUNIOR, List.of("a", "b", "c"), false, List.of(
                new Scorecard("a", 1, first, List.of(), Recommendation.YES),
                new Scorecard("b", 1, Map.of(Area.COMMUNICATION, 3), List.of(), Recommendation.YES),
                new Scorecard("c", 1, Map.of(Area.COMMUNICATION, 4), List.of(), Recommendation.YES))));

        JsonNode calibration = json.readTree(json.writeValueAsString(CalibrationJson.of("L1", CANDIDATE, "MLOps", decided, List.of(), 1, NOW, null)));
        JsonNode decision = json.readTree(json.writeValueAsString(DecisionJson.of("L1", 1, CANDIDATE, "MLOps", decided, NOW)));

        assertThat(calibration.at("/areas/COMMUNICATION/score").decimalValue()).isEqualByComparingTo("3.67");
        assertThat(calibration.get("average").decimalValue()).isEqualByComparingTo("3.08");
        assertThat(calibration.at("/checks/0/rule").asText()).isEqualTo("AVERAGE");
        assertThat(calibration.at("/checks/0").has("area")).isFalse();
        assertThat(calibration.at("/checks/0/required").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(calibration.at("/checks/8/area").asText()).isEqualTo("COMMUNICATION");
        assertThat(calibration.at("/checks/8/actual").decimalValue()).isEqualByComparingTo("3.67");
        assertThat(calibration.get("outcome").asText()).isEqualTo("HIRE");
        assertThat(decision.fieldNames()).toIterable().contains("loopId", "decisionVersion", "candidate", "position",
                "level", "outcome", "average", "areaScores", "checks", "missingAreas", "nearMiss", "needsDiscussion",
                "discussionReasons", "strengths", "areasToImprove", "decidedAt", "summary");
        assertThat(decision.at("/areaScores/COMMUNICATION").decimalValue()).isEqualByComparingTo("3.67");
        assertThat(decision.get("strengths").size()).isZero();
        assertThat(decision.get("decidedAt").asText()).isEqualTo("2026-11-26T10:00:00Z");
    }

    @Test
    void aDiscussionReasonCarriesOnlyTheFieldsThatApply() throws Exception {
        Evaluation flagged = engine.evaluate(new LoopFacts(Level.MID, List.of("a", "b"), false, List.of(
                new Scorecard("a", 1, all(5), List.of("RIGID"), Recommendation.STRONG_NO),
                new Scorecard("b", 1, Map.of(Area.CI_CD, 3), List.of("RIGID"), Recommendation.YES))));

        JsonNode reasons = json.readTree(json.writeValueAsString(CalibrationJson.of("L1", CANDIDATE, "p", flagged, List.of(), 1, NOW, null)))
                .get("discussionReasons");

        assertThat(reasons.toString()).isEqualTo("[{\"reason\":\"DISAGREEMENT\",\"area\":\"CI_CD\"},"
                + "{\"reason\":\"REPEATED_RED_FLAG\",\"flag\":\"RIGID\"},{\"reason\":\"RECOMMENDATION_CONFLICT\"}]");
    }
}
