package io.debrief.calibration.domain;

public enum Rule {
    AVERAGE, AREA_MINIMUM, EXPERT_AREAS
}
