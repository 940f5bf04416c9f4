package io.debrief.platform.privacy;

/** scorecard-service could not be asked for loop keys: a dependency outage (503), never a value shown wrongly. */
public class LoopKeysUnavailable extends RuntimeException {

    public LoopKeysUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
