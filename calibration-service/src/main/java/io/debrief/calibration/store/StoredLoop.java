package io.debrief.calibration.store;

import io.debrief.calibration.domain.FinalDecision;
import io.debrief.calibration.domain.Loop;

/**
 * A loop's facts with its calibration document as last written (null before the loop opened) and its final decision
 * (null until a hiring manager records one).
 */
public record StoredLoop(Loop loop, String calibration, FinalDecision finalDecision) {
}
