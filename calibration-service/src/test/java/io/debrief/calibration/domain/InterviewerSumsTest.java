package io.debrief.calibration.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The database's form of the interviewer statistics: whole-number sums, exact for every panel size the contract allows. */
class InterviewerSumsTest {

    @Test
    void everyDeviationOfAPanelOfUpToTwentyIsAWholeNumberOfTheScale() {
        Fraction sum = Fraction.ZERO;
        long scaled = 0;
        for (int others = 1; others <= 19; others++) { // n interviewers scored an area: the others' mean is over n - 1
            for (int numerator = -4 * others; numerator <= 4 * others; numerator++) {
                Fraction deviation = Fraction.of(numerator, others);
                long s = InterviewerSums.scaled(deviation);
                assertThat(Fraction.of(s, InterviewerSums.SCALE)).isEqualTo(deviation);
                sum = sum.plus(deviation);
                scaled += s;
            }
        }
        assertThat(Fraction.of(scaled, InterviewerSums.SCALE)).isEqualTo(sum);
    }

    @Test
    void aDenominatorThatCannotOccurIsRefusedRatherThanRounded() {
        assertThatThrownBy(() -> InterviewerSums.scaled(Fraction.of(1, 23))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aTwentyInterviewerPanelsContributionAddsAndTakesBackExactly() {
        Map<Area, Fraction> deviations = Map.of(Area.CI_CD, Fraction.of(7, 19), Area.COMMUNICATION, Fraction.of(-13, 19));
        InterviewerContribution c = new InterviewerContribution("ana", "loop-1", Level.MID, Instant.EPOCH, deviations,
                true, 90_000L);
        InterviewerSums once = InterviewerSums.of(c);
        assertThat(once.loops()).isEqualTo(1);
        assertThat(once.pairs()).isEqualTo(2);
        assertThat(once.agreed()).isEqualTo(1);
        assertThat(once.agreementTotal()).isEqualTo(1);
        assertThat(once.feedbackTotal()).isEqualTo(1);
        assertThat(once.within24h()).isZero(); // 25 h
        InterviewerCalibration calibration = once.plus(once).calibration("ana", Fraction.of(25));
        assertThat(calibration.meanDeviation()).isEqualTo(Fraction.of(-3, 19));
        assertThat(calibration.byArea().get(Area.CI_CD).meanDeviation()).isEqualTo(Fraction.of(7, 19));
        assertThat(calibration.byArea().get(Area.CI_CD).pairs()).isEqualTo(2);
        assertThat(once.plus(once.negate()).isZero()).isTrue();
        assertThat(once.plus(once.negate()).isEmpty()).isTrue();
    }

    @Test
    void theListKeyPutsTheMostDeviatingFirstAndThoseWithoutPairsLast() {
        List<BigDecimal> keys = List.of(InterviewerSums.listKey(Fraction.of(5, 2)), InterviewerSums.listKey(Fraction.of(-2)),
                InterviewerSums.listKey(Fraction.of(1, 3)), InterviewerSums.listKey(Fraction.ZERO),
                InterviewerSums.listKey(null));
        assertThat(keys).isSorted();
        assertThat(InterviewerSums.listKey(Fraction.of(-1, 3))).isEqualTo(new BigDecimal("-" + "3".repeat(35)));
        assertThat(InterviewerSums.listKey(null)).isEqualTo(BigDecimal.ONE);
    }

    @Test
    void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        assertThat(InterviewerSums.medianHours(List.of())).isNull();
        assertThat(InterviewerSums.medianHours(List.of(5400L))).isEqualTo(Fraction.of(3, 2));
        assertThat(InterviewerSums.medianHours(List.of(3600L, 3601L))).isEqualTo(Fraction.of(7201, 7200));
    }
}
