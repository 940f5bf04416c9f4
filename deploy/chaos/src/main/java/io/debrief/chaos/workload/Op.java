package io.debrief.chaos.workload;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One write a client made, as Jepsen records an operation: what was asked, with which Idempotency-Key, and how it
 * ended — {@code OK} (a 2xx, possibly after retries with the same key), {@code FAILED} (a definite refusal, 4xx) or
 * {@code INDETERMINATE} (no answer within the retry budget: it may or may not have happened).
 */
public final class Op {

    public enum Kind { OPEN, SUBMIT, AMEND, CANCEL }

    public enum Status { OK, FAILED, INDETERMINATE }

    private final long id;
    private final int client;
    private final Kind kind;
    private final String key;
    private final String interviewerId;
    private final Map<String, Object> body;
    private final long invokedAt;
    private volatile String loopId;
    private volatile Status status;
    private volatile long completedAt;
    private volatile int httpStatus;
    private volatile int attempts;
    private volatile int ambiguousAttempts;
    private volatile String error;
    private volatile JsonNode response;

    Op(long id, int client, Kind kind, String key, String loopId, String interviewerId, Map<String, Object> body,
       long invokedAt) {
        this.id = id;
        this.client = client;
        this.kind = kind;
        this.key = key;
        this.loopId = loopId;
        this.interviewerId = interviewerId;
        this.body = body;
        this.invokedAt = invokedAt;
    }

    void complete(Status status, int httpStatus, JsonNode response, String error, long completedAt) {
        this.status = status;
        this.httpStatus = httpStatus;
        this.response = response;
        this.error = error;
        this.completedAt = completedAt;
    }

    void attempted(boolean ambiguous) {
        attempts++;
        if (ambiguous) {
            ambiguousAttempts++;
        }
    }

    void loopId(String loopId) {
        this.loopId = loopId;
    }

    public long id() {
        return id;
    }

    /** The text a submission or amendment carries in its notes, so that the checker can find the version it made. */
    public String marker() {
        return "op-" + id;
    }

    public int client() {
        return client;
    }

    public Kind kind() {
        return kind;
    }

    public String key() {
        return key;
    }

    public String loopId() {
        return loopId;
    }

    public String interviewerId() {
        return interviewerId;
    }

    public Map<String, Object> body() {
        return body;
    }

    /** Milliseconds since the run began. */
    public long invokedAt() {
        return invokedAt;
    }

    public long completedAt() {
        return completedAt;
    }

    public Status status() {
        return status;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int attempts() {
        return attempts;
    }

    /** Attempts whose answer was lost or was a 5xx, after which the same request was sent again. */
    public int ambiguousAttempts() {
        return ambiguousAttempts;
    }

    public String error() {
        return error;
    }

    public JsonNode response() {
        return response;
    }
}
