package io.debrief.calibration.events;

import java.time.Instant;
import java.util.List;

/**
 * What a batch left to publish for one loop once its transaction committed: the loop's current calibration document
 * (null while the loop is not opened) and the decision documents the batch's events made (for a redelivered event: the
 * ones it made the first time), in version order.
 */
public record Publication(String loopId, String calibration, Instant calibrationTime, List<Decision> decisions) {

    public record Decision(int version, String json, Instant decidedAt) {
    }

    public Publication {
        decisions = List.copyOf(decisions);
    }
}
