package io.debrief.calibration.domain;

public enum Recommendation {
    STRONG_NO, NO, YES, STRONG_YES
}
