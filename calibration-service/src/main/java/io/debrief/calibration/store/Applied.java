package io.debrief.calibration.store;

import java.time.Instant;
import java.util.List;

/**
 * What processing one event left to publish, after its transaction committed: the loop's current calibration (null
 * while the loop is not opened) and the decisions this event made (on a redelivery: the ones it made the first time).
 */
public record Applied(String loopId, boolean changed, String calibration, Instant calibrationTime,
                      List<PublishedDecision> decisions) {

    public record PublishedDecision(int version, String json, Instant decidedAt) {
    }

    public Applied {
        decisions = List.copyOf(decisions);
    }
}
