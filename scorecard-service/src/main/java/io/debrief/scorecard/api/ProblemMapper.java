package io.debrief.scorecard.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.debrief.scorecard.domain.DomainException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The one place that turns failures into RFC 9457 problem details. Bad input is a 4xx naming the field; anything
 * unexpected is a 500 with a generic detail (logged here, never a stack trace in the response).
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final String INVALID = "the request has invalid fields";

    @ServerExceptionMapper
    public Response domain(DomainException e) {
        if (e instanceof DomainException.NotFound) {
            return problem(404, e.getMessage(), null);
        }
        if (e instanceof DomainException.Conflict) {
            return problem(409, e.getMessage(), null);
        }
        DomainException.InvalidField invalid = (DomainException.InvalidField) e;
        return problem(400, INVALID, List.of(new Problem.Violation(invalid.field(), invalid.getMessage())));
    }

    /*
     * Identity and access. Authentication is lazy (quarkus.http.auth.proactive=false), so a missing, malformed,
     * expired or wrongly signed token reaches these mappers as well. The details are fixed texts: a verifier's message
     * may quote the token, and nothing of a token is ever logged or echoed.
     */

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response authenticationIncomplete(AuthenticationCompletionException e) {
        return unauthorized();
    }

    /** A role check of the framework (fixed detail), or one of our rules ({@link AccessDenied}, its own detail). */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problem(403, e instanceof AccessDenied ? e.getMessage() : "the token's roles do not allow this request",
                null);
    }

    private static Response unauthorized() {
        return Response.fromResponse(problem(401, "a valid bearer token is required (Authorization: Bearer <JWT>)",
                null)).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return problem(e.status(), e.getMessage(), e.violations());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            violations.add(new Problem.Violation(field(v.getPropertyPath()), v.getMessage()));
        }
        violations.sort(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message));
        return problem(400, INVALID, violations);
    }

    @ServerExceptionMapper
    public Response json(JacksonException e) {
        return problem(400, "the request body is not valid for this resource", List.of(violation(e)));
    }

    /** Quarkus maps this subtype itself; name it here so that our format wins. */
    @ServerExceptionMapper
    public Response mismatch(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JacksonException json) {
            return json(json);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        String detail = switch (status) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            case 413 -> "the request body is too large";
            case 415 -> "the request body must be application/json";
            case 406 -> "this resource answers application/json only";
            default -> e.getMessage();
        };
        if (status >= 500) {
            LOG.error("request failed", e);
            detail = "internal error";
        }
        return problem(status, detail, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("request failed", e);
        return problem(500, "internal error", null);
    }

    static Response problem(int status, String detail, List<Problem.Violation> violations) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : status == 422 ? "Unprocessable Content" : "Error";
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, null, violations)).build();
    }

    /** {@code panel[0].interviewerId}, {@code scores[CI_CD]}: the request's own names, no method or parameter. */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(name);
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static Problem.Violation violation(JacksonException e) {
        String field = e instanceof JsonMappingException mapping ? field(mapping.getPath()) : "body";
        String message;
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            message = "\"" + format.getValue() + "\" is not one of "
                    + Arrays.toString(format.getTargetType().getEnumConstants());
        } else if (e instanceof InvalidFormatException format && format.getTargetType() == String.class) {
            message = "must not contain the NUL character";
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "must be " + describe(mismatch.getTargetType());
        } else if (e instanceof JsonProcessingException processing && !(e instanceof JsonMappingException)) {
            message = "is not well-formed JSON: " + processing.getOriginalMessage();
        } else {
            message = "is not valid here";
        }
        return new Problem.Violation(field, message);
    }

    private static String field(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFrom() instanceof java.util.Map<?, ?>) {
                field.append('[').append(ref.getFieldName()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
