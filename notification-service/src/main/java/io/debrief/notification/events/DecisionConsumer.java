package io.debrief.notification.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.debrief.notification.domain.RetryPolicy;
import io.debrief.notification.store.DecisionStore;
import io.debrief.notification.webhooks.WebhookDispatcher;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/**
 * Consumes {@code hiring.decision.made.v1} from {@code hiring-decisions}. Each (loopId, decisionVersion) is stored
 * once, together with one delivery per matching subscription, in one transaction; only then is the record acked.
 * A redelivered record changes nothing. A record that is not a Decision fails and the channel's dead-letter strategy
 * moves it to {@code hiring-decisions-dlq}; a database outage is retried instead, so no decision is lost to it.
 */
@ApplicationScoped
public class DecisionConsumer {

    static final String DECISION_TYPE = "hiring.decision.made.v1";
    private static final Logger LOG = Logger.getLogger(DecisionConsumer.class);

    private final DecisionStore store;
    private final DecisionFeed feed;
    private final WebhookDispatcher dispatcher;
    private final RetryPolicy retryPolicy;

    public DecisionConsumer(DecisionStore store, DecisionFeed feed, WebhookDispatcher dispatcher,
            RetryPolicy retryPolicy) {
        this.store = store;
        this.feed = feed;
        this.dispatcher = dispatcher;
        this.retryPolicy = retryPolicy;
    }

    @Incoming("hiring-decisions")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        String type = header(record, "ce_type");
        if (type != null && !type.equals(DECISION_TYPE)) {
            LOG.debugf("Ignoring %s record %s: not a decision", type, header(record, "ce_id"));
            return Uni.createFrom().voidItem();
        }
        IncomingDecision decision;
        try {
            decision = DecisionJson.parse(record.value());
        } catch (MalformedDecisionException e) {
            LOG.warnf("Malformed record at %s-%d@%d (ce_id %s) goes to the dead-letter topic: %s", record.topic(),
                    record.partition(), record.offset(), header(record, "ce_id"), e.getMessage());
            return Uni.createFrom().failure(e);
        }
        return store.record(decision, retryPolicy.firstDelay())
                .onFailure(DecisionConsumer::isTransient).retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                .onFailure(e -> !(e instanceof MalformedDecisionException)).transform(e -> new MalformedDecisionException(
                        "decision " + decision.eventId() + " cannot be stored: " + reason(e), e))
                .invoke(recorded -> recorded.ifPresent(stored -> {
                    LOG.debugf("Stored decision %s with %d deliveries", decision.eventId(), stored.deliveries());
                    feed.publish(stored.decision());
                    if (stored.deliveries() > 0) {
                        dispatcher.wake();
                    }
                }))
                .replaceWithVoid();
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
