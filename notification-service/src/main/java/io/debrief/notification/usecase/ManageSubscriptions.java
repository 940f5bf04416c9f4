package io.debrief.notification.usecase;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.debrief.notification.domain.Delivery;
import io.debrief.notification.domain.EventType;
import io.debrief.notification.domain.Subscription;
import io.debrief.notification.domain.WebhookSignature;
import io.debrief.notification.store.DeliveryStore;
import io.debrief.notification.store.SubscriptionStore;
import io.debrief.notification.webhooks.WebhookTargets;
import io.debrief.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * The use case "manage subscriptions": subscribe a URL (checked like every attempt's target), list, read and delete
 * subscriptions, read a delivery log, and queue a failed delivery again.
 */
@ApplicationScoped
public class ManageSubscriptions {

    private static final int DELIVERY_LOG_LIMIT = 500;

    private final SubscriptionStore subscriptions;
    private final DeliveryStore deliveries;
    private final WebhookTargets targets;
    private final DispatchWebhooks dispatcher;

    public ManageSubscriptions(SubscriptionStore subscriptions, DeliveryStore deliveries, WebhookTargets targets,
            DispatchWebhooks dispatcher) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.targets = targets;
        this.dispatcher = dispatcher;
    }

    /** What a new subscription asks for; no types means decisions only, empty filters mean "all". */
    public record NewSubscription(String url, String description, List<EventType> types, List<String> outcomes,
            List<String> levels, List<String> interviewers) {
    }

    /** The stored subscription, with its new secret (the only time it is shown). */
    public Uni<Subscription> subscribe(NewSubscription request) {
        return targets.problem(request.url())
                .flatMap(problem -> {
                    if (problem.isPresent()) {
                        throw ProblemException.invalid("url", problem.get());
                    }
                    return subscriptions.create(newSubscription(request));
                });
    }

    public Uni<List<Subscription>> all() {
        return subscriptions.list();
    }

    public Uni<Subscription> one(UUID id) {
        return subscriptions.find(id).map(found -> found.orElseThrow(() -> unknown(id)));
    }

    /** Its deliveries go with it. */
    public Uni<Void> unsubscribe(UUID id) {
        return subscriptions.delete(id).map(deleted -> {
            if (!deleted) {
                throw unknown(id);
            }
            return null;
        });
    }

    /** The subscription's delivery log, newest first. */
    public Uni<List<Delivery>> deliveries(UUID id) {
        return one(id).flatMap(subscription -> deliveries.ofSubscription(id, DELIVERY_LOG_LIMIT));
    }

    /** Puts a FAILED delivery of an active subscription back in the queue with a fresh schedule. */
    public Uni<Delivery> redeliver(UUID id, String webhookId) {
        return one(id)
                .invoke(subscription -> {
                    if (!subscription.active()) {
                        throw ProblemException.conflict("The subscription is disabled.");
                    }
                })
                .flatMap(subscription -> deliveries.requeueFailed(id, webhookId))
                .flatMap(requeued -> deliveries.find(id, webhookId).map(found -> {
                    Delivery delivery = found.orElseThrow(() -> ProblemException.notFound(
                            "No delivery " + webhookId + " for subscription " + id + "."));
                    if (!requeued) {
                        throw ProblemException.conflict("Only a FAILED delivery can be redelivered; this one is "
                                + delivery.status() + ".");
                    }
                    return delivery;
                }))
                .invoke(dispatcher::wake);
    }

    private static ProblemException unknown(UUID id) {
        return ProblemException.notFound("No subscription " + id + ".");
    }

    private static Subscription newSubscription(NewSubscription request) {
        List<String> outcomes = request.outcomes() == null ? List.of() : request.outcomes().stream().distinct().toList();
        List<String> levels = request.levels() == null ? List.of() : request.levels().stream().distinct().toList();
        List<EventType> types = request.types() == null ? List.of() : request.types().stream().distinct().toList();
        List<String> interviewers = request.interviewers() == null ? List.of()
                : request.interviewers().stream().distinct().toList();
        String description = request.description() == null || request.description().isBlank()
                ? null : request.description();
        return new Subscription(UUID.randomUUID(), request.url(), description, types, outcomes, levels, interviewers,
                WebhookSignature.newSecret(), Instant.now().truncatedTo(ChronoUnit.MICROS), null, null);
    }
}
