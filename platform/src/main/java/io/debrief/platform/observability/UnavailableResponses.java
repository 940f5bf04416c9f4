package io.debrief.platform.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Counts the requests a service answered {@code 503 Service Unavailable} (shed under load, or a dependency outage:
 * {@code io.debrief.platform.problem.Outages}), by route: {@code debrief_http_unavailable_total{route}}. The route is
 * the matched REST path template ({@code /api/loops/{loopId}}), so the label stays bounded; a request answered before
 * any resource matched (e.g. shed at the door) counts as {@code unmatched}, a series registered at start so that the
 * metric exists (at zero) before the first 503. Runs first on every request of the main router.
 */
@ApplicationScoped
public class UnavailableResponses {

    public static final String METRIC = "debrief.http.unavailable";
    public static final String UNMATCHED = "unmatched";
    /** Where Quarkus REST puts the matched template for its own observability (micrometer's and OTel's http.route). */
    static final String URL_PATH_TEMPLATE = "UrlPathTemplate";
    /** Before every handler Quarkus and the services register, so that no response escapes it. */
    static final int ORDER = Integer.MIN_VALUE + 10;

    private final MeterRegistry registry;

    public UnavailableResponses(MeterRegistry registry) {
        this.registry = registry;
        counter(UNMATCHED);
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::watch);
    }

    void watch(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> {
            if (context.response().getStatusCode() == 503) {
                counter(route(context)).increment();
            }
        });
        context.next();
    }

    Counter counter(String route) {
        return Counter.builder(METRIC)
                .description("Requests answered 503 Service Unavailable (shed or a dependency outage), by route")
                .tag("route", route)
                .register(registry);
    }

    private static String route(RoutingContext context) {
        try {
            if (context.request() instanceof HttpServerRequestInternal request
                    && request.context().getLocal(URL_PATH_TEMPLATE) instanceof String template && !template.isEmpty()) {
                return template;
            }
        } catch (RuntimeException e) {
            // not a request Quarkus REST handled: counted as unmatched
        }
        return UNMATCHED;
    }
}
