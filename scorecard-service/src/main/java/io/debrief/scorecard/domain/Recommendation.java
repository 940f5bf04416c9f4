package io.debrief.scorecard.domain;

/** An interviewer's overall call. */
public enum Recommendation {
    STRONG_NO, NO, YES, STRONG_YES
}
