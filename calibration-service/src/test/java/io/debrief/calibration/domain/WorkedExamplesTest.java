package io.debrief.calibration.domain;

import static io.debrief.calibration.domain.Loops.loop;
import static io.debrief.calibration.domain.Loops.onePerArea;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The worked examples of DOMAIN.md, one test each. */
class WorkedExamplesTest {

    private final CalibrationEngine engine = new CalibrationEngine(Bars.HANDBOOK);

    private static Check check(Evaluation evaluation, Rule rule, Area area) {
        return evaluation.checks().stream().filter(c -> c.rule() == rule && c.area() == area).findFirst().orElseThrow();
    }

    @Test
    void example1MidAverageOfExactlyThreePointFiveIsAHire() {
        Evaluation result = engine.evaluate(onePerArea(Level.MID, 4, 4, 4, 4, 3, 3, 3, 3));

        assertThat(result.average()).isEqualTo(Fraction.of(7, 2));
        assertThat(check(result, Rule.AVERAGE, null).passed()).isTrue();
        assertThat(result.checks()).allMatch(Check::passed);
        assertThat(result.outcome()).isEqualTo(Outcome.HIRE);
        assertThat(result.status()).isEqualTo(CalibrationStatus.DECIDED);
        assertThat(result.nearMiss()).isFalse();
    }

    @Test
    void example2MidAreaBelowMinimumByOneIsANoHireButNotANearMiss() {
        Evaluation result = engine.evaluate(onePerArea(Level.MID, 4, 4, 4, 4, 4, 4, 4, 2));

        assertThat(result.average()).isEqualTo(Fraction.parse("3.75"));
        assertThat(check(result, Rule.AVERAGE, null).passed()).isTrue();
        Check communication = check(result, Rule.AREA_MINIMUM, Area.COMMUNICATION);
        assertThat(communication.passed()).isFalse();
        assertThat(communication.shortfall()).isEqualTo(Fraction.of(1));
        assertThat(result.checks().stream().filter(c -> !c.passed())).hasSize(1);
        assertThat(result.outcome()).isEqualTo(Outcome.NO_HIRE);
        assertThat(result.nearMiss()).isFalse();
    }

    @Test
    void example3SeniorWithOnlyTwoExpertAreasIsANearMissNoHire() {
        Evaluation result = engine.evaluate(onePerArea(Level.SENIOR, 5, 5, 4, 4, 4, 4, 4, 4));

        assertThat(result.average()).isEqualTo(Fraction.parse("4.25"));
        Check experts = check(result, Rule.EXPERT_AREAS, null);
        assertThat(experts.passed()).isFalse();
        assertThat(experts.actual()).isEqualTo(Fraction.of(2));
        assertThat(experts.required()).isEqualTo(Fraction.of(3));
        assertThat(result.outcome()).isEqualTo(Outcome.NO_HIRE);
        assertThat(result.nearMiss()).isTrue();
    }

    @Test
    void example4JuniorAverageMissedByMoreThanAQuarterIsNotANearMiss() {
        Loops loop = loop(Level.JUNIOR)
                .everyAreaBut("a", 2, Map.of())
                .scorecard("b", Map.of(Area.SYSTEM_DESIGN, 3));
        // "a" scored SYSTEM_DESIGN 2, "b" scored it 3
        Evaluation result = engine.evaluate(loop.build());

        assertThat(result.areas().get(Area.SYSTEM_DESIGN).score()).isEqualTo(Fraction.of(5, 2));
        assertThat(result.average()).isEqualTo(Fraction.of(33, 16)); // 2.0625
        Check average = check(result, Rule.AVERAGE, null);
        assertThat(average.passed()).isFalse();
        assertThat(average.shortfall()).isEqualTo(Fraction.parse("0.4375"));
        assertThat(result.checks().stream().filter(c -> c.rule() == Rule.AREA_MINIMUM)).allMatch(Check::passed);
        assertThat(result.outcome()).isEqualTo(Outcome.NO_HIRE);
        assertThat(result.nearMiss()).isFalse();
    }

    @Test
    void example5AnAreaScoredFourThreeFourCountsAsElevenThirdsNotThreePointSixSeven() {
        // PROBLEM_SOLVING 4,3,4 = 11/3; COMMUNICATION 3,4,3 = 10/3; the other six sum to 21: average exactly 28/8
        LoopFacts facts = loop(Level.MID)
                .inAreaOrder("a", 4, 4, 4, 3, 3, 3, 4, 3)
                .scorecard("b", Map.of(Area.PROBLEM_SOLVING, 3, Area.COMMUNICATION, 4))
                .scorecard("c", Map.of(Area.PROBLEM_SOLVING, 4, Area.COMMUNICATION, 3))
                .build();

        Evaluation result = engine.evaluate(facts);

        AreaScore problemSolving = result.areas().get(Area.PROBLEM_SOLVING);
        assertThat(problemSolving.score()).isEqualTo(Fraction.of(11, 3));
        assertThat(problemSolving.scores()).containsExactly(4, 3, 4);
        assertThat(problemSolving.interviewers()).containsExactly("a", "b", "c");
        assertThat(problemSolving.score().toDisplay()).isEqualByComparingTo(new BigDecimal("3.67"));
        assertThat(check(result, Rule.AREA_MINIMUM, Area.PROBLEM_SOLVING).actual()).isEqualTo(Fraction.of(11, 3));
        assertThat(result.average()).isEqualTo(Fraction.of(7, 2));
        assertThat(result.outcome()).isEqualTo(Outcome.HIRE);
    }

    @Test
    void example5VariantElevenThirdsWithIntegersJustShortOfTheBarIsANoHire() {
        // 11/3 + 4+4+4+3+3+3+3 = 83/3; /8 = 83/24 = 3.4583… < 3.5
        LoopFacts facts = loop(Level.MID)
                .inAreaOrder("a", 4, 4, 4, 3, 3, 3, 4, 3)
                .scorecard("b", Map.of(Area.PROBLEM_SOLVING, 3))
                .scorecard("c", Map.of(Area.PROBLEM_SOLVING, 4))
                .build();

        Evaluation result = engine.evaluate(facts);

        assertThat(result.average()).isEqualTo(Fraction.of(83, 24));
        assertThat(result.outcome()).isEqualTo(Outcome.NO_HIRE);
        assertThat(result.nearMiss()).isTrue(); // misses by 1/24
    }
}
