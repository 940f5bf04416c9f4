package io.debrief.scorecard.events;

/** A {@code hiring-decisions} record the audit cannot read: it goes to the dead-letter topic with this reason. */
public class MalformedDecision extends RuntimeException {

    public MalformedDecision(String message) {
        super(message, null, false, false);
    }
}
