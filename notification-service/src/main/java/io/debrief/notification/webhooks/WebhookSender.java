package io.debrief.notification.webhooks;

import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.debrief.notification.domain.WebhookSignature;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.ext.web.codec.BodyCodec;

/**
 * Sends one signed attempt with the non-blocking Vert.x web client. Redirects are not followed (a 3xx is a failure);
 * the response body is discarded; the whole exchange must finish within the configured timeout.
 */
@ApplicationScoped
public class WebhookSender {

    private final WebClient client;
    private final WebhookTargets targets;
    private final Duration timeout;

    public WebhookSender(Vertx vertx, WebhookConfig config, WebhookTargets targets) {
        this.timeout = config.timeout();
        this.targets = targets;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setFollowRedirects(false)
                .setConnectTimeout((int) timeout.toMillis())
                .setUserAgent("debrief-notification-service")
                .setMaxPoolSize(config.maxInFlight()));
    }

    public Uni<AttemptResult> send(WebhookRequest request) {
        return targets.problem(request.url())
                .flatMap(problem -> problem.isPresent()
                        ? Uni.createFrom().item(AttemptResult.noResponse("refused target: url " + problem.get()))
                        : post(request));
    }

    private Uni<AttemptResult> post(WebhookRequest request) {
        String body = request.body();
        long timestamp = Instant.now().getEpochSecond();
        String signature = WebhookSignature.sign(request.secret(), request.webhookId(), timestamp, body);
        return client.postAbs(request.url())
                .as(BodyCodec.none())
                .timeout(timeout.toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("webhook-id", request.webhookId())
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", signature)
                .sendBuffer(Buffer.buffer(body))
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

    @PreDestroy
    void close() {
        client.close();
    }
}
