package io.debrief.scorecard.domain;

public enum LoopStatus {
    OPEN, CANCELLED
}
