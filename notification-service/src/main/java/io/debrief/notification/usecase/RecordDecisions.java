package io.debrief.notification.usecase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.debrief.notification.domain.IncomingDecision;
import io.debrief.notification.domain.RetryPolicy;
import io.debrief.notification.domain.StoredDecision;
import io.debrief.notification.domain.Subscription;
import io.debrief.notification.events.DecisionBatches;
import io.debrief.notification.store.DecisionNotifications;
import io.debrief.notification.store.DecisionStore;
import io.debrief.notification.store.DecisionStore.NewDelivery;
import io.debrief.notification.store.SubscriptionStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Records the decisions of one consumed batch. One transaction stores the decisions not seen before (once per
 * loopId and decisionVersion) and one delivery for each of them and each subscription that receives it
 * ({@link Subscription#receives}, the filter rule) and announces them to every instance's {@link FollowDecisions}
 * (which hands them to the live stream); after the commit this instance's follower and the dispatcher are woken.
 * A database outage is retried until the database is back, so no decision is lost to it; if the database refuses the
 * batch's data, the decisions are stored one at a time and only the refused ones are handed back (for the dead-letter
 * topic; {@link BatchStorage}).
 */
@ApplicationScoped
public class RecordDecisions implements DecisionBatches {

    private static final Logger LOG = Logger.getLogger(RecordDecisions.class);

    private final Pool pool;
    private final DecisionStore decisions;
    private final SubscriptionStore subscriptions;
    private final DecisionNotifications notifications;
    private final FollowDecisions follower;
    private final DispatchWebhooks dispatcher;
    private final RetryPolicy retryPolicy;
    private final EraseCandidates erasures;

    public RecordDecisions(Pool pool, DecisionStore decisions, SubscriptionStore subscriptions,
            DecisionNotifications notifications, FollowDecisions follower, DispatchWebhooks dispatcher,
            RetryPolicy retryPolicy, EraseCandidates erasures) {
        this.erasures = erasures;
        this.pool = pool;
        this.decisions = decisions;
        this.subscriptions = subscriptions;
        this.notifications = notifications;
        this.follower = follower;
        this.dispatcher = dispatcher;
        this.retryPolicy = retryPolicy;
    }

    @Override
    public Uni<List<Refusal>> record(List<IncomingDecision> batch) {
        return BatchStorage.storeOrRefuse("decisions", batch, this::storeUntilDatabaseAnswers, Refusal::new);
    }

    private Uni<Integer> storeUntilDatabaseAnswers(List<IncomingDecision> batch) {
        return BatchStorage.untilTheDatabaseAnswers(pool, transaction -> store(transaction, batch))
                .invoke(this::afterCommit)
                .map(List::size);
    }

    /**
     * The transaction: lock the sequence, insert the new decisions (names of erased loops set to null), announce them,
     * queue their deliveries.
     */
    private Uni<List<Recorded>> store(SqlConnection transaction, List<IncomingDecision> batch) {
        return decisions.lockSequence(transaction)
                .chain(() -> decisions.insertNew(transaction, batch))
                .call(stored -> erasures.scrubLate(transaction, stored))
                .chain(stored -> stored.isEmpty() ? Uni.createFrom().item(List.<Recorded>of())
                        : notifications.announce(transaction)
                                .chain(() -> subscriptions.active(transaction))
                                .chain(receivers -> enqueue(transaction, stored, batch, receivers)));
    }

    private Uni<List<Recorded>> enqueue(SqlConnection transaction, List<StoredDecision> stored,
            List<IncomingDecision> batch, List<Subscription> receivers) {
        Map<String, IncomingDecision> byEventId = new HashMap<>();
        batch.forEach(decision -> byEventId.putIfAbsent(decision.eventId(), decision));
        List<NewDelivery> deliveries = new ArrayList<>();
        for (StoredDecision decision : stored) {
            IncomingDecision incoming = byEventId.get(decision.eventId());
            for (Subscription subscription : receivers) {
                if (subscription.receives(incoming)) {
                    deliveries.add(new NewDelivery(subscription.webhookId(decision.eventId()), decision.seq(),
                            subscription.id(), decision.eventId()));
                }
            }
        }
        return decisions.enqueue(transaction, deliveries, retryPolicy.firstDelay()).map(queued -> {
            Map<Long, Integer> perDecision = new HashMap<>();
            queued.forEach(seq -> perDecision.merge(seq, 1, Integer::sum));
            return stored.stream()
                    .map(decision -> new Recorded(decision, perDecision.getOrDefault(decision.seq(), 0)))
                    .toList();
        });
    }

    /** The follower woken for the live stream, and the dispatcher when the new decisions have deliveries. */
    private void afterCommit(List<Recorded> recorded) {
        boolean deliveries = false;
        for (Recorded stored : recorded) {
            LOG.debugf("Stored decision %s with %d deliveries", stored.decision().eventId(), stored.deliveries());
            deliveries |= stored.deliveries() > 0;
        }
        if (!recorded.isEmpty()) {
            follower.wake();
        }
        if (deliveries) {
            dispatcher.wake();
        }
    }

    /** A newly stored decision and how many deliveries it started. */
    private record Recorded(StoredDecision decision, int deliveries) {
    }
}
