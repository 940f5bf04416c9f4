package io.debrief.calibration.domain;

public enum Level {
    JUNIOR, MID, SENIOR
}
