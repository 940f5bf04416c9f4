package io.debrief.scorecard.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;

/**
 * When an interviewer's scorecard is overdue and when each reminder is due (DOMAIN.md Part 2, "Overdue scorecards and
 * reminders"): reminder 1 is due {@code firstAfter} past the scheduled end of the interview, reminder n+1
 * {@code every} after reminder n, at most {@code max} reminders. With {@code businessDaysOnly}, only time on Monday to
 * Friday counts (in UTC): Friday 17:00 plus one day is Monday 17:00, and an interview ending on a Saturday starts
 * counting on Monday at 00:00. The scorecard is overdue from the moment reminder 1 is due until it is submitted.
 */
public record ReminderSchedule(Duration firstAfter, Duration every, int max, boolean businessDaysOnly) {

    public ReminderSchedule {
        if (firstAfter.isNegative() || every.isNegative() || every.isZero() || max < 0) {
            throw new IllegalArgumentException("reminders need first-after >= 0, every > 0 and max >= 0");
        }
    }

    /** When the scorecard of an interview that ended at {@code scheduledEnd} became (or becomes) overdue. */
    public Instant overdueSince(Instant scheduledEnd) {
        return due(scheduledEnd, 1);
    }

    /** When reminder {@code n} (1, 2, ...) is due. */
    public Instant due(Instant scheduledEnd, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("reminders are numbered from 1");
        }
        Instant due = plus(scheduledEnd, firstAfter);
        for (int i = 2; i <= n; i++) {
            due = plus(due, every);
        }
        return due;
    }

    /** How many reminders are due by {@code now} (0 to {@code max}). */
    public int dueBy(Instant scheduledEnd, Instant now) {
        int count = 0;
        Instant due = plus(scheduledEnd, firstAfter);
        while (count < max && !due.isAfter(now)) {
            count++;
            due = plus(due, every);
        }
        return count;
    }

    /** Whether {@code member}'s scorecard is overdue at {@code now}: an interview that ended, nothing submitted. */
    public boolean overdue(LoopStatus status, PanelMember member, Instant now) {
        return status == LoopStatus.OPEN && member.scheduledEnd() != null && !member.submitted()
                && !overdueSince(member.scheduledEnd()).isAfter(now);
    }

    /**
     * The numbers of the reminders {@code member} should get now that have not been sent ({@code member.reminders()}
     * were): none once they submitted, when the loop is cancelled, or without a scheduled end.
     */
    public List<Integer> pending(LoopStatus status, PanelMember member, Instant now) {
        if (status != LoopStatus.OPEN || member.submitted() || member.scheduledEnd() == null) {
            return List.of();
        }
        return IntStream.rangeClosed(member.reminders() + 1, dueBy(member.scheduledEnd(), now)).boxed().toList();
    }

    /** {@code from} plus {@code amount}, counting only business time when so configured. */
    private Instant plus(Instant from, Duration amount) {
        if (!businessDaysOnly) {
            return from.plus(amount);
        }
        Instant current = skipWeekend(from);
        Duration remaining = amount;
        while (!remaining.isZero()) {
            Instant nextDay = current.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).plusDays(1).toInstant();
            Duration available = Duration.between(current, nextDay);
            if (remaining.compareTo(available) < 0) {
                return current.plus(remaining);
            }
            remaining = remaining.minus(available);
            current = skipWeekend(nextDay);
        }
        return current;
    }

    private static Instant skipWeekend(Instant t) {
        ZonedDateTime day = t.atZone(ZoneOffset.UTC);
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            int days = day.getDayOfWeek() == DayOfWeek.SATURDAY ? 2 : 1;
            return day.truncatedTo(ChronoUnit.DAYS).plusDays(days).toInstant();
        }
        return t;
    }
}
