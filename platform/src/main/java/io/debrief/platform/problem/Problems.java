package io.debrief.platform.problem;

import java.time.Duration;
import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Builds problem responses: one title per status, one wording for the details every service shares. */
public final class Problems {

    public static final String INVALID = "the request has invalid fields";
    public static final String UNAUTHORIZED = "a valid bearer token is required (Authorization: Bearer <JWT>, or a page's session cookie)";
    public static final String FORBIDDEN = "the token's roles do not allow this request";
    public static final String INTERNAL = "the request could not be processed; the service log has the details";
    public static final String UNAVAILABLE = "a service this request needs is unavailable; try again shortly";
    /** Retry-After of a 503 whose cause gives no better hint. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(2);

    private Problems() {
    }

    public static Response response(int status, String detail, List<Problem.Violation> violations) {
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, detail, violations));
        if (status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer"); // RFC 9110 section 11.6.1
        }
        return response.build();
    }

    public static Response unavailable(String detail, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter == null ? DEFAULT_RETRY_AFTER : retryAfter).toSeconds());
        return Response.fromResponse(response(503, detail, null))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).build();
    }

    public static Response of(ProblemException e) {
        return e.status() == 503 ? unavailable(e.getMessage(), e.retryAfter())
                : response(e.status(), e.getMessage(), e.violations());
    }

    public static String title(int status) {
        return switch (status) {
            case 413 -> "Content Too Large"; // RFC 9110 names; JAX-RS still has the old ones for these
            case 422 -> "Unprocessable Content";
            default -> {
                Response.Status known = Response.Status.fromStatusCode(status);
                yield known != null ? known.getReasonPhrase() : "HTTP " + status;
            }
        };
    }
}
