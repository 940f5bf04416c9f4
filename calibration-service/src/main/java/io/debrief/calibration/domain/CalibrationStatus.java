package io.debrief.calibration.domain;

public enum CalibrationStatus {
    PENDING, DECIDED, CANCELLED
}
