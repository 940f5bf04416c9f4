package io.debrief.notification.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.debrief.notification.domain.IncomingDecision;
import io.debrief.notification.domain.StoredDecision;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Received decisions, stored once per (loopId, decisionVersion), and the deliveries they start. */
@ApplicationScoped
public class DecisionStore {

    private static final String COLUMNS = "seq, loop_id, decision_version, payload::text AS payload, summary, received_at";

    private final Pool pool;

    public DecisionStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Taken before decisions get their sequence numbers and held until the commit: decisions commit one after another
     * in sequence order (across consumers and instances), so a stream that resumes "after sequence n" misses none.
     * Only the insert and the commit are serialised; the rest of the consumer's work runs in parallel.
     */
    public Uni<Void> lockSequence(SqlConnection transaction) {
        return transaction.query("SELECT pg_advisory_xact_lock(7243519)").execute().replaceWithVoid();
    }

    /**
     * Inserts the decisions not stored yet with one statement, each with the trace context it arrived with; they get their sequence numbers in the list's order.
     * The result lists the newly stored ones in sequence order; decisions already stored (redeliveries, duplicates
     * within the list) are left out.
     */
    public Uni<List<StoredDecision>> insertNew(SqlConnection transaction, List<IncomingDecision> decisions) {
        int n = decisions.size();
        String[] loopIds = new String[n];
        Integer[] versions = new Integer[n];
        String[] outcomes = new String[n];
        String[] levels = new String[n];
        String[] payloads = new String[n];
        String[] summaries = new String[n];
        String[] traceparents = new String[n];
        String[] tracestates = new String[n];
        for (int i = 0; i < n; i++) {
            IncomingDecision decision = decisions.get(i);
            loopIds[i] = decision.loopId();
            versions[i] = decision.decisionVersion();
            outcomes[i] = decision.outcome();
            levels[i] = decision.level();
            payloads[i] = decision.json();
            summaries[i] = decision.summary();
            traceparents[i] = decision.trace().traceparent();
            tracestates[i] = decision.trace().tracestate();
        }
        return transaction.preparedQuery("INSERT INTO decision (loop_id, decision_version, outcome, level, payload, summary,"
                        + " traceparent, tracestate)"
                        + " SELECT t.loop_id, t.version, t.outcome, t.level, CAST(t.payload AS jsonb), t.summary,"
                        + " t.traceparent, t.tracestate"
                        + " FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[],"
                        + " $7::text[], $8::text[])"
                        + " WITH ORDINALITY AS t (loop_id, version, outcome, level, payload, summary, traceparent,"
                        + " tracestate, position)"
                        + " ORDER BY t.position"
                        + " ON CONFLICT ON CONSTRAINT decision_identity DO NOTHING RETURNING " + COLUMNS)
                .execute(Tuple.from(List.<Object>of(loopIds, versions, outcomes, levels, payloads, summaries,
                        traceparents, tracestates)))
                .map(rows -> {
                    List<StoredDecision> stored = toDecisions(rows);
                    stored.sort(Comparator.comparingLong(StoredDecision::seq));
                    return stored;
                });
    }

    /** A new delivery: one decision to one subscription. */
    public record NewDelivery(String webhookId, long decisionSeq, UUID subscriptionId, String eventId) {
    }

    /**
     * Queues the deliveries with one statement, each first due after {@code firstDelay}. A subscription deleted
     * meanwhile gets none. Yields how many were queued per decision sequence number.
     */
    public Uni<List<Long>> enqueue(SqlConnection transaction, List<NewDelivery> deliveries, Duration firstDelay) {
        if (deliveries.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int n = deliveries.size();
        String[] webhookIds = new String[n];
        Long[] seqs = new Long[n];
        UUID[] subscriptions = new UUID[n];
        String[] eventIds = new String[n];
        for (int i = 0; i < n; i++) {
            webhookIds[i] = deliveries.get(i).webhookId();
            seqs[i] = deliveries.get(i).decisionSeq();
            subscriptions[i] = deliveries.get(i).subscriptionId();
            eventIds[i] = deliveries.get(i).eventId();
        }
        return transaction.preparedQuery("INSERT INTO delivery (webhook_id, decision_seq, subscription_id, event_type,"
                        + " ce_id, status, next_attempt_at)"
                        + " SELECT t.webhook_id, t.seq, t.subscription_id, 'hiring.decision.made', t.ce_id, 'PENDING',"
                        + " now() + $5::bigint * interval '1 millisecond'"
                        + " FROM unnest($1::text[], $2::bigint[], $3::uuid[], $4::text[]) WITH ORDINALITY"
                        + "   AS t (webhook_id, seq, subscription_id, ce_id, position)"
                        + " JOIN subscription s ON s.id = t.subscription_id"
                        + " ORDER BY t.position"
                        + " ON CONFLICT DO NOTHING RETURNING decision_seq")
                .execute(Tuple.of(webhookIds, seqs, subscriptions, eventIds, firstDelay.toMillis()))
                .map(rows -> {
                    List<Long> queued = new ArrayList<>();
                    rows.forEach(row -> queued.add(row.getLong("decision_seq")));
                    return queued;
                });
    }

    /** A loop's decisions, or the latest decisions of all loops, newest first. */
    public Uni<List<StoredDecision>> newestFirst(String loopId, int limit) {
        if (loopId == null || loopId.isBlank()) {
            return pool.preparedQuery("SELECT " + COLUMNS + " FROM decision ORDER BY seq DESC LIMIT $1")
                    .execute(Tuple.of(limit))
                    .map(DecisionStore::toDecisions);
        }
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM decision WHERE loop_id = $1"
                        + " ORDER BY decision_version DESC, seq DESC LIMIT $2")
                .execute(Tuple.of(loopId, limit))
                .map(DecisionStore::toDecisions);
    }

    /** The received position of a decision, by its event id {@code loopId:decisionVersion}. */
    public Uni<Optional<Long>> seqOf(String loopId, int decisionVersion) {
        return pool.preparedQuery("SELECT seq FROM decision WHERE loop_id = $1 AND decision_version = $2")
                .execute(Tuple.of(loopId, decisionVersion))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong("seq")));
    }

    /** The sequence number of the last decision stored, 0 when there is none. */
    public Uni<Long> lastSeq() {
        return pool.query("SELECT coalesce(max(seq), 0) AS last FROM decision").execute()
                .map(rows -> rows.iterator().next().getLong("last"));
    }

    /** Decisions received after {@code seq}, oldest first. */
    public Uni<List<StoredDecision>> after(long seq, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM decision WHERE seq > $1 ORDER BY seq LIMIT $2")
                .execute(Tuple.of(seq, limit))
                .map(DecisionStore::toDecisions);
    }

    private static List<StoredDecision> toDecisions(RowSet<Row> rows) {
        List<StoredDecision> decisions = new ArrayList<>();
        rows.forEach(row -> decisions.add(Rows.decision(row)));
        return decisions;
    }
}
