package io.debrief.notification.events;

/** A record that cannot be the event its type says (a Decision, an overdue reminder …): it goes to the dead-letter topic. */
public class MalformedDecisionException extends RuntimeException {
    public MalformedDecisionException(String message) {
        super(message);
    }

    public MalformedDecisionException(String message, Throwable cause) {
        super(message, cause);
    }
}
