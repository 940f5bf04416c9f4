package io.debrief.platform.problem;

import java.time.Duration;
import java.util.List;

/**
 * A refusal decided by a resource or a use case, answered as problem details by {@link ProblemMapper}. It is an
 * answer, not a failure: no stack trace is taken.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final List<Problem.Violation> violations;
    private final Duration retryAfter;

    public ProblemException(int status, String detail, List<Problem.Violation> violations) {
        this(status, detail, violations, null);
    }

    private ProblemException(int status, String detail, List<Problem.Violation> violations, Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
        this.retryAfter = retryAfter;
    }

    /** 400 naming one field. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, Problems.INVALID, List.of(new Problem.Violation(field, message)));
    }

    /** 400 naming several fields. */
    public static ProblemException invalid(List<Problem.Violation> violations) {
        return new ProblemException(400, Problems.INVALID, violations);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, detail, null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, detail, null);
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(422, detail, null);
    }

    /** 503 with {@code Retry-After}: the service cannot take this request now (overload, a dependency down). */
    public static ProblemException unavailable(String detail, Duration retryAfter) {
        return new ProblemException(503, detail, null, retryAfter);
    }

    public int status() {
        return status;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    /** Only for a 503: when to try again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
