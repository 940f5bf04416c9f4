package io.debrief.scorecard.api;

import java.time.Clock;

import io.debrief.scorecard.domain.Loop;
import io.debrief.scorecard.domain.Plans;
import io.debrief.scorecard.domain.ReminderSchedule;
import jakarta.enterprise.context.ApplicationScoped;

/** Renders loops: coverage from the plans' focus areas, overdue from the reminder schedule, at the clock's now. */
@ApplicationScoped
public class LoopViews {

    private final Plans plans;
    private final ReminderSchedule schedule;
    private final Clock clock;

    public LoopViews(Plans plans, ReminderSchedule schedule, Clock clock) {
        this.plans = plans;
        this.schedule = schedule;
        this.clock = clock;
    }

    LoopView of(Loop loop) {
        return LoopView.of(loop, plans, schedule, clock.instant());
    }
}
