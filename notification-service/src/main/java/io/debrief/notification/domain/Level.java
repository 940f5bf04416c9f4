package io.debrief.notification.domain;

/** A loop's level (DOMAIN.md, "Levels"). */
public enum Level {
    JUNIOR, MID, SENIOR
}
