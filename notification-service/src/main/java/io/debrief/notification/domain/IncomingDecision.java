package io.debrief.notification.domain;

/**
 * A decision as read from hiring-decisions.
 *
 * @param json    the record's JSON, unchanged apart from formatting
 * @param summary upstream's summary, or the one we built
 * @param trace   the trace context of the record it came in, kept with it for its webhook attempts
 */
public record IncomingDecision(String loopId, int decisionVersion, String outcome, String level, String json,
        String summary, TraceContext trace) {

    public IncomingDecision {
        trace = trace == null ? TraceContext.NONE : trace;
    }

    /** A decision read without a trace context. */
    public IncomingDecision(String loopId, int decisionVersion, String outcome, String level, String json,
            String summary) {
        this(loopId, decisionVersion, outcome, level, json, summary, TraceContext.NONE);
    }

    /** The same decision, as it arrived in a record with this trace context. */
    public IncomingDecision tracedBy(TraceContext trace) {
        return new IncomingDecision(loopId, decisionVersion, outcome, level, json, summary, trace);
    }

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
