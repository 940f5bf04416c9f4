package io.debrief.scorecard.events;

import java.time.Instant;

import io.debrief.scorecard.domain.Stage;

/** Data of {@code hiring.scorecard.overdue.v1} (CONTRACT.md Part 2): reminder {@code reminder} of a missing scorecard. */
public record ScorecardOverdue(String loopId, String interviewerId, Stage stage, Instant scheduledEnd, int reminder,
                               Instant overdueSince) {
}
