package io.debrief.scorecard.domain;

import java.time.Instant;
import java.util.UUID;

/** One version of an interviewer's scorecard. The scorecard id stays the same across versions. */
public record Scorecard(UUID scorecardId, UUID loopId, String interviewerId, Stage stage, int version,
                        ScorecardContent content, Instant submittedAt) {
}
