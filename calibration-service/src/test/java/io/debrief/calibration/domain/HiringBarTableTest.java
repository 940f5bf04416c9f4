package io.debrief.calibration.domain;

import static io.debrief.calibration.domain.Loops.onePerArea;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each level's bar at, just above and just below every threshold (one interviewer per area, so one point in one area
 * moves the average by 1/8). Only the threshold under test moves; every other check passes.
 */
class HiringBarTableTest {

    private final CalibrationEngine engine = new CalibrationEngine(Bars.HANDBOOK);

    static Stream<Arguments> table() {
        return Stream.of(
                // level, rule under test, position, scores in area order, that rule passes, outcome
                row(Level.JUNIOR, Rule.AVERAGE, "at 2.5", new int[]{3, 3, 3, 3, 2, 2, 2, 2}, true, Outcome.HIRE),
                row(Level.JUNIOR, Rule.AVERAGE, "above", new int[]{3, 3, 3, 3, 3, 2, 2, 2}, true, Outcome.HIRE),
                row(Level.JUNIOR, Rule.AVERAGE, "below", new int[]{3, 3, 3, 2, 2, 2, 2, 2}, false, Outcome.NO_HIRE),
                row(Level.JUNIOR, Rule.AREA_MINIMUM, "at 2", new int[]{2, 3, 3, 3, 3, 3, 3, 3}, true, Outcome.HIRE),
                row(Level.JUNIOR, Rule.AREA_MINIMUM, "above", new int[]{3, 3, 3, 3, 3, 3, 3, 3}, true, Outcome.HIRE),
                row(Level.JUNIOR, Rule.AREA_MINIMUM, "below", new int[]{1, 4, 3, 3, 3, 3, 3, 3}, false, Outcome.NO_HIRE),
                row(Level.MID, Rule.AVERAGE, "at 3.5", new int[]{4, 4, 4, 4, 3, 3, 3, 3}, true, Outcome.HIRE),
                row(Level.MID, Rule.AVERAGE, "above", new int[]{4, 4, 4, 4, 4, 3, 3, 3}, true, Outcome.HIRE),
                row(Level.MID, Rule.AVERAGE, "below", new int[]{4, 4, 4, 3, 3, 3, 3, 3}, false, Outcome.NO_HIRE),
                row(Level.MID, Rule.AREA_MINIMUM, "at 3", new int[]{3, 4, 4, 4, 4, 4, 4, 4}, true, Outcome.HIRE),
                row(Level.MID, Rule.AREA_MINIMUM, "above", new int[]{4, 4, 4, 4, 4, 4, 4, 4}, true, Outcome.HIRE),
                row(Level.MID, Rule.AREA_MINIMUM, "below", new int[]{2, 4, 4, 4, 4, 4, 4, 4}, false, Outcome.NO_HIRE),
                row(Level.SENIOR, Rule.AVERAGE, "at 4.0", new int[]{5, 5, 5, 4, 4, 3, 3, 3}, true, Outcome.HIRE),
                row(Level.SENIOR, Rule.AVERAGE, "above", new int[]{5, 5, 5, 4, 4, 4, 3, 3}, true, Outcome.HIRE),
                row(Level.SENIOR, Rule.AVERAGE, "below", new int[]{5, 5, 5, 4, 3, 3, 3, 3}, false, Outcome.NO_HIRE),
                row(Level.SENIOR, Rule.AREA_MINIMUM, "at 3", new int[]{3, 5, 5, 5, 5, 4, 4, 4}, true, Outcome.HIRE),
                row(Level.SENIOR, Rule.AREA_MINIMUM, "above", new int[]{4, 5, 5, 5, 5, 4, 4, 4}, true, Outcome.HIRE),
                row(Level.SENIOR, Rule.AREA_MINIMUM, "below", new int[]{2, 5, 5, 5, 5, 5, 4, 4}, false, Outcome.NO_HIRE),
                row(Level.SENIOR, Rule.EXPERT_AREAS, "at 3", new int[]{5, 5, 5, 4, 4, 4, 4, 4}, true, Outcome.HIRE),
                row(Level.SENIOR, Rule.EXPERT_AREAS, "above", new int[]{5, 5, 5, 5, 4, 4, 4, 4}, true, Outcome.HIRE),
                row(Level.SENIOR, Rule.EXPERT_AREAS, "below", new int[]{5, 5, 4, 4, 4, 4, 4, 4}, false, Outcome.NO_HIRE));
    }

    private static Arguments row(Level level, Rule rule, String position, int[] scores, boolean passes, Outcome outcome) {
        return Arguments.of(level, rule, position, scores, passes, outcome);
    }

    @ParameterizedTest(name = "{0} {1} {2}: {3} -> {5}")
    @MethodSource("table")
    void theBarIsAppliedAtAndAroundEachThreshold(Level level, Rule rule, String position, int[] scores,
                                                  boolean passes, Outcome outcome) {
        Evaluation result = engine.evaluate(onePerArea(level, scores));

        assertThat(result.checks().stream().filter(c -> c.rule() == rule)).as(Arrays.toString(scores))
                .allSatisfy(check -> {
                    if (rule != Rule.AREA_MINIMUM || check.area() == Area.CONTAINERIZATION) {
                        assertThat(check.passed()).isEqualTo(passes);
                    }
                });
        assertThat(result.checks().stream().filter(c -> !c.passed()))
                .allMatch(c -> c.rule() == rule && (rule != Rule.AREA_MINIMUM || c.area() == Area.CONTAINERIZATION));
        assertThat(result.outcome()).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("levels")
    void everyLevelHasOneAverageCheckAndOneAreaMinimumPerAreaAndExpertAreasOnlyForSenior(Level level) {
        Evaluation result = engine.evaluate(onePerArea(level, 4, 4, 4, 4, 4, 4, 4, 4));

        assertThat(result.checks().stream().filter(c -> c.rule() == Rule.AVERAGE)).hasSize(1);
        assertThat(result.checks().stream().filter(c -> c.rule() == Rule.AREA_MINIMUM).map(Check::area))
                .containsExactly(Area.values());
        assertThat(result.checks().stream().filter(c -> c.rule() == Rule.EXPERT_AREAS))
                .hasSize(level == Level.SENIOR ? 1 : 0);
        assertThat(result.outcome()).isEqualTo(level == Level.SENIOR ? Outcome.NO_HIRE : Outcome.HIRE);
    }

    static Stream<Level> levels() {
        return Stream.of(Level.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("levels")
    void checksReportTheBarThatWasApplied(Level level) {
        Bar bar = Bars.HANDBOOK.of(level);
        Evaluation result = engine.evaluate(onePerArea(level, 4, 4, 4, 4, 4, 4, 4, 4));

        assertThat(result.checks()).filteredOn(c -> c.rule() == Rule.AVERAGE).singleElement()
                .extracting(Check::required).isEqualTo(bar.average());
        assertThat(result.checks()).filteredOn(c -> c.rule() == Rule.AREA_MINIMUM)
                .allMatch(c -> c.required().equals(bar.areaMinimum()));
    }

    @org.junit.jupiter.api.Test
    void aConfiguredBarReplacesTheHandbookDefault() {
        Bars strict = new Bars(java.util.Map.of(
                Level.JUNIOR, Bars.HANDBOOK.of(Level.JUNIOR),
                Level.MID, new Bar(Fraction.parse("3.75"), Fraction.of(3), null),
                Level.SENIOR, Bars.HANDBOOK.of(Level.SENIOR)));

        Evaluation result = new CalibrationEngine(strict).evaluate(onePerArea(Level.MID, 4, 4, 4, 4, 3, 3, 3, 3));

        assertThat(result.outcome()).isEqualTo(Outcome.NO_HIRE);
    }
}
