package io.debrief.calibration.domain;

import java.time.Instant;

/**
 * The latest scorecard of one interviewer in one loop, with what the events said about it beyond the scores:
 * {@code submittedAt} of this version, {@code firstSubmittedAt} of the interviewer's first submission in the loop.
 */
public record SubmittedScorecard(Scorecard scorecard, String scorecardId, String stage, Instant submittedAt,
                                 Instant firstSubmittedAt) {

    public String interviewerId() {
        return scorecard.interviewerId();
    }

    public int version() {
        return scorecard.version();
    }
}
