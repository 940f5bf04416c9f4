package io.debrief.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class DecisionSummaryTest {

    @Test
    void nearMissNoHireNamesStrengthsAreasToImproveAndEncouragesReapplication() {
        DecisionFacts decision = new DecisionFacts("Ada Lovelace", "MLOps Engineer", "SENIOR", "NO_HIRE",
                new BigDecimal("4.25"), List.of("CONTAINERIZATION", "ORCHESTRATION"), List.of("MONITORING", "CI_CD"),
                List.of(), true, false, List.of());

        assertThat(DecisionSummary.of(decision)).isEqualTo("No hire — Ada Lovelace, SENIOR MLOps Engineer, "
                + "average 4.25; strengths: Containerization, Orchestration; to improve: Monitoring, CI/CD; "
                + "near miss: encourage reapplication");
    }

    @Test
    void hireWithDiscussionReasons() {
        DecisionFacts decision = new DecisionFacts(null, "MLOps Engineer", "MID", "HIRE", new BigDecimal("3.5"),
                List.of("ML_TOOLS"), List.of(), List.of(), false, true,
                List.of("disagreement on Monitoring", "recommendation conflict"));

        assertThat(DecisionSummary.of(decision)).isEqualTo("Hire — MID MLOps Engineer, average 3.5; "
                + "strengths: ML tools; needs discussion: disagreement on Monitoring, recommendation conflict");
    }

    @Test
    void insufficientEvidenceNamesTheMissingAreasAndHasNoAverage() {
        DecisionFacts decision = new DecisionFacts("Grace", "Platform Engineer", "JUNIOR", "INSUFFICIENT_EVIDENCE",
                null, List.of(), List.of(), List.of("SYSTEM_DESIGN", "PROBLEM_SOLVING"), false, false, null);

        assertThat(DecisionSummary.of(decision)).isEqualTo("Insufficient evidence — Grace, JUNIOR Platform Engineer; "
                + "missing evidence: System design, Problem solving");
    }

    @Test
    void averageIsRoundedToTwoDecimalsWithoutTrailingZeros() {
        assertThat(DecisionSummary.display(new BigDecimal("3.6666666"))).isEqualTo("3.67");
        assertThat(DecisionSummary.display(new BigDecimal("4.00"))).isEqualTo("4");
        assertThat(DecisionSummary.display(new BigDecimal("2.0625"))).isEqualTo("2.06");
        assertThat(DecisionSummary.display(new BigDecimal("10"))).isEqualTo("10");
    }

    @Test
    void unknownOutcomesAndAreasFromANewerUpstreamStillRead() {
        DecisionFacts decision = new DecisionFacts(null, null, null, "ON_HOLD", null, List.of("DATA_ENGINEERING"),
                null, null, false, false, null);

        assertThat(DecisionSummary.of(decision)).isEqualTo("On hold; strengths: Data engineering");
    }
}
