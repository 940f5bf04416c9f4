package io.debrief.scorecard.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One seat of a loop's panel. {@code scorecardId} is null and {@code latestVersion} 0 until the interviewer submits;
 * {@code scheduledEnd} (optional) is when their interview ends, from which reminders are counted; {@code reminders} is
 * how many overdue reminders were sent so far.
 */
public record PanelMember(String interviewerId, Stage stage, UUID scorecardId, int latestVersion,
                          Instant scheduledEnd, int reminders) {

    public static PanelMember seat(String interviewerId, Stage stage) {
        return seat(interviewerId, stage, null);
    }

    public static PanelMember seat(String interviewerId, Stage stage, Instant scheduledEnd) {
        return new PanelMember(interviewerId, stage, null, 0, scheduledEnd, 0);
    }

    public boolean submitted() {
        return latestVersion > 0;
    }
}
