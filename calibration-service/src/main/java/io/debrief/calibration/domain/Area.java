package io.debrief.calibration.domain;

/** The eight areas of the handbook, in the order DOMAIN.md lists them (also the tie-break order of every list). */
public enum Area {
    CONTAINERIZATION, ORCHESTRATION, CI_CD, ML_TOOLS, MONITORING, SYSTEM_DESIGN, PROBLEM_SOLVING, COMMUNICATION
}
