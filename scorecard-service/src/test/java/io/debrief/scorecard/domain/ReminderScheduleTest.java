package io.debrief.scorecard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reminder cadence of DOMAIN.md Part 2 on a clock the test moves. */
class ReminderScheduleTest {

    /** A clock the test sets. */
    static final class TestClock extends Clock {
        private Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final ReminderSchedule DEFAULTS = new ReminderSchedule(Duration.ofHours(1), Duration.ofDays(1), 10,
            true);
    private static final ReminderSchedule EVERY_DAY = new ReminderSchedule(Duration.ofHours(1), Duration.ofDays(1), 10,
            false);
    /** Tuesday 1 December 2026, 15:00 UTC. */
    private static final Instant TUESDAY_END = Instant.parse("2026-12-01T15:00:00Z");

    private static PanelMember waiting(Instant end, int sent) {
        return new PanelMember("sara", Stage.SYSTEM_DESIGN, null, 0, end, sent);
    }

    /** Runs a clock from {@code end} in steps and records which reminder numbers fall due at each step, as a job would. */
    private static List<Integer> sentUntil(ReminderSchedule schedule, Instant end, Instant until, Duration step) {
        TestClock clock = new TestClock(end);
        List<Integer> sent = new ArrayList<>();
        while (!clock.instant().isAfter(until)) {
            sent.addAll(schedule.pending(LoopStatus.OPEN, waiting(end, sent.size()), clock.instant()));
            clock.advance(step);
        }
        return sent;
    }

    @Test
    void theFirstReminderIsDueFirstAfterTheScheduledEnd() {
        TestClock clock = new TestClock(TUESDAY_END);
        PanelMember sara = waiting(TUESDAY_END, 0);
        clock.advance(Duration.ofMinutes(59));
        assertThat(DEFAULTS.pending(LoopStatus.OPEN, sara, clock.instant())).isEmpty();
        assertThat(DEFAULTS.overdue(LoopStatus.OPEN, sara, clock.instant())).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(DEFAULTS.pending(LoopStatus.OPEN, sara, clock.instant())).containsExactly(1);
        assertThat(DEFAULTS.overdue(LoopStatus.OPEN, sara, clock.instant())).isTrue();
        assertThat(DEFAULTS.overdueSince(TUESDAY_END)).isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
    }

    @Test
    void thenOneEveryIntervalNumberedFromOne() {
        assertThat(EVERY_DAY.due(TUESDAY_END, 1)).isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
        assertThat(EVERY_DAY.due(TUESDAY_END, 2)).isEqualTo(Instant.parse("2026-12-02T16:00:00Z"));
        assertThat(EVERY_DAY.due(TUESDAY_END, 5)).isEqualTo(Instant.parse("2026-12-05T16:00:00Z"));
        PanelMember sentTwo = waiting(TUESDAY_END, 2);
        assertThat(EVERY_DAY.pending(LoopStatus.OPEN, sentTwo, Instant.parse("2026-12-03T15:59:59Z"))).isEmpty();
        assertThat(EVERY_DAY.pending(LoopStatus.OPEN, sentTwo, Instant.parse("2026-12-03T16:00:00Z")))
                .containsExactly(3);
        // a job that was away for two days catches up with each number once
        assertThat(EVERY_DAY.pending(LoopStatus.OPEN, sentTwo, Instant.parse("2026-12-05T17:00:00Z")))
                .containsExactly(3, 4, 5);
    }

    @Test
    void atMostMaxRemindersForAMemberWhoNeverSubmits() {
        ReminderSchedule fast = new ReminderSchedule(Duration.ofSeconds(5), Duration.ofSeconds(2), 4, false);
        Instant end = Instant.parse("2026-12-01T09:00:00Z");
        assertThat(sentUntil(fast, end, end.plus(Duration.ofHours(1)), Duration.ofMillis(500)))
                .containsExactly(1, 2, 3, 4);
        assertThat(sentUntil(EVERY_DAY, TUESDAY_END, TUESDAY_END.plus(Duration.ofDays(60)), Duration.ofHours(1)))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(new ReminderSchedule(Duration.ofHours(1), Duration.ofDays(1), 0, false)
                .pending(LoopStatus.OPEN, waiting(end, 0), end.plus(Duration.ofDays(9)))).isEmpty();
    }

    @ParameterizedTest(name = "interview ends {0}: reminder {1} due {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-12-04T15:00:00Z | 1 | 2026-12-04T16:00:00Z
            2026-12-04T15:00:00Z | 2 | 2026-12-07T16:00:00Z
            2026-12-04T15:00:00Z | 3 | 2026-12-08T16:00:00Z
            2026-12-03T15:00:00Z | 2 | 2026-12-04T16:00:00Z
            2026-12-03T15:00:00Z | 3 | 2026-12-07T16:00:00Z
            2026-12-04T23:30:00Z | 1 | 2026-12-07T00:30:00Z
            2026-12-05T10:00:00Z | 1 | 2026-12-07T01:00:00Z
            2026-12-06T23:00:00Z | 1 | 2026-12-07T01:00:00Z
            2026-12-01T15:00:00Z | 5 | 2026-12-07T16:00:00Z
            2026-12-01T15:00:00Z | 6 | 2026-12-08T16:00:00Z
            """)
    void businessDaysSkipTheWeekend(Instant end, int reminder, Instant due) {
        assertThat(DEFAULTS.due(end, reminder)).isEqualTo(due);
    }

    @Test
    void noReminderFallsOnAWeekendWithBusinessDaysOnly() {
        Instant friday = Instant.parse("2026-12-04T15:00:00Z");
        TestClock clock = new TestClock(friday);
        List<Integer> sent = new ArrayList<>();
        List<Instant> when = new ArrayList<>();
        while (clock.instant().isBefore(Instant.parse("2026-12-20T00:00:00Z"))) {
            List<Integer> due = DEFAULTS.pending(LoopStatus.OPEN, waiting(friday, sent.size()), clock.instant());
            due.forEach(n -> when.add(clock.instant()));
            sent.addAll(due);
            clock.advance(Duration.ofMinutes(30));
        }
        assertThat(sent).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(when).allSatisfy(t -> assertThat(t.atZone(ZoneOffset.UTC).getDayOfWeek().getValue()).isLessThan(6));
        // Friday, then Monday to Friday, then Monday to Thursday
        assertThat(when.get(1)).isEqualTo(Instant.parse("2026-12-07T16:00:00Z"));
        assertThat(when.get(9)).isEqualTo(Instant.parse("2026-12-17T16:00:00Z"));
    }

    @Test
    void submittingOrCancellingStopsReminders() {
        Instant later = TUESDAY_END.plus(Duration.ofDays(3).plusHours(1));
        PanelMember waiting = waiting(TUESDAY_END, 1);
        assertThat(EVERY_DAY.pending(LoopStatus.OPEN, waiting, later)).containsExactly(2, 3, 4);
        PanelMember submitted = new PanelMember("sara", Stage.SYSTEM_DESIGN, UUID.randomUUID(), 1, TUESDAY_END, 1);
        assertThat(EVERY_DAY.pending(LoopStatus.OPEN, submitted, later)).isEmpty();
        assertThat(EVERY_DAY.overdue(LoopStatus.OPEN, submitted, later)).isFalse();
        assertThat(EVERY_DAY.pending(LoopStatus.CANCELLED, waiting, later)).isEmpty();
        assertThat(EVERY_DAY.overdue(LoopStatus.CANCELLED, waiting, later)).isFalse();
        // without a scheduled end nothing is ever due
        PanelMember unscheduled = PanelMember.seat("sara", Stage.SYSTEM_DESIGN);
        assertThat(EVERY_DAY.pending(LoopStatus.OPEN, unscheduled, later)).isEmpty();
        assertThat(EVERY_DAY.overdue(LoopStatus.OPEN, unscheduled, later)).isFalse();
    }
}
