package io.debrief.notification.usecase;

import java.time.Duration;
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
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Records the events other than decisions (overdue reminders, final decisions, erasures) of one consumed batch. One
 * transaction stores the events not seen before (once per CloudEvents id, so a redelivery changes nothing) and one
 * delivery for each of them and each subscription that receives it ({@link Subscription#receives(IncomingEvent)});
 * after the commit the dispatcher is woken. Outages are retried until the database answers; a refused batch is stored
 * one event at a time and only the refused events are handed back.
 */
@ApplicationScoped
public class RecordEvents implements EventBatches {

    private static final Logger LOG = Logger.getLogger(RecordEvents.class);
    private static final Duration RETRY_FIRST = Duration.ofMillis(200);
    private static final Duration RETRY_MAX = Duration.ofSeconds(10);

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
        if (batch.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return storeUntilDatabaseAnswers(batch)
                .map(queued -> List.<Refusal>of())
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Storing a batch of %d events was refused (%s): storing them one at a time",
                            batch.size(), RecordDecisions.reason(failure));
                    return Multi.createFrom().iterable(batch)
                            .onItem().transformToUniAndConcatenate(event -> storeUntilDatabaseAnswers(List.of(event))
                                    .map(queued -> (Refusal) null)
                                    .onFailure().recoverWithItem(refused -> new Refusal(event,
                                            RecordDecisions.reason(refused))))
                            .filter(refusal -> refusal != null)
                            .collect().asList();
                });
    }

    private Uni<Integer> storeUntilDatabaseAnswers(List<IncomingEvent> batch) {
        return Uni.createFrom().deferred(() -> pool.withTransaction(transaction -> store(transaction, batch)))
                .onFailure(RecordDecisions::isTransient).retry().withBackOff(RETRY_FIRST, RETRY_MAX).indefinitely()
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
