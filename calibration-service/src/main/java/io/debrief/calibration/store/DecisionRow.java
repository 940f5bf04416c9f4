package io.debrief.calibration.store;

import java.time.Instant;

/** One decision version as stored: the Decision document exactly as published, and the event that made it. */
public record DecisionRow(String loopId, int version, String trigger, String json, Instant decidedAt) {
}
