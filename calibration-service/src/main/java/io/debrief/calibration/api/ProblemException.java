package io.debrief.calibration.api;

import java.util.List;

/** A request that ends in a problem response. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "Not Found", detail));
    }

    public static ProblemException badParameter(String field, String message) {
        return new ProblemException(new Problem("about:blank", "Bad Request", 400, message,
                List.of(new Problem.Violation(field, message))));
    }

    public Problem problem() {
        return problem;
    }
}
