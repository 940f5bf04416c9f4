package io.debrief.platform.problem;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a body over {@code quarkus.http.limits.max-body-size} with a problem+json 413. Quarkus itself answers an
 * oversized {@code Content-Length} with an empty 413 before any JAX-RS code runs (route order -2); this route runs
 * just before it. A chunked body without a length is cut off while reading, which reaches {@link ProblemMapper}.
 */
@ApplicationScoped
public class BodyLimit {

    private final long maxBytes;
    private final String problem;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
                     ObjectMapper mapper) throws JsonProcessingException {
        this.maxBytes = maxBodySize.asLongValue();
        this.problem = mapper.writeValueAsString(
                Problem.of(413, "the request body is larger than " + size(maxBytes), null));
    }

    /** A size as the problem and the OpenAPI document state it: {@code 256 KiB}. */
    static String size(long bytes) {
        return (bytes / 1024) + " KiB";
    }

    void install(@Observes Router router) {
        router.route().order(-3).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLong(length)) {
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(problem);
            } else {
                ctx.next();
            }
        });
    }

    private boolean tooLong(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // a malformed header is the HTTP layer's business
        }
    }
}
