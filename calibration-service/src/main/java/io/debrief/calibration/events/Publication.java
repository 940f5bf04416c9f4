package io.debrief.calibration.events;

import java.time.Instant;
import java.util.List;

import io.opentelemetry.context.Context;

/**
 * What a batch left to publish for one loop once its transaction committed: the loop's current calibration document
 * (null while the loop is not opened) and the decision documents the batch's events made (for a redelivered event: the
 * ones it made the first time), in version order; {@code trigger}, the trace context of the loop's last record in the
 * batch, which what is published continues (the root context when none).
 */
public record Publication(String loopId, String calibration, Instant calibrationTime, List<Decision> decisions,
                          Context trigger) {

    public record Decision(int version, String json, Instant decidedAt) {
    }

    public Publication {
        decisions = List.copyOf(decisions);
        trigger = trigger == null ? Context.root() : trigger;
    }

    public Publication(String loopId, String calibration, Instant calibrationTime, List<Decision> decisions) {
        this(loopId, calibration, calibrationTime, decisions, Context.root());
    }

    /** The same publication, continuing the trace of {@code trigger}. */
    public Publication tracedFrom(Context trigger) {
        return new Publication(loopId, calibration, calibrationTime, decisions, trigger);
    }
}
