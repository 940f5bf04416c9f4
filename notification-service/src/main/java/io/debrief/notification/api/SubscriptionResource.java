package io.debrief.notification.api;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.debrief.notification.domain.WebhookSignature;
import io.debrief.notification.store.Delivery;
import io.debrief.notification.store.DeliveryStore;
import io.debrief.notification.store.Subscription;
import io.debrief.notification.store.SubscriptionStore;
import io.debrief.notification.webhooks.WebhookDispatcher;
import io.debrief.notification.webhooks.WebhookTargets;
import io.smallrye.mutiny.Uni;

/** Webhook subscriptions and their delivery logs: managed by recruiters and admins only. */
@Path("/api/subscriptions")
@RolesAllowed({ Roles.RECRUITER, Roles.ADMIN })
@Tag(name = "Subscriptions", description = "Webhook subscriptions (Standard Webhooks) and their delivery logs")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    private static final int DELIVERY_LOG_LIMIT = 500;

    private final SubscriptionStore subscriptions;
    private final DeliveryStore deliveries;
    private final WebhookTargets targets;
    private final WebhookDispatcher dispatcher;

    public SubscriptionResource(SubscriptionStore subscriptions, DeliveryStore deliveries, WebhookTargets targets,
            WebhookDispatcher dispatcher) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.targets = targets;
        this.dispatcher = dispatcher;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a URL to hiring decisions; the answer carries the signing secret, once")
    public Uni<RestResponse<SubscriptionCreated>> create(@NotNull @Valid SubscriptionRequest request) {
        return targets.problem(request.url())
                .flatMap(problem -> {
                    if (problem.isPresent()) {
                        throw ApiProblem.invalid("url", problem.get());
                    }
                    return subscriptions.create(newSubscription(request));
                })
                .map(created -> RestResponse.ResponseBuilder
                        .<SubscriptionCreated>created(URI.create("/api/subscriptions/" + created.id()))
                        .entity(SubscriptionCreated.of(created))
                        .build());
    }

    @GET
    @Operation(summary = "All subscriptions, without their secrets")
    public Uni<List<SubscriptionView>> list() {
        return subscriptions.list().map(all -> all.stream().map(SubscriptionView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One subscription, without its secret")
    public Uni<SubscriptionView> get(@PathParam("id") UUID id) {
        return existing(id).map(SubscriptionView::of);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Unsubscribe; pending deliveries are dropped")
    public Uni<RestResponse<Void>> delete(@PathParam("id") UUID id) {
        return subscriptions.delete(id).map(deleted -> {
            if (!deleted) {
                throw unknown(id);
            }
            return RestResponse.noContent();
        });
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The subscription's delivery log, newest first")
    public Uni<List<DeliveryView>> deliveries(@PathParam("id") UUID id) {
        return existing(id)
                .flatMap(subscription -> deliveries.ofSubscription(id, DELIVERY_LOG_LIMIT))
                .map(log -> log.stream().map(DeliveryView::of).toList());
    }

    /** Puts a FAILED delivery back in the queue (extension). */
    @POST
    @Operation(summary = "Queue a FAILED delivery again with a fresh retry schedule")
    @Path("/{id}/deliveries/{webhookId}/redeliver")
    public Uni<RestResponse<DeliveryView>> redeliver(@PathParam("id") UUID id,
            @PathParam("webhookId") String webhookId) {
        return existing(id)
                .invoke(subscription -> {
                    if (!subscription.active()) {
                        throw ApiProblem.conflict("The subscription is disabled.");
                    }
                })
                .flatMap(subscription -> deliveries.requeueFailed(id, webhookId))
                .flatMap(requeued -> deliveries.find(id, webhookId).map(found -> {
                    Delivery delivery = found.orElseThrow(() -> ApiProblem.notFound(
                            "No delivery " + webhookId + " for subscription " + id + "."));
                    if (!requeued) {
                        throw ApiProblem.conflict("Only a FAILED delivery can be redelivered; this one is "
                                + delivery.status() + ".");
                    }
                    return delivery;
                }))
                .invoke(dispatcher::wake)
                .map(delivery -> RestResponse.accepted(DeliveryView.of(delivery)));
    }

    private Uni<Subscription> existing(UUID id) {
        return subscriptions.find(id).map(found -> found.orElseThrow(() -> unknown(id)));
    }

    private static ApiProblem unknown(UUID id) {
        return ApiProblem.notFound("No subscription " + id + ".");
    }

    private static Subscription newSubscription(SubscriptionRequest request) {
        List<String> outcomes = request.outcomes() == null ? List.of()
                : request.outcomes().stream().map(Enum::name).distinct().toList();
        List<String> levels = request.levels() == null ? List.of()
                : request.levels().stream().map(Enum::name).distinct().toList();
        String description = request.description() == null || request.description().isBlank()
                ? null : request.description();
        return new Subscription(UUID.randomUUID(), request.url(), description, outcomes, levels,
                WebhookSignature.newSecret(), Instant.now().truncatedTo(ChronoUnit.MICROS), null, null);
    }
}
