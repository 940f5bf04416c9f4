package io.debrief.scorecard.api;

import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.debrief.platform.problem.Problem;
import io.debrief.scorecard.config.AdmissionConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Load shedding: at most {@code debrief.admission.max-in-flight} {@code /api} requests are worked on at once. One more
 * is answered at once with 503, {@code Retry-After} and a problem body, before it is authenticated or read, instead of
 * queueing without bound behind the database pool and the event loop (CONTRACT.md Part 2, "Behaviour under load"). A
 * request leaves the count when its response ends or its connection closes. {@code /q} (health, metrics) is never
 * shed, so a saturated instance still tells the truth about itself.
 */
@ApplicationScoped
public class Admission {

    private final int maxInFlight;
    private final String retryAfterSeconds;
    private final String problem;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter shed;

    public Admission(AdmissionConfig config, ObjectMapper mapper, MeterRegistry registry)
            throws JsonProcessingException {
        this.maxInFlight = config.maxInFlight();
        this.retryAfterSeconds = Long.toString(Math.max(1, config.retryAfter().toSeconds()));
        this.problem = mapper.writeValueAsString(Problem.of(503,
                "the service is at capacity (" + maxInFlight + " requests in flight); try again shortly", null));
        this.shed = Counter.builder("debrief.admission.shed").description("Requests refused at capacity")
                .register(registry);
        Gauge.builder("debrief.admission.in.flight", inFlight, AtomicInteger::get)
                .description("/api requests being worked on").register(registry);
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(-4).handler(ctx -> {
            if (inFlight.incrementAndGet() > maxInFlight) {
                inFlight.decrementAndGet();
                shed.increment();
                ctx.response().setStatusCode(503)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                        .end(problem);
                return;
            }
            ctx.addEndHandler(ended -> inFlight.decrementAndGet());
            ctx.next();
        });
    }
}
