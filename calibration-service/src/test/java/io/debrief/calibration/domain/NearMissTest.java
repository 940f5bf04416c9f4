package io.debrief.calibration.domain;

import static io.debrief.calibration.domain.Loops.loop;
import static io.debrief.calibration.domain.Loops.onePerArea;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class NearMissTest {

    private final CalibrationEngine engine = new CalibrationEngine(Bars.HANDBOOK);

    @Test
    void anAverageExactlyAQuarterBelowTheBarIsANearMiss() {
        Evaluation result = engine.evaluate(onePerArea(Level.MID, 4, 4, 3, 3, 3, 3, 3, 3)); // 26/8 = 3.25

        assertThat(result.average()).isEqualTo(Fraction.parse("3.25"));
        assertThat(result.outcome()).isEqualTo(Outcome.NO_HIRE);
        assertThat(result.nearMiss()).isTrue();
    }

    @Test
    void anAverageMoreThanAQuarterBelowTheBarIsNotANearMiss() {
        // ORCHESTRATION 4 and 3 = 3.5: (4 + 3.5 + 6*3)/8 = 3.1875, misses by 0.3125
        LoopFacts facts = loop(Level.MID).everyAreaBut("a", 3, Map.of(Area.CONTAINERIZATION, 4, Area.ORCHESTRATION, 4))
                .scorecard("b", Map.of(Area.ORCHESTRATION, 3)).build();

        Evaluation result = engine.evaluate(facts);

        assertThat(result.average()).isEqualTo(Fraction.parse("3.1875"));
        assertThat(result.checks().stream().filter(c -> !c.passed())).hasSize(1);
        assertThat(result.nearMiss()).isFalse();
    }

    @Test
    void anAreaExactlyAQuarterBelowTheMinimumIsANearMiss() {
        // MONITORING 3,3,3,2 = 2.75 on MID (minimum 3); the rest 4: average stays above 3.5
        LoopFacts facts = loop(Level.MID).everyAreaBut("a", 4, Map.of(Area.MONITORING, 3))
                .scorecard("b", Map.of(Area.MONITORING, 3))
                .scorecard("c", Map.of(Area.MONITORING, 3))
                .scorecard("d", Map.of(Area.MONITORING, 2))
                .build();

        Evaluation result = engine.evaluate(facts);

        assertThat(result.areas().get(Area.MONITORING).score()).isEqualTo(Fraction.parse("2.75"));
        assertThat(result.outcome()).isEqualTo(Outcome.NO_HIRE);
        assertThat(result.nearMiss()).isTrue();
    }

    @Test
    void anAreaAThirdBelowTheMinimumIsNotANearMiss() {
        // MONITORING 3,3,2 = 8/3, misses 3 by 1/3
        LoopFacts facts = loop(Level.MID).everyAreaBut("a", 4, Map.of(Area.MONITORING, 3))
                .scorecard("b", Map.of(Area.MONITORING, 3))
                .scorecard("c", Map.of(Area.MONITORING, 2))
                .build();

        Evaluation result = engine.evaluate(facts);

        assertThat(result.outcome()).isEqualTo(Outcome.NO_HIRE);
        assertThat(result.nearMiss()).isFalse();
    }

    @Test
    void expertAreasOneShortIsANearMissButTwoShortIsNot() {
        assertThat(engine.evaluate(onePerArea(Level.SENIOR, 5, 5, 4, 4, 4, 4, 4, 4)).nearMiss()).isTrue();

        Evaluation twoShort = engine.evaluate(onePerArea(Level.SENIOR, 5, 4, 4, 4, 4, 4, 4, 4));
        assertThat(twoShort.outcome()).isEqualTo(Outcome.NO_HIRE);
        assertThat(twoShort.checks().stream().filter(c -> !c.passed())).hasSize(1);
        assertThat(twoShort.nearMiss()).isFalse();
    }

    @Test
    void twoFailingChecksAreNotANearMissEvenWhenEachIsClose() {
        // MONITORING 3,3,3,2 = 2.75 (a quarter short) and the average 26.75/8 = 3.34375 (0.15625 short)
        LoopFacts facts = loop(Level.MID)
                .inAreaOrder("a", 4, 4, 4, 3, 3, 3, 3, 3)
                .scorecard("b", Map.of(Area.MONITORING, 3))
                .scorecard("c", Map.of(Area.MONITORING, 3))
                .scorecard("d", Map.of(Area.MONITORING, 2))
                .build();

        Evaluation result = engine.evaluate(facts);

        assertThat(result.average()).isEqualTo(Fraction.parse("3.34375"));
        assertThat(result.checks().stream().filter(c -> !c.passed())).hasSize(2);
        assertThat(result.nearMiss()).isFalse();
    }

    @Test
    void aHireIsNeverANearMiss() {
        assertThat(engine.evaluate(onePerArea(Level.MID, 4, 4, 4, 4, 3, 3, 3, 3)).nearMiss()).isFalse();
    }
}
