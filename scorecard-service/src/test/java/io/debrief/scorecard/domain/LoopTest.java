package io.debrief.scorecard.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class LoopTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final ScorecardContent CONTENT = new ScorecardContent(Map.of(Area.CI_CD, 4), Map.of(), List.of(),
            List.of(), Recommendation.YES, null);

    private static Loop loop() {
        return Loop.open(UUID.randomUUID(), new Candidate("c", "Ada"), "MLOps", Level.MID,
                List.of(PanelMember.seat("alice", Stage.TECHNICAL_SCREEN), PanelMember.seat("bob", Stage.CULTURAL_FIT)),
                T0);
    }

    @Test
    void aFirstSubmissionIsVersionOneWithTheStageOfThePanelSeat() {
        Loop loop = loop();
        Scorecard s = loop.firstSubmission("bob", CONTENT, UUID.randomUUID(), T0);
        assertThat(s.version()).isEqualTo(1);
        assertThat(s.stage()).isEqualTo(Stage.CULTURAL_FIT);
        PanelMember seat = Recorded.after(loop, s).member("bob").orElseThrow();
        assertThat(seat.submitted()).isTrue();
        assertThat(seat.latestVersion()).isEqualTo(1);
        assertThat(Recorded.after(loop, s).member("alice").orElseThrow().submitted()).isFalse();
    }

    @Test
    void someoneNotOnThePanelIsAnInvalidInterviewerId() {
        assertThatThrownBy(() -> loop().firstSubmission("mallory", CONTENT, UUID.randomUUID(), T0))
                .isInstanceOfSatisfying(DomainException.InvalidField.class,
                        e -> assertThat(e.field()).isEqualTo("interviewerId"));
    }

    @Test
    void secondSubmissionByTheSameInterviewerIsAConflict() {
        Loop loop = loop();
        Loop submitted = Recorded.after(loop, loop.firstSubmission("alice", CONTENT, UUID.randomUUID(), T0));
        assertThatThrownBy(() -> submitted.firstSubmission("alice", CONTENT, UUID.randomUUID(), T0))
                .isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    void amendingANeverSubmittedScorecardIsNotFound() {
        assertThatThrownBy(() -> loop().amendment("alice", CONTENT, T0)).isInstanceOf(DomainException.NotFound.class);
        assertThatThrownBy(() -> loop().amendment("mallory", CONTENT, T0)).isInstanceOf(DomainException.NotFound.class);
    }

    @Test
    void anAmendmentIsTheNextVersionOfTheSameScorecard() {
        Loop loop = loop();
        Scorecard v1 = loop.firstSubmission("alice", CONTENT, UUID.randomUUID(), T0);
        Loop after1 = Recorded.after(loop, v1);
        Scorecard v2 = after1.amendment("alice", CONTENT, T0.plusSeconds(1));
        Scorecard v3 = Recorded.after(after1, v2).amendment("alice", CONTENT, T0.plusSeconds(2));
        assertThat(List.of(v1.version(), v2.version(), v3.version())).containsExactly(1, 2, 3);
        assertThat(v3.scorecardId()).isEqualTo(v1.scorecardId());
    }

    @Test
    void aCancelledLoopTakesNoSubmissionsOrAmendmentsAndCancelsOnce() {
        Loop loop = loop();
        Loop submitted = Recorded.after(loop, loop.firstSubmission("alice", CONTENT, UUID.randomUUID(), T0));
        Loop cancelled = submitted.cancel(T0.plusSeconds(5));
        assertThat(cancelled.status()).isEqualTo(LoopStatus.CANCELLED);
        assertThat(cancelled.cancelledAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(cancelled.cancel(T0.plusSeconds(9))).isSameAs(cancelled);
        assertThatThrownBy(() -> cancelled.firstSubmission("bob", CONTENT, UUID.randomUUID(), T0))
                .isInstanceOf(DomainException.Conflict.class);
        assertThatThrownBy(() -> cancelled.amendment("alice", CONTENT, T0)).isInstanceOf(DomainException.Conflict.class);
    }
}
