package io.debrief.notification.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.debrief.notification.domain.Delivery;
import io.debrief.notification.domain.EventType;
import io.debrief.notification.domain.DeliveryStatus;
import io.debrief.notification.domain.TraceContext;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The durable webhook queue. Instances share it safely: a claim locks due rows with {@code FOR UPDATE SKIP LOCKED} and
 * moves their {@code next_attempt_at} to the end of a lease in the same statement, so no other instance sends the
 * same attempt, and a crashed attempt is retried once the lease has expired. Results are recorded only by the holder
 * of the claim token and only while the delivery is still PENDING.
 */
@ApplicationScoped
public class DeliveryStore {

    private static final String LOG_COLUMNS = "d.webhook_id, d.subscription_id, d.event_type,"
            + " COALESCE(d.ce_id, dec.loop_id || ':' || dec.decision_version) AS ce_id,"
            + " COALESCE(dec.loop_id, ev.loop_id) AS loop_id, dec.decision_version,"
            + " d.status, d.attempts, d.last_status_code, d.last_error, d.next_attempt_at, d.delivered_at";
    private static final String LOG_FROM = " FROM delivery d LEFT JOIN decision dec ON dec.seq = d.decision_seq"
            + " LEFT JOIN event ev ON ev.seq = d.event_seq";

    private final Pool pool;

    public DeliveryStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Claims up to {@code limit} due deliveries for one attempt each, holding them for {@code lease}; each with the
     * trace context its decision or event arrived with.
     */
    public Uni<List<ClaimedDelivery>> claimDue(int limit, Duration lease) {
        UUID token = UUID.randomUUID();
        return pool.preparedQuery("WITH due AS ("
                        + "   SELECT id FROM delivery"
                        + "   WHERE status = 'PENDING' AND next_attempt_at <= now()"
                        + "   ORDER BY next_attempt_at LIMIT $1"
                        + "   FOR UPDATE SKIP LOCKED),"
                        + " claimed AS ("
                        + "   UPDATE delivery d"
                        + "   SET next_attempt_at = now() + $2::bigint * interval '1 millisecond',"
                        + "       attempts = d.attempts + 1, claim_token = $3"
                        + "   FROM due WHERE d.id = due.id"
                        + "   RETURNING d.id, d.webhook_id, d.attempts, d.subscription_id, d.event_type, d.decision_seq,"
                        + "     d.event_seq)"
                        + " SELECT c.id, c.webhook_id, c.attempts, c.subscription_id, c.event_type, s.url, s.secret,"
                        + "   dec.seq, dec.loop_id, dec.decision_version, dec.payload::text AS payload, dec.summary,"
                        + "   dec.received_at, ev.seq AS ev_seq, ev.ce_id AS ev_ce_id, ev.type AS ev_type,"
                        + "   ev.loop_id AS ev_loop_id, ev.payload::text AS ev_payload, ev.occurred_at AS ev_occurred_at,"
                        + "   COALESCE(dec.traceparent, ev.traceparent) AS traceparent,"
                        + "   COALESCE(dec.tracestate, ev.tracestate) AS tracestate"
                        + " FROM claimed c JOIN subscription s ON s.id = c.subscription_id"
                        + " LEFT JOIN decision dec ON dec.seq = c.decision_seq"
                        + " LEFT JOIN event ev ON ev.seq = c.event_seq")
                .execute(Tuple.of(limit, lease.toMillis(), token))
                .map(rows -> {
                    List<ClaimedDelivery> claimed = new ArrayList<>();
                    rows.forEach(row -> claimed.add(new ClaimedDelivery(row.getLong("id"), token,
                            row.getString("webhook_id"), row.getInteger("attempts"), row.getUUID("subscription_id"),
                            row.getString("url"), row.getString("secret"),
                            EventType.ofWireName(row.getString("event_type")).orElse(EventType.DECISION_MADE),
                            row.getLong("seq") == null ? null : Rows.decision(row),
                            row.getLong("ev_seq") == null ? null : Rows.event(row, "ev_"),
                            TraceContext.of(row.getString("traceparent"), row.getString("tracestate")))));
                    return claimed;
                });
    }

    /**
     * Gives back the deliveries of one claim unsent, due again after {@code delay}, the claim's attempt not counted
     * (nothing was sent: the loop keys were unavailable).
     */
    public Uni<Integer> release(UUID claimToken, Duration delay) {
        return pool.preparedQuery("UPDATE delivery SET next_attempt_at = now() + $2::bigint * interval '1 millisecond',"
                        + " attempts = greatest(attempts - 1, 0), claim_token = NULL"
                        + " WHERE claim_token = $1 AND status = 'PENDING'")
                .execute(Tuple.of(claimToken, delay.toMillis()))
                .map(rows -> rows.rowCount());
    }

    public Uni<Boolean> markDelivered(ClaimedDelivery delivery, int statusCode) {
        return pool.preparedQuery("UPDATE delivery SET status = 'DELIVERED', delivered_at = now(),"
                        + " last_status_code = $3, last_error = NULL, next_attempt_at = NULL, claim_token = NULL"
                        + " WHERE id = $1 AND claim_token = $2 AND status = 'PENDING'")
                .execute(Tuple.of(delivery.id(), delivery.claimToken(), statusCode))
                .map(DeliveryStore::changed);
    }

    public Uni<Boolean> scheduleRetry(ClaimedDelivery delivery, Integer statusCode, String error, Duration delay) {
        return pool.preparedQuery("UPDATE delivery SET next_attempt_at = now() + $3::bigint * interval '1 millisecond',"
                        + " last_status_code = $4, last_error = $5, claim_token = NULL"
                        + " WHERE id = $1 AND claim_token = $2 AND status = 'PENDING'")
                .execute(Tuple.of(delivery.id(), delivery.claimToken(), delay.toMillis(), statusCode, error))
                .map(DeliveryStore::changed);
    }

    public Uni<Boolean> markFailed(ClaimedDelivery delivery, Integer statusCode, String error) {
        return pool.preparedQuery("UPDATE delivery SET status = 'FAILED', next_attempt_at = NULL,"
                        + " last_status_code = $3, last_error = $4, claim_token = NULL"
                        + " WHERE id = $1 AND claim_token = $2 AND status = 'PENDING'")
                .execute(Tuple.of(delivery.id(), delivery.claimToken(), statusCode, error))
                .map(DeliveryStore::changed);
    }

    /**
     * The receiver answered 410 Gone: fails this delivery, disables the subscription and fails its other pending
     * deliveries, in one transaction.
     */
    public Uni<Void> disableSubscription(ClaimedDelivery delivery, int statusCode, String reason) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("UPDATE delivery SET status = 'FAILED', next_attempt_at = NULL,"
                        + " last_status_code = $3, last_error = $4, claim_token = NULL"
                        + " WHERE id = $1 AND claim_token = $2 AND status = 'PENDING'")
                .execute(Tuple.of(delivery.id(), delivery.claimToken(), statusCode, reason))
                .flatMap(ignored -> connection.preparedQuery("UPDATE subscription SET disabled_at = now(),"
                                + " disabled_reason = $2 WHERE id = $1 AND disabled_at IS NULL")
                        .execute(Tuple.of(delivery.subscriptionId(), reason)))
                .flatMap(ignored -> connection.preparedQuery("UPDATE delivery SET status = 'FAILED',"
                                + " next_attempt_at = NULL, claim_token = NULL, last_error = $2"
                                + " WHERE subscription_id = $1 AND status = 'PENDING'")
                        .execute(Tuple.of(delivery.subscriptionId(), "subscription disabled: " + reason)))
                .replaceWithVoid());
    }

    /** The delivery log of a subscription, newest first. */
    public Uni<List<Delivery>> ofSubscription(UUID subscriptionId, int limit) {
        return pool.preparedQuery("SELECT " + LOG_COLUMNS + LOG_FROM
                        + " WHERE d.subscription_id = $1 ORDER BY d.id DESC LIMIT $2")
                .execute(Tuple.of(subscriptionId, limit))
                .map(DeliveryStore::toDeliveries);
    }

    public Uni<Optional<Delivery>> find(UUID subscriptionId, String webhookId) {
        return pool.preparedQuery("SELECT " + LOG_COLUMNS + LOG_FROM
                        + " WHERE d.subscription_id = $1 AND d.webhook_id = $2")
                .execute(Tuple.of(subscriptionId, webhookId))
                .map(rows -> toDeliveries(rows).stream().findFirst());
    }

    /** Puts a FAILED delivery back in the queue with a fresh schedule; false when it is not FAILED. */
    public Uni<Boolean> requeueFailed(UUID subscriptionId, String webhookId) {
        return pool.preparedQuery("UPDATE delivery SET status = 'PENDING', attempts = 0, next_attempt_at = now(),"
                        + " claim_token = NULL, delivered_at = NULL"
                        + " WHERE subscription_id = $1 AND webhook_id = $2 AND status = 'FAILED'")
                .execute(Tuple.of(subscriptionId, webhookId))
                .map(DeliveryStore::changed);
    }

    private static boolean changed(RowSet<Row> result) {
        return result.rowCount() > 0;
    }

    private static List<Delivery> toDeliveries(RowSet<Row> rows) {
        List<Delivery> deliveries = new ArrayList<>();
        rows.forEach(row -> deliveries.add(new Delivery(row.getString("webhook_id"), row.getUUID("subscription_id"),
                EventType.ofWireName(row.getString("event_type")).orElse(EventType.DECISION_MADE),
                row.getString("ce_id"), row.getString("loop_id"), row.getInteger("decision_version"),
                DeliveryStatus.valueOf(row.getString("status")), row.getInteger("attempts"),
                row.getInteger("last_status_code"), row.getString("last_error"), Rows.instant(row, "next_attempt_at"),
                Rows.instant(row, "delivered_at"))));
        return deliveries;
    }
}
