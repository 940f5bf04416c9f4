package io.debrief.calibration.domain;

public enum Outcome {
    HIRE, NO_HIRE, INSUFFICIENT_EVIDENCE
}
