package io.debrief.scorecard.domain;

/** The eight areas a scorecard can score (DOMAIN.md, "Areas"): exactly these. */
public enum Area {
    CONTAINERIZATION, ORCHESTRATION, CI_CD, ML_TOOLS, MONITORING, SYSTEM_DESIGN, PROBLEM_SOLVING, COMMUNICATION
}
