package io.debrief.scorecard.domain;

/** Interview stages a panel member can own (DOMAIN.md, "Stages"). */
public enum Stage {
    TECHNICAL_SCREEN, TECHNICAL_DEEP_DIVE, SYSTEM_DESIGN, CODING_PRACTICAL, TECHNICAL_LEADERSHIP, ARCHITECTURE_REVIEW,
    CULTURAL_FIT
}
