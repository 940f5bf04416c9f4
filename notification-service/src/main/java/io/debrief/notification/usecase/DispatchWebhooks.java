package io.debrief.notification.usecase;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.jboss.logging.Logger;

import io.debrief.notification.domain.AttemptVerdict;
import io.debrief.notification.domain.RetryAfter;
import io.debrief.notification.domain.RetryPolicy;
import io.debrief.notification.observability.DispatcherHealth;
import io.debrief.notification.observability.WebhookMetrics;
import io.debrief.notification.domain.EventType;
import io.debrief.notification.domain.StoredDecision;
import io.debrief.notification.domain.StoredEvent;
import io.debrief.notification.events.DecisionJson;
import io.debrief.platform.privacy.LoopKeys.Keys;
import io.debrief.notification.store.ClaimedDelivery;
import io.debrief.notification.store.DeliveryStore;
import io.debrief.notification.webhooks.AttemptResult;
import io.debrief.notification.webhooks.WebhookConfig;
import io.debrief.notification.webhooks.WebhookMessage;
import io.debrief.notification.webhooks.WebhookRequest;
import io.debrief.notification.webhooks.WebhookSender;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The use case "dispatch webhooks": works the durable delivery queue: every second, and right after new deliveries are committed, claims due
 * deliveries (up to {@code max-in-flight} at a time), sends them, and records each result. All state is in
 * PostgreSQL, so a restart resumes where the previous run stopped; the claim lease keeps instances apart.
 */
@ApplicationScoped
public class DispatchWebhooks {

    private static final Logger LOG = Logger.getLogger(DispatchWebhooks.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);
    /** When deliveries claimed while the loop keys were unavailable are due again (not counted as an attempt). */
    static final Duration KEYS_UNAVAILABLE_RETRY = Duration.ofSeconds(5);

    private final DeliveryStore deliveries;
    private final WebhookSender sender;
    private final RetryPolicy retryPolicy;
    private final Duration lease;
    private final int maxInFlight;
    private final WebhookMetrics metrics;
    private final DispatcherHealth health;
    private final OpenPersonalText personalText;

    private final AtomicBoolean claiming = new AtomicBoolean();
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopped;

    public DispatchWebhooks(DeliveryStore deliveries, WebhookSender sender, RetryPolicy retryPolicy,
            WebhookConfig config, WebhookMetrics metrics, DispatcherHealth health, OpenPersonalText personalText) {
        this.health = health;
        this.personalText = personalText;
        this.deliveries = deliveries;
        this.sender = sender;
        this.retryPolicy = retryPolicy;
        this.lease = config.lease();
        this.maxInFlight = config.maxInFlight();
        this.metrics = metrics;
    }

    @Scheduled(every = "${debrief.webhooks.dispatch-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        wake();
    }

    /** Looks for due deliveries now; cheap to call often (calls during a claim coalesce into one more claim). */
    public void wake() {
        wakeRequested.set(true);
        if (!stopped && claiming.compareAndSet(false, true)) {
            claimBatch();
        }
    }

    private void claimBatch() {
        wakeRequested.set(false);
        int capacity = maxInFlight - inFlight.get();
        if (capacity <= 0) {
            finishClaim(false);
            return;
        }
        health.worker().roundStarted();
        Uni.createFrom().deferred(() -> deliveries.claimDue(capacity, lease)).subscribe().with(
                claimed -> {
                    health.worker().roundSucceeded();
                    if (claimed.isEmpty()) {
                        finishClaim(false);
                    } else {
                        openAndAttempt(claimed, capacity);
                    }
                },
                failure -> {
                    health.worker().roundFailed();
                    LOG.warnf("Could not claim due webhook deliveries: %s", failure.getMessage());
                    finishClaim(false);
                });
    }

    /**
     * One key request for the whole claimed batch, then the attempts, each body built with the opened text. Without
     * keys nothing is sent: the deliveries are released for a later round, their attempt not counted (the key
     * service's outage is not the subscriber's failure).
     */
    private void openAndAttempt(List<ClaimedDelivery> claimed, int capacity) {
        List<StoredDecision> decisions = claimed.stream().map(ClaimedDelivery::decision).filter(d -> d != null).toList();
        List<StoredEvent> events = claimed.stream().map(ClaimedDelivery::event).filter(e -> e != null).toList();
        Uni.createFrom().deferred(() -> personalText.keysFor(decisions, events)).subscribe().with(
                keys -> {
                    claimed.forEach(delivery -> attempt(delivery, keys));
                    finishClaim(claimed.size() == capacity);
                },
                failure -> {
                    LOG.warnf("Loop keys unavailable (%s): %d webhook deliveries wait %s, no attempt counted",
                            failure.getClass().getSimpleName(), claimed.size(), KEYS_UNAVAILABLE_RETRY);
                    deliveries.release(claimed.get(0).claimToken(), KEYS_UNAVAILABLE_RETRY).subscribe().with(
                            released -> finishClaim(false),
                            notReleased -> {
                                LOG.warnf("Could not release webhook deliveries (retried after their lease): %s",
                                        notReleased.getMessage());
                                finishClaim(false);
                            });
                });
    }

    private void finishClaim(boolean more) {
        claiming.set(false);
        if (more || wakeRequested.get()) {
            wake();
        }
    }

    private void attempt(ClaimedDelivery delivery, Keys keys) {
        inFlight.incrementAndGet();
        long started = System.nanoTime();
        Uni.createFrom().deferred(() -> sender.send(request(delivery, keys)))
                // the class only: an exception's message is no place to look for what it may quote
                .onFailure().recoverWithItem(failure -> AttemptResult.noResponse("could not send: "
                        + failure.getClass().getSimpleName()))
                .flatMap(result -> record(delivery, result, Duration.ofNanos(System.nanoTime() - started)))
                .onFailure().invoke(failure -> LOG.warnf("Could not record the result of %s attempt %d: %s",
                        delivery.webhookId(), delivery.attempt(), failure.getMessage()))
                .onTermination().invoke(inFlight::decrementAndGet)
                .subscribe().with(ignored -> { }, ignored -> { });
    }

    /**
     * The decision or event as relayed, in the Standard Webhooks envelope, its personal text opened with {@code keys}
     * now (null once erased): built at send time and never stored, so a retry after an erasure sends no name.
     */
    static WebhookRequest request(ClaimedDelivery delivery, Keys keys) {
        String body;
        if (delivery.decision() != null) {
            StoredDecision decision = delivery.decision();
            ObjectNode data = OpenPersonalText.relay(decision, keys);
            body = WebhookMessage.body(EventType.DECISION_MADE.wireName(),
                    DecisionJson.decidedAt(data).orElse(decision.receivedAt()), DecisionJson.write(data));
        } else {
            StoredEvent event = delivery.event();
            body = WebhookMessage.body(event.type().wireName(), event.occurredAt(), OpenPersonalText.relay(event, keys));
        }
        return new WebhookRequest(delivery.url(), delivery.webhookId(), delivery.secret(), body, delivery.trace());
    }

    private Uni<Void> record(ClaimedDelivery delivery, AttemptResult result, Duration took) {
        AttemptVerdict verdict = AttemptVerdict.of(result.statusCode());
        metrics.attempted(verdict.name(), took);
        return switch (verdict) {
            case DELIVERED -> {
                LOG.debugf("Delivered %s (attempt %d, HTTP %d)", delivery.webhookId(), delivery.attempt(),
                        result.statusCode());
                yield deliveries.markDelivered(delivery, result.statusCode()).replaceWithVoid();
            }
            case GONE -> {
                LOG.infof("Receiver of subscription %s answered 410 Gone: disabling it", delivery.subscriptionId());
                yield deliveries.disableSubscription(delivery, result.statusCode(), "receiver answered 410 Gone")
                        .invoke(metrics::subscriptionDisabled);
            }
            case RETRY -> retryOrFail(delivery, result);
        };
    }

    private Uni<Void> retryOrFail(ClaimedDelivery delivery, AttemptResult result) {
        Optional<Duration> retryAfter = AttemptVerdict.honoursRetryAfter(result.statusCode())
                ? RetryAfter.parse(result.retryAfter(), Instant.now())
                : Optional.empty();
        Optional<Duration> delay = retryPolicy.nextDelay(delivery.attempt(), retryAfter);
        if (delay.isEmpty()) {
            LOG.infof("Giving up on %s after %d attempts: %s", delivery.webhookId(), delivery.attempt(),
                    result.error());
            metrics.deliveryFailed();
            return deliveries.markFailed(delivery, result.statusCode(), result.error()).replaceWithVoid();
        }
        LOG.debugf("Attempt %d of %s failed (%s); next in %s", delivery.attempt(), delivery.webhookId(),
                result.error(), delay.get());
        return deliveries.scheduleRetry(delivery, result.statusCode(), result.error(), delay.get()).replaceWithVoid();
    }

    /**
     * Claims nothing more and gives attempts under way a few seconds to record their result, so that a deploy does
     * not turn them into duplicates (an unrecorded attempt is sent again once its lease expires).
     */
    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        long deadline = System.nanoTime() + SHUTDOWN_GRACE.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (inFlight.get() > 0) {
            LOG.infof("%d webhook attempts still under way at shutdown: retried after their lease", inFlight.get());
        }
    }

}
