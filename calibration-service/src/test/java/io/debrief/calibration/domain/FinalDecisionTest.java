package io.debrief.calibration.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DOMAIN.md "Final decision", as a table of the loop's state and what is asked. */
class FinalDecisionTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static Loop.State state(CalibrationStatus status, Outcome outcome, Integer version) {
        return new Loop.State("L1", true, status == CalibrationStatus.CANCELLED, "c", "n", "p", Level.MID, List.of(),
                NOW, null, status, outcome, version, "sig", NOW, List.of());
    }

    @ParameterizedTest(name = "{0} {1} v{2}, asked {3} on v{4}: override {5}")
    @CsvSource({
            "DECIDED, HIRE, 1, HIRE, 1, false",
            "DECIDED, HIRE, 1, NO_HIRE, 1, true",
            "DECIDED, NO_HIRE, 3, HIRE, 3, true",
            "DECIDED, NO_HIRE, 2, NO_HIRE, 2, false",
            "DECIDED, INSUFFICIENT_EVIDENCE, 1, NO_HIRE, 1, true"})
    void aDecidedLoopIsFinalisedAgainstItsLatestVersion(CalibrationStatus status, Outcome computed, int version,
                                                        Outcome asked, int against, boolean override) {
        FinalDecision decision = FinalDecision.decide(state(status, computed, version), null, asked, "why", against,
                "hank", NOW);
        assertThat(decision).isEqualTo(new FinalDecision("L1", asked, "why", against, computed, override, "hank", NOW));
    }

    @ParameterizedTest(name = "{0} {1} v{2}, asked {3} on v{4}: {5}")
    @CsvSource({
            "PENDING, , , HIRE, 1, NOT_DECIDED",
            "CANCELLED, , 1, NO_HIRE, 1, NOT_DECIDED",
            "DECIDED, HIRE, 2, HIRE, 1, STALE_VERSION",
            "DECIDED, HIRE, 2, HIRE, 3, STALE_VERSION",
            "DECIDED, INSUFFICIENT_EVIDENCE, 1, HIRE, 1, HIRE_ON_INSUFFICIENT_EVIDENCE"})
    void otherwiseItIsRefused(CalibrationStatus status, Outcome computed, Integer version, Outcome asked, int against,
                              FinalDecision.Refusal refusal) {
        assertThatThrownBy(() -> FinalDecision.decide(state(status, computed, version), null, asked, "why", against,
                "hank", NOW)).isInstanceOfSatisfying(FinalDecision.Refused.class,
                refused -> assertThat(refused.refusal()).isEqualTo(refusal));
    }

    @Test
    void aLoopIsFinalisedOnce() {
        Loop.State decided = state(CalibrationStatus.DECIDED, Outcome.HIRE, 1);
        FinalDecision first = FinalDecision.decide(decided, null, Outcome.HIRE, "why", 1, "hank", NOW);
        assertThatThrownBy(() -> FinalDecision.decide(decided, first, Outcome.HIRE, "again", 1, "ada", NOW))
                .isInstanceOfSatisfying(FinalDecision.Refused.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(FinalDecision.Refusal.ALREADY_FINAL));
    }
}
