package io.debrief.notification.usecase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.debrief.notification.domain.IncomingEvent;
import io.debrief.notification.domain.RetryPolicy;
import io.debrief.notification.domain.StoredEvent;
import io.debrief.notification.domain.Subscription;
import io.debrief.notification.events.EventBatches;
import io.debrief.notification.store.EventStore;
import io.debrief.notification.store.EventStore.NewDelivery;
import io.debrief.notification.store.SubscriptionStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Records the events other than decisions (overdue reminders, final decisions, erasures) of one consumed batch. One
 * transaction stores the events not seen before (once per CloudEvents id, so a redelivery changes nothing) and one
 * delivery for each of them and each subscription that receives it ({@link Subscription#receives(IncomingEvent)});
 * after the commit the dispatcher is woken. Outages are retried until the database answers; a refused batch is stored
 * one event at a time and only the refused events are handed back ({@link BatchStorage}).
 */
@ApplicationScoped
public class RecordEvents implements EventBatches {

    private static final Logger LOG = Logger.getLogger(RecordEvents.class);

    private final Pool pool;
    private final EventStore events;
    private final SubscriptionStore subscriptions;
    private final DispatchWebhooks dispatcher;
    private final RetryPolicy retryPolicy;
    private final EraseCandidates erasures;

    public RecordEvents(Pool pool, EventStore events, SubscriptionStore subscriptions, DispatchWebhooks dispatcher,
            RetryPolicy retryPolicy, EraseCandidates erasures) {
        this.erasures = erasures;
        this.pool = pool;
        this.events = events;
        this.subscriptions = subscriptions;
        this.dispatcher = dispatcher;
        this.retryPolicy = retryPolicy;
    }

    @Override
    public Uni<List<Refusal>> record(List<IncomingEvent> batch) {
        return BatchStorage.storeOrRefuse("events", batch, this::storeUntilDatabaseAnswers, Refusal::new);
    }

    private Uni<Integer> storeUntilDatabaseAnswers(List<IncomingEvent> batch) {
        return BatchStorage.untilTheDatabaseAnswers(pool, transaction -> store(transaction, batch))
                .invoke(queued -> {
                    erasures.forgetKeys(batch);
                    if (queued > 0) {
                        dispatcher.wake();
                    }
                });
    }

    /**
     * The transaction: insert the new events, apply new erasures ({@link EraseCandidates}), queue their deliveries;
     * yields how many were queued.
     */
    private Uni<Integer> store(SqlConnection transaction, List<IncomingEvent> batch) {
        return events.insertNew(transaction, batch)
                .call(stored -> erasures.apply(transaction, stored))
                .chain(stored -> stored.isEmpty() ? Uni.createFrom().item(0)
                        : subscriptions.active(transaction)
                                .chain(receivers -> events.enqueue(transaction, plan(stored, batch, receivers),
                                        retryPolicy.firstDelay())));
    }

    private static List<NewDelivery> plan(List<StoredEvent> stored, List<IncomingEvent> batch,
            List<Subscription> receivers) {
        Map<String, IncomingEvent> byId = new HashMap<>();
        batch.forEach(event -> byId.putIfAbsent(event.ceId(), event));
        List<NewDelivery> deliveries = new ArrayList<>();
        for (StoredEvent event : stored) {
            IncomingEvent incoming = byId.get(event.ceId());
            for (Subscription subscription : receivers) {
                if (subscription.receives(incoming)) {
                    LOG.debugf("Event %s goes to subscription %s", event.ceId(), subscription.id());
                    deliveries.add(new NewDelivery(subscription.webhookId(event.ceId()), event.seq(),
                            subscription.id(), event.type().wireName(), event.ceId()));
                }
            }
        }
        return deliveries;
    }
}
