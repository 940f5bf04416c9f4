package io.debrief.scorecard.events;

/** The CloudEvent types this service produces on {@code scorecard-events} (CONTRACT.md). */
public final class EventTypes {
    public static final String LOOP_OPENED = "hiring.loop.opened.v1";
    public static final String SCORECARD_SUBMITTED = "hiring.scorecard.submitted.v1";
    public static final String LOOP_CANCELLED = "hiring.loop.cancelled.v1";
    public static final String SCORECARD_OVERDUE = "hiring.scorecard.overdue.v1";
    public static final String CANDIDATE_ERASED = "hiring.candidate.erased.v1";

    private EventTypes() {
    }
}
