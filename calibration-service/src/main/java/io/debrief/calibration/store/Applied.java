package io.debrief.calibration.store;

import java.time.Instant;
import java.util.List;

/**
 * What a batch left to publish for one loop, after its transaction committed: the loop's current calibration (null
 * while the loop is not opened) and the decisions the batch's events made (for a redelivered event: the ones it made
 * the first time), in version order.
 */
public record Applied(String loopId, String calibration, Instant calibrationTime,
                      List<PublishedDecision> decisions) {

    public record PublishedDecision(int version, String json, Instant decidedAt) {
    }

    public Applied {
        decisions = List.copyOf(decisions);
    }
}
