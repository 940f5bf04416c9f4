package io.debrief.notification.webhooks;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.debrief.notification.domain.WebhookSignature;
import io.debrief.platform.observability.TracePropagation;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.ext.web.codec.BodyCodec;

/**
 * Sends one signed attempt with the non-blocking Vert.x web client. Redirects are not followed (a 3xx is a failure);
 * the response body is discarded; the whole exchange must finish within the configured timeout.
 * <p>
 * Each attempt is a CLIENT span {@code webhook POST}, a child of the trace context its decision or event arrived with
 * (so a retry, even after a restart, joins the original trace), and the request carries it as W3C {@code traceparent}
 * (issue 17, patch N4). The signature still covers {@code {webhook-id}.{webhook-timestamp}.{body}} only. The span names
 * the receiver's host and port, never its path or query (a receiver URL may hold a token).
 */
@ApplicationScoped
public class WebhookSender {

    private final WebClient client;
    private final WebhookTargets targets;
    private final Duration timeout;
    private final TracePropagation tracing;

    public WebhookSender(Vertx vertx, WebhookConfig config, WebhookTargets targets, TracePropagation tracing) {
        this.timeout = config.timeout();
        this.targets = targets;
        this.tracing = tracing;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setFollowRedirects(false)
                // our own span and traceparent per attempt (below), not one the client derives from whatever is current
                .setTracingPolicy(TracingPolicy.IGNORE)
                .setConnectTimeout((int) timeout.toMillis())
                .setUserAgent("debrief-notification-service")
                .setMaxPoolSize(config.maxInFlight()));
    }

    public Uni<AttemptResult> send(WebhookRequest request) {
        Context parent = tracing.stored(request.trace().traceparent(), request.trace().tracestate());
        Span span = tracing.clientSpan("webhook POST", parent);
        describeTarget(span, request.url());
        return targets.problem(request.url())
                .flatMap(problem -> problem.isPresent()
                        ? Uni.createFrom().item(AttemptResult.noResponse("refused target: url " + problem.get()))
                        : post(request, parent.with(span)))
                .onItemOrFailure().invoke((result, failure) -> end(span, result, failure));
    }

    private Uni<AttemptResult> post(WebhookRequest request, Context attempt) {
        String body = request.body();
        long timestamp = Instant.now().getEpochSecond();
        String signature = WebhookSignature.sign(request.secret(), request.webhookId(), timestamp, body);
        HttpRequest<Void> post = client.postAbs(request.url())
                .as(BodyCodec.none())
                .timeout(timeout.toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("webhook-id", request.webhookId())
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", signature);
        tracing.inject(attempt, post::putHeader);
        return post.sendBuffer(Buffer.buffer(body))
                .ifNoItem().after(timeout).failWith(() -> new TimeoutException())
                .map(response -> AttemptResult.response(response.statusCode(), response.getHeader("Retry-After")))
                .onFailure().recoverWithItem(failure -> AttemptResult.noResponse(describe(failure)));
    }

    private String describe(Throwable failure) {
        if (failure instanceof TimeoutException || failure instanceof java.util.concurrent.TimeoutException) {
            return "no response within " + timeout.toSeconds() + " s";
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Method, scheme, host and port of the receiver (OpenTelemetry's HTTP client attributes); nothing of its path. */
    private static void describeTarget(Span span, String url) {
        span.setAttribute("http.request.method", "POST");
        try {
            URI uri = URI.create(url);
            if (uri.getHost() != null) {
                span.setAttribute("server.address", uri.getHost());
            }
            if (uri.getScheme() != null) {
                span.setAttribute("url.scheme", uri.getScheme());
                int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
                span.setAttribute("server.port", (long) port);
            }
        } catch (IllegalArgumentException notAUri) {
            // the target check refuses it; the span just names no target
        }
    }

    /** The receiver's status on the span; an error when it answered 4xx/5xx or did not answer. */
    private static void end(Span span, AttemptResult result, Throwable failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR);
        } else if (result.statusCode() != null) {
            span.setAttribute("http.response.status_code", (long) result.statusCode());
            if (result.statusCode() >= 400) {
                span.setAttribute("error.type", Integer.toString(result.statusCode()));
                span.setStatus(StatusCode.ERROR);
            }
        } else {
            span.setAttribute("error.type", "no_response");
            span.setStatus(StatusCode.ERROR, "no response"); // the error text may name the URL
        }
        span.end();
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
