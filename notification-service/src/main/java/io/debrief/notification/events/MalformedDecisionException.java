package io.debrief.notification.events;

/** A hiring-decisions record that cannot be a Decision: it goes to the dead-letter topic. */
public class MalformedDecisionException extends RuntimeException {
    public MalformedDecisionException(String message) {
        super(message);
    }

    public MalformedDecisionException(String message, Throwable cause) {
        super(message, cause);
    }
}
