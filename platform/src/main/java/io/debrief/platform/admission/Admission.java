package io.debrief.platform.admission;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.debrief.platform.problem.Problem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Load shedding in every service: at most {@code debrief.admission.max-in-flight} {@code /api} requests are worked on
 * at once, and at most {@code max-streams} live streams (a path ending in {@code /stream}) are open. One more is
 * answered at once with 503, {@code Retry-After} and a problem body, before it is authenticated or read, instead of
 * queueing without bound behind the database pool and the event loop (CONTRACT.md Part 2, "Behaviour under load"). A
 * request leaves the count when its response ends or its connection closes. {@code /q} (health, metrics) is never
 * shed, so a saturated instance still tells the truth about itself.
 */
@ApplicationScoped
public class Admission {

    private final Limit requests;
    private final Limit streams;
    private final String retryAfterSeconds;

    @Inject
    public Admission(AdmissionConfig config, ObjectMapper mapper, MeterRegistry registry)
            throws JsonProcessingException {
        this(config.maxInFlight(), config.maxStreams(), config.retryAfter(), mapper, registry);
    }

    public Admission(int maxInFlight, int maxStreams, Duration retryAfter, ObjectMapper mapper, MeterRegistry registry)
            throws JsonProcessingException {
        this.retryAfterSeconds = Long.toString(Math.max(1, retryAfter.toSeconds()));
        this.requests = new Limit(maxInFlight, mapper.writeValueAsString(Problem.of(503,
                "the service is at capacity (" + maxInFlight + " requests in flight); try again shortly", null)),
                Counter.builder("debrief.admission.shed").description("Requests refused at capacity")
                        .register(registry));
        this.streams = new Limit(maxStreams, mapper.writeValueAsString(Problem.of(503,
                "the service is at capacity (" + maxStreams + " live streams open); try again shortly", null)),
                Counter.builder("debrief.admission.streams.shed").description("Live streams refused at capacity")
                        .register(registry));
        Gauge.builder("debrief.admission.in.flight", requests.open, AtomicInteger::get)
                .description("/api requests being worked on").register(registry);
        Gauge.builder("debrief.admission.streams", streams.open, AtomicInteger::get)
                .description("live streams open").register(registry);
    }

    /** Installs the limit in front of every {@code /api} route. */
    public void install(@Observes Router router) {
        router.route("/api/*").order(-4).handler(this::admit);
    }

    void admit(RoutingContext ctx) {
        Limit limit = ctx.normalizedPath().endsWith("/stream") ? streams : requests;
        if (limit.open.incrementAndGet() > limit.max) {
            limit.open.decrementAndGet();
            limit.shed.increment();
            ctx.response().setStatusCode(503)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                    .end(limit.problem);
            return;
        }
        ctx.addEndHandler(ended -> limit.open.decrementAndGet());
        ctx.next();
    }

    private record Limit(int max, String problem, Counter shed, AtomicInteger open) {
        Limit(int max, String problem, Counter shed) {
            this(max, problem, shed, new AtomicInteger());
        }
    }
}
