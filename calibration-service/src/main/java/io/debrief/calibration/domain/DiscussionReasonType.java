package io.debrief.calibration.domain;

public enum DiscussionReasonType {
    DISAGREEMENT, REPEATED_RED_FLAG, RECOMMENDATION_CONFLICT
}
