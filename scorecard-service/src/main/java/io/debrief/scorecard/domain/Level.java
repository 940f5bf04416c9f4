package io.debrief.scorecard.domain;

/** Seniority a loop hires for (DOMAIN.md, "Levels"). */
public enum Level {
    JUNIOR, MID, SENIOR
}
