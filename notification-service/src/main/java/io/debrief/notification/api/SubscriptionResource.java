package io.debrief.notification.api;

import java.net.URI;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.debrief.notification.domain.EventType;
import io.debrief.notification.usecase.ManageSubscriptions;
import io.debrief.notification.usecase.ManageSubscriptions.NewSubscription;
import io.debrief.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/** Webhook subscriptions and their delivery logs: managed by recruiters and admins only. */
@Path("/api/subscriptions")
@RolesAllowed({ Roles.RECRUITER, Roles.ADMIN })
@Tag(name = "Subscriptions", description = "Webhook subscriptions (Standard Webhooks) and their delivery logs")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token (header or session cookie)")
@APIResponse(responseCode = "403", description = "Only recruiters and admins manage subscriptions")
@APIResponse(responseCode = "503", description = "The database is unavailable; Retry-After says when to try again")
public class SubscriptionResource {

    private final ManageSubscriptions subscriptions;

    public SubscriptionResource(ManageSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a URL to webhooks of some types (default: decisions); the answer carries the"
            + " signing secret, once")
    @APIResponse(responseCode = "201", description = "Subscribed; Location names the subscription",
            headers = @Header(name = "Location", description = "/api/subscriptions/{id}",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionCreated.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, an unknown field value, or a URL that may not"
            + " receive webhooks; violations name the fields")
    public Uni<RestResponse<SubscriptionCreated>> create(@NotNull @Valid SubscriptionRequest request) {
        List<EventType> types = request.types() == null ? List.of()
                : request.types().stream().map(WebhookType::type).toList();
        return subscriptions.subscribe(new NewSubscription(request.url(), request.description(), types,
                        names(request.outcomes()), names(request.levels()), request.interviewers()))
                .map(created -> RestResponse.ResponseBuilder
                        .<SubscriptionCreated>created(URI.create("/api/subscriptions/" + created.id()))
                        .entity(SubscriptionCreated.of(created))
                        .build());
    }

    @GET
    @Operation(summary = "All subscriptions, without their secrets")
    @APIResponse(responseCode = "200", description = "Every subscription, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = SubscriptionView.class)))
    public Uni<List<SubscriptionView>> list() {
        return subscriptions.all().map(all -> all.stream().map(SubscriptionView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One subscription, without its secret")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription (or the id is not a UUID)")
    public Uni<SubscriptionView> get(@PathParam("id") UUID id) {
        return subscriptions.one(id).map(SubscriptionView::of);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Unsubscribe; pending deliveries are dropped")
    @APIResponse(responseCode = "204", description = "Unsubscribed; its delivery log is gone too")
    @APIResponse(responseCode = "404", description = "No such subscription (or the id is not a UUID)")
    public Uni<RestResponse<Void>> delete(@PathParam("id") UUID id) {
        return subscriptions.unsubscribe(id).map(done -> RestResponse.noContent());
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The subscription's delivery log, newest first")
    @APIResponse(responseCode = "200", description = "Its deliveries, newest first (at most 500)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription (or the id is not a UUID)")
    public Uni<List<DeliveryView>> deliveries(@PathParam("id") UUID id) {
        return subscriptions.deliveries(id).map(log -> log.stream().map(DeliveryView::of).toList());
    }

    /** Puts a FAILED delivery back in the queue (extension). */
    @POST
    @Path("/{id}/deliveries/{webhookId}/redeliver")
    @Operation(summary = "Queue a FAILED delivery again with a fresh retry schedule")
    @APIResponse(responseCode = "202", description = "Queued again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription or delivery")
    @APIResponse(responseCode = "409", description = "The delivery is not FAILED, or the subscription is disabled")
    public Uni<RestResponse<DeliveryView>> redeliver(@PathParam("id") UUID id,
            @PathParam("webhookId") String webhookId) {
        return subscriptions.redeliver(id, webhookId).map(delivery -> RestResponse.accepted(DeliveryView.of(delivery)));
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values == null ? List.of() : values.stream().map(Enum::name).toList();
    }
}
