package io.debrief.notification.api;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** The one place that turns exceptions into RFC 9457 {@code application/problem+json}; never a stack trace. */
public class ProblemMappers {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public RestResponse<Problem> apiProblem(ApiProblem problem) {
        return respond(problem.toProblem());
    }

    /** No token, or a token that is malformed, expired, from another issuer or wrongly signed. */
    @ServerExceptionMapper
    public RestResponse<Problem> unauthorized(UnauthorizedException e) {
        return respond(ApiProblem.unauthorized().toProblem());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> authenticationFailed(AuthenticationFailedException e) {
        // the reason (it may quote the token's claims) is neither logged nor answered
        return respond(ApiProblem.unauthorized().toProblem());
    }

    /** A valid token without a role that may do this. */
    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e) {
        return respond(ApiProblem.forbidden().toProblem());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> constraintViolations(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(violation -> new Problem.Violation(field(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        return respond(new Problem("about:blank", "Bad Request", 400, "The request is invalid.", violations));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> validation(ValidationException e) {
        LOG.warnf("Validation could not run: %s", e.getMessage());
        return respond(new Problem("about:blank", "Bad Request", 400, "The request is invalid.", null));
    }

    /** A JSON value of the wrong type or an unknown enum constant. */
    @ServerExceptionMapper
    public RestResponse<Problem> mismatchedInput(MismatchedInputException e) {
        return respond(new Problem("about:blank", "Bad Request", 400, "The request body does not match the schema.",
                List.of(new Problem.Violation(jsonPath(e), mismatchMessage(e)))));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> webApplication(WebApplicationException e) {
        Response response = e.getResponse();
        int status = response == null ? 500 : response.getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException) {
            return respond(new Problem("about:blank", "Bad Request", 400, "The request body is not valid JSON.", null));
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        String detail = status == 404 ? "No such resource." : title + ".";
        return respond(new Problem("about:blank", title, status, detail, null));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable e) {
        LOG.error("Unexpected failure while handling a request", e);
        return respond(new Problem("about:blank", "Internal Server Error", 500,
                "The request could not be processed.", null));
    }

    /** Every 401 names the scheme it wants (RFC 9110 section 11.6.1). */
    private static RestResponse<Problem> respond(Problem problem) {
        RestResponse.ResponseBuilder<Problem> response = RestResponse.ResponseBuilder.<Problem>create(problem.status())
                .entity(problem).type(PROBLEM_JSON);
        if (problem.status() == 401) {
            response.header("WWW-Authenticate", "Bearer");
        }
        return response.build();
    }

    /** {@code outcomes[1]} rather than {@code create.request.outcomes[1].<list element>}. */
    private static String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                // the element's index is on the node itself
            } else if (node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String mismatchMessage(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target != null && target.isEnum()) {
            return "must be one of " + Arrays.stream(target.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidFormatException invalid && invalid.getValue() != null) {
            return "has an invalid value";
        }
        if (target != null && (java.util.Collection.class.isAssignableFrom(target) || target.isArray())) {
            return "must be an array";
        }
        return target == null ? "has the wrong type" : "must be of type " + simpleType(target);
    }

    private static String simpleType(Class<?> target) {
        if (target == String.class) {
            return "string";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "number";
        }
        return "object";
    }

}
