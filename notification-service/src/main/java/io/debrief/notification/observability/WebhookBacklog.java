package io.debrief.notification.observability;

import io.debrief.platform.observability.GaugePolling;
import io.debrief.platform.observability.PolledGauges;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The webhook queue as an operator needs it, read from {@code delivery} and {@code subscription}:
 * deliveries pending ({@code debrief_webhooks_deliveries_pending}), the age of the oldest pending one
 * ({@code debrief_webhooks_oldest_pending_age_seconds}: a receiver that keeps failing), how long the most overdue
 * one has been due without an attempt ({@code debrief_webhooks_oldest_due_age_seconds}: the dispatcher is behind or
 * stuck; a claimed delivery is not due until its lease ends), and subscriptions by state
 * ({@code debrief_webhooks_subscriptions{state="active"|"disabled"}}). All 0 when there is nothing.
 */
@ApplicationScoped
public class WebhookBacklog {

    static final String QUERY = """
            SELECT (SELECT count(*) FROM delivery WHERE status = 'PENDING') AS pending,
                   (SELECT EXTRACT(EPOCH FROM now() - min(created_at)) FROM delivery WHERE status = 'PENDING') AS oldest,
                   (SELECT EXTRACT(EPOCH FROM now() - min(next_attempt_at)) FROM delivery
                     WHERE status = 'PENDING' AND next_attempt_at <= now()) AS due,
                   (SELECT count(*) FROM subscription WHERE disabled_at IS NULL) AS active,
                   (SELECT count(*) FROM subscription WHERE disabled_at IS NOT NULL) AS disabled""";

    void register(@Observes StartupEvent start, GaugePolling polling) {
        polling.poll(QUERY, gauges -> gauges
                .gauge("debrief.webhooks.deliveries.pending", "Webhook deliveries not yet delivered or given up", null,
                        Tags.empty(), PolledGauges.column("pending"))
                .gauge("debrief.webhooks.oldest.pending.age", "Age of the oldest pending webhook delivery", "seconds",
                        Tags.empty(), PolledGauges.column("oldest"))
                .gauge("debrief.webhooks.oldest.due.age", "How long the most overdue delivery has been due", "seconds",
                        Tags.empty(), PolledGauges.column("due"))
                .gauge("debrief.webhooks.subscriptions", "Webhook subscriptions by state", null,
                        Tags.of("state", "active"), PolledGauges.column("active"))
                .gauge("debrief.webhooks.subscriptions", "Webhook subscriptions by state", null,
                        Tags.of("state", "disabled"), PolledGauges.column("disabled")));
    }
}
