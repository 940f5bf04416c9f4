package io.debrief.calibration.domain;

/** DOMAIN.md "Interviewer calibration": how an interviewer scores against the rest of the same candidate's panel. */
public enum Leniency {
    LENIENT, HARSH, CALIBRATED, INSUFFICIENT_DATA
}
