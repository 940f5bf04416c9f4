package io.debrief.calibration.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class FractionTest {

    @Test
    void fractionsAreKeptInLowestTerms() {
        assertThat(Fraction.of(22, 6)).isEqualTo(Fraction.of(11, 3));
        assertThat(Fraction.of(3, -6)).isEqualTo(Fraction.of(-1, 2));
        assertThat(Fraction.parse("3.50")).isEqualTo(Fraction.of(7, 2));
        assertThat(Fraction.parse("4.0")).isEqualTo(Fraction.of(4));
    }

    @Test
    void thirdsAddUpExactly() {
        Fraction sum = Fraction.of(1, 3).plus(Fraction.of(1, 3)).plus(Fraction.of(1, 3));
        assertThat(sum).isEqualTo(Fraction.of(1));
        assertThat(Fraction.of(11, 3).plus(Fraction.of(10, 3)).dividedBy(2)).isEqualTo(Fraction.of(7, 2));
    }

    @Test
    void displayRoundsHalfUpToTwoDecimalsWithoutChangingTheValue() {
        assertThat(Fraction.of(11, 3).toDisplay()).isEqualTo(new BigDecimal("3.67"));
        assertThat(Fraction.of(33, 16).toDisplay()).isEqualTo(new BigDecimal("2.06"));
        assertThat(Fraction.of(1, 8).toDisplay()).isEqualTo(new BigDecimal("0.13"));
        assertThat(Fraction.of(11, 3).compareTo(Fraction.parse("3.67"))).isNegative();
    }
}
