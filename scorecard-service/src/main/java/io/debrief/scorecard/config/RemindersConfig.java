package io.debrief.scorecard.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code debrief.reminders.*} (CONTRACT.md Part 2; also as environment variables, e.g.
 * {@code DEBRIEF_REMINDERS_FIRST_AFTER=PT5S}): the overdue-scorecard cadence, and how often the job looks.
 */
@ConfigMapping(prefix = "debrief.reminders")
public interface RemindersConfig {

    /** Reminder 1 is due this long after the interview's scheduled end. */
    @WithDefault("PT1H")
    Duration firstAfter();

    /** Each further reminder this long after the previous one. */
    @WithDefault("P1D")
    Duration every();

    /** At most this many reminders per interviewer and loop. */
    @WithDefault("10")
    int max();

    /** Count only Monday to Friday (UTC). */
    @WithDefault("true")
    boolean businessDaysOnly();

    /** How often the job claims due reminders (a {@code @Scheduled} interval). */
    @WithDefault("10s")
    String checkEvery();

    /** Reminders claimed per transaction. */
    @WithDefault("200")
    int batchSize();
}
