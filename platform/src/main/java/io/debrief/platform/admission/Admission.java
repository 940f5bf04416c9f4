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
 * Load shedding in every service: at most as many {@code /api} requests are worked on at once as the service answers
 * without queueing them ({@link AdaptiveLimit}, between {@code debrief.admission.min-in-flight} and {@code
 * max-in-flight}), and at most {@code max-streams} live streams (a path ending in {@code /stream}) are open. One more is
 * answered at once with 503, {@code Retry-After} and a problem body, before it is authenticated or read, instead of
 * queueing without bound behind the database pool and the event loop (CONTRACT.md Part 2, "Behaviour under load"). A
 * request leaves the count when its response ends or its connection closes. {@code /q} (health, metrics) is never
 * shed, so a saturated instance still tells the truth about itself.
 */
@ApplicationScoped
public class Admission {

    private final AdaptiveLimit requests;
    private final Limit streams;
    private final String requestProblem;
    private final Counter requestsShed;
    private final String retryAfterSeconds;

    @Inject
    public Admission(AdmissionConfig config, ObjectMapper mapper, MeterRegistry registry)
            throws JsonProcessingException {
        this(config.adaptive() ? config.minInFlight() : config.maxInFlight(), config.maxInFlight(), config.maxStreams(),
                config.retryAfter(), mapper, registry);
    }

    /** A fixed limit of {@code maxInFlight} requests. */
    public Admission(int maxInFlight, int maxStreams, Duration retryAfter, ObjectMapper mapper, MeterRegistry registry)
            throws JsonProcessingException {
        this(maxInFlight, maxInFlight, maxStreams, retryAfter, mapper, registry);
    }

    /** A limit of requests that adapts between {@code minInFlight} and {@code maxInFlight} ({@link AdaptiveLimit}). */
    public Admission(int minInFlight, int maxInFlight, int maxStreams, Duration retryAfter, ObjectMapper mapper,
                     MeterRegistry registry) throws JsonProcessingException {
        this.retryAfterSeconds = Long.toString(Math.max(1, retryAfter.toSeconds()));
        // starts at the ceiling: the first windows of slow answers bring it down within a second
        this.requests = new AdaptiveLimit(minInFlight, maxInFlight, maxInFlight, System::nanoTime);
        this.requestProblem = mapper.writeValueAsString(Problem.of(503,
                "the service is at capacity (all the requests it can work on at once are in flight); try again shortly", null));
        this.requestsShed = Counter.builder("debrief.admission.shed").description("Requests refused at capacity")
                .register(registry);
        this.streams = new Limit(maxStreams, mapper.writeValueAsString(Problem.of(503,
                "the service is at capacity (" + maxStreams + " live streams open); try again shortly", null)),
                Counter.builder("debrief.admission.streams.shed").description("Live streams refused at capacity")
                        .register(registry));
        Gauge.builder("debrief.admission.in.flight", requests, AdaptiveLimit::inFlight)
                .description("/api requests being worked on").register(registry);
        Gauge.builder("debrief.admission.limit", requests, AdaptiveLimit::limit)
                .description("/api requests admitted at once at most, as adapted to the service's latency").register(registry);
        Gauge.builder("debrief.admission.streams", streams.open, AtomicInteger::get)
                .description("live streams open").register(registry);
    }

    /** Installs the limit in front of every {@code /api} route. */
    public void install(@Observes Router router) {
        router.route("/api/*").order(-4).handler(this::admit);
    }

    void admit(RoutingContext ctx) {
        if (ctx.normalizedPath().endsWith("/stream")) {
            admitStream(ctx);
            return;
        }
        long startedAt = requests.tryAcquire();
        if (startedAt < 0) {
            requestsShed.increment();
            shed(ctx, requestProblem);
            return;
        }
        // a fast failure (a dependency outage answers 503 at once) or a client gone says nothing about queueing
        ctx.addEndHandler(ended -> requests.release(startedAt, ended.succeeded() && ctx.response().getStatusCode() < 500));
        ctx.next();
    }

    private void admitStream(RoutingContext ctx) {
        if (streams.open.incrementAndGet() > streams.max) {
            streams.open.decrementAndGet();
            streams.shed.increment();
            shed(ctx, streams.problem);
            return;
        }
        ctx.addEndHandler(ended -> streams.open.decrementAndGet());
        ctx.next();
    }

    private void shed(RoutingContext ctx, String problem) {
        ctx.response().setStatusCode(503)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .end(problem);
    }

    private record Limit(int max, String problem, Counter shed, AtomicInteger open) {
        Limit(int max, String problem, Counter shed) {
            this(max, problem, shed, new AtomicInteger());
        }
    }
}
