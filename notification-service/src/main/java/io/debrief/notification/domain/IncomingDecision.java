package io.debrief.notification.domain;

/**
 * A decision as read from hiring-decisions.
 *
 * @param json    the record's JSON, unchanged apart from formatting
 * @param summary upstream's summary, or the one we built
 */
public record IncomingDecision(String loopId, int decisionVersion, String outcome, String level, String json,
        String summary) {

    public String eventId() {
        return eventId(loopId, decisionVersion);
    }

    /** A decision's identity, also its CloudEvents id and its stream event id: {@code loopId:decisionVersion}. */
    public static String eventId(String loopId, int decisionVersion) {
        return loopId + ":" + decisionVersion;
    }

    /** Never the JSON or the summary: both name the candidate. */
    @Override
    public String toString() {
        return "IncomingDecision[" + eventId() + ", outcome=" + outcome + ", level=" + level + "]";
    }
}
