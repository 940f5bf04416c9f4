package io.debrief.calibration.events;

/** A record that can never be processed (malformed, unknown type, missing or invalid field): it goes to the DLQ. */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String reason) {
        super(reason, null, false, false);
    }
}
