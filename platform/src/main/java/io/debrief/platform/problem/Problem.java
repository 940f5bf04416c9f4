package io.debrief.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem details; {@code violations} lists the invalid fields of a 400. Every error response of the OpenAPI
 * documents refers to this schema ({@link ProblemResponses}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(String type, String title, int status, String detail, String instance,
                      List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "Violation", description = "One invalid field: its path in the request and what is wrong with it")
    public record Violation(String field, String message) {
    }

    public static Problem of(int status, String detail, List<Violation> violations) {
        return new Problem("about:blank", Problems.title(status), status, detail, null,
                violations == null || violations.isEmpty() ? null : List.copyOf(violations));
    }
}
