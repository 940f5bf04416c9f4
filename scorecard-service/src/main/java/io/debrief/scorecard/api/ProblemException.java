package io.debrief.scorecard.api;

import java.util.List;

/** A refusal decided in the api layer (e.g. an Idempotency-Key reused for another request). */
public class ProblemException extends RuntimeException {

    private final int status;
    private final List<Problem.Violation> violations;

    public ProblemException(int status, String detail, List<Problem.Violation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.violations = violations;
    }

    public int status() {
        return status;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
