package io.debrief.platform.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JacksonException;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * The one place that turns failures into RFC 9457 problem details, in every service. Bad input is a 4xx naming the
 * field; a dependency that is down is a 503 with {@code Retry-After}; anything else unexpected is a 500 with a fixed
 * detail (logged here, never a stack trace in a response). A service maps its own domain exceptions with
 * {@link Problems#response}.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Problems.of(e);
    }

    /*
     * Identity and access. Authentication is lazy (quarkus.http.auth.proactive=false), so a missing, malformed,
     * expired or wrongly signed token reaches these mappers as well. The details are fixed texts: a verifier's message
     * may quote the token, and nothing of a token is ever logged or echoed.
     */

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Problems.response(401, Problems.UNAUTHORIZED, null);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return Problems.response(401, Problems.UNAUTHORIZED, null);
    }

    @ServerExceptionMapper
    public Response authenticationIncomplete(AuthenticationCompletionException e) {
        return Problems.response(401, Problems.UNAUTHORIZED, null);
    }

    /** A role check of the framework (fixed detail), or a rule of ours ({@link AccessDenied}, its own detail). */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problems.response(403, e instanceof AccessDenied ? e.getMessage() : Problems.FORBIDDEN, null);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            violations.add(new Problem.Violation(Violations.field(v.getPropertyPath()), v.getMessage()));
        }
        violations.sort(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message));
        return Problems.response(400, Problems.INVALID, violations);
    }

    /** Validation that could not even run (e.g. a constraint on a type it does not apply to): still the caller's input. */
    @ServerExceptionMapper
    public Response validation(ValidationException e) {
        LOG.warnf("validation could not run: %s", e.getMessage());
        return Problems.response(400, Problems.INVALID, null);
    }

    @ServerExceptionMapper
    public Response json(JacksonException e) {
        return Problems.response(400, "the request body is not valid for this resource",
                List.of(Violations.of(e)));
    }

    /** Quarkus maps this subtype itself; naming it here makes our format win. */
    @ServerExceptionMapper
    public Response mismatch(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JacksonException json) {
            return json(json);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String detail = switch (status) {
            case 400 -> "the request is not valid";
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            case 406 -> "this resource cannot answer in the media type the request accepts";
            case 413 -> "the request body is too large";
            case 415 -> "the request body must be application/json";
            default -> Problems.title(status);
        };
        return Problems.response(status, detail, null);
    }

    /** A dependency outage (database, broker) is a 503 the client may retry; anything else is our failure, a 500. */
    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (Outages.isOutage(e)) {
            LOG.warnf("request refused, a dependency is unavailable: %s", Outages.describe(e));
            return Problems.unavailable(Problems.UNAVAILABLE, Problems.DEFAULT_RETRY_AFTER);
        }
        LOG.error("request failed", e);
        return Problems.response(500, Problems.INTERNAL, null);
    }
}
