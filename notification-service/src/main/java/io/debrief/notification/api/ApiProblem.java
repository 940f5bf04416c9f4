package io.debrief.notification.api;

import java.util.List;

/** Thrown by resources to answer with a problem; {@link ProblemMappers} renders it. */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.Violation> violations;

    public ApiProblem(int status, String title, String detail, List<Problem.Violation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.violations = violations;
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not Found", detail, null);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflict", detail, null);
    }

    public static ApiProblem unauthorized() {
        return new ApiProblem(401, "Unauthorized",
                "A valid bearer token is required (Authorization header or session cookie).", null);
    }

    public static ApiProblem forbidden() {
        return new ApiProblem(403, "Forbidden", "Your roles do not allow this request.", null);
    }

    public static ApiProblem invalid(String field, String message) {
        return new ApiProblem(400, "Bad Request", "The request is invalid.",
                List.of(new Problem.Violation(field, message)));
    }

    public Problem toProblem() {
        return new Problem("about:blank", title, status, getMessage(), violations);
    }
}
