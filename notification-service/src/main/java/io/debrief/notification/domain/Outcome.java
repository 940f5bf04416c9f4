package io.debrief.notification.domain;

/** A decision's outcome (DOMAIN.md, "When a loop is decided"). */
public enum Outcome {
    HIRE, NO_HIRE, INSUFFICIENT_EVIDENCE
}
