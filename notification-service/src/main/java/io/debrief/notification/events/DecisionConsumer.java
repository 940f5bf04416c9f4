package io.debrief.notification.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.debrief.notification.domain.RetryPolicy;
import io.debrief.notification.store.DecisionStore;
import io.debrief.notification.webhooks.WebhookDispatcher;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/**
 * Consumes {@code hiring.decision.made.v1} from {@code hiring-decisions} in batches (what one poll returned). The
 * decisions of a batch are stored once per (loopId, decisionVersion), each with one delivery per matching
 * subscription, in one transaction; only then are the records acknowledged, and the newly stored decisions go to the
 * live feed in sequence order. Redelivered records change nothing. A record that is not a Decision goes to
 * {@code hiring-decisions-dlq} with the reason, and the rest of its batch proceeds. A database outage is retried until
 * the database is back, so no decision is lost to it; if the database refuses a batch's data, its decisions are
 * stored one at a time so that only the refused one goes to the dead-letter topic.
 */
@ApplicationScoped
public class DecisionConsumer {

    static final String DECISION_TYPE = "hiring.decision.made.v1";
    private static final Logger LOG = Logger.getLogger(DecisionConsumer.class);

    private final DecisionStore store;
    private final DecisionFeed feed;
    private final WebhookDispatcher dispatcher;
    private final RetryPolicy retryPolicy;
    private final DeadLetters deadLetters;

    public DecisionConsumer(DecisionStore store, DecisionFeed feed, WebhookDispatcher dispatcher,
            RetryPolicy retryPolicy, DeadLetters deadLetters) {
        this.store = store;
        this.feed = feed;
        this.dispatcher = dispatcher;
        this.retryPolicy = retryPolicy;
        this.deadLetters = deadLetters;
    }

    @Incoming("hiring-decisions")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<Parsed> decisions = new ArrayList<>(records.count());
        List<Uni<Void>> poison = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            String type = header(record, "ce_type");
            if (type != null && !type.equals(DECISION_TYPE)) {
                LOG.debugf("Ignoring %s record %s: not a decision", type, header(record, "ce_id"));
                continue;
            }
            try {
                decisions.add(new Parsed(record, DecisionJson.parse(record.value())));
            } catch (MalformedDecisionException e) {
                LOG.warnf("Malformed record at %s-%d@%d (ce_id %s) goes to the dead-letter topic: %s", record.topic(),
                        record.partition(), record.offset(), header(record, "ce_id"), e.getMessage());
                poison.add(deadLetters.send(record, e));
            }
        }
        Uni<Void> stored = decisions.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.createFrom().deferred(() -> store.recordAll(decisions.stream().map(Parsed::decision).toList(),
                                retryPolicy.firstDelay()))
                        .onFailure(DecisionConsumer::isTransient).retry()
                        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                        .invoke(this::announce)
                        .replaceWithVoid()
                        .onFailure().recoverWithUni(failure -> {
                            LOG.warnf("Storing a batch of %d decisions was refused (%s): storing them one at a time",
                                    decisions.size(), reason(failure));
                            return oneAtATime(decisions);
                        });
        return stored.chain(() -> poison.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(poison).andFailFast().replaceWithVoid());
    }

    /** After the database refused a batch: each decision on its own, so that only the refused one is dead-lettered. */
    private Uni<Void> oneAtATime(List<Parsed> decisions) {
        return Multi.createFrom().iterable(decisions)
                .onItem().transformToUniAndConcatenate(parsed -> Uni.createFrom()
                        .deferred(() -> store.recordAll(List.of(parsed.decision()), retryPolicy.firstDelay()))
                        .onFailure(DecisionConsumer::isTransient).retry()
                        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                        .invoke(this::announce)
                        .replaceWithVoid()
                        .onFailure().recoverWithUni(failure -> {
                            ConsumerRecord<String, String> record = parsed.record();
                            LOG.warnf("Decision %s at %s-%d@%d cannot be stored and goes to the dead-letter topic: %s",
                                    parsed.decision().eventId(), record.topic(), record.partition(), record.offset(),
                                    reason(failure));
                            return deadLetters.send(record, new MalformedDecisionException("decision "
                                    + parsed.decision().eventId() + " cannot be stored: " + reason(failure)));
                        }))
                .collect().last().replaceWithVoid();
    }

    /** Newly stored decisions to the live feed, in sequence order, and the dispatcher woken when they have deliveries. */
    private void announce(List<DecisionStore.Recorded> recorded) {
        boolean deliveries = false;
        for (DecisionStore.Recorded stored : recorded) {
            LOG.debugf("Stored decision %s with %d deliveries", stored.decision().eventId(), stored.deliveries());
            feed.publish(stored.decision());
            deliveries |= stored.deliveries() > 0;
        }
        if (deliveries) {
            dispatcher.wake();
        }
    }

    private record Parsed(ConsumerRecord<String, String> record, IncomingDecision decision) {
    }

    /**
     * A lost or busy connection passes: retry. A data, constraint or statement error (SQLSTATE classes 22, 23, 42)
     * will fail again with the same record: it goes to the dead-letter topic.
     */
    static boolean isTransient(Throwable failure) {
        if (failure instanceof PgException pg) {
            String state = pg.getSqlState() == null ? "" : pg.getSqlState();
            return !(state.startsWith("22") || state.startsWith("23") || state.startsWith("42"));
        }
        return failure instanceof java.io.IOException
                || failure instanceof io.vertx.core.VertxException
                || failure instanceof io.vertx.core.impl.NoStackTraceThrowable
                || failure instanceof java.util.concurrent.TimeoutException;
    }

    /** The database's reason without the data it refused (a PgException's detail, not shown, may quote it). */
    private static String reason(Throwable failure) {
        if (failure instanceof PgException pg) {
            return "the database refused it (SQLSTATE " + pg.getSqlState() + ")";
        }
        return failure.getClass().getSimpleName();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
