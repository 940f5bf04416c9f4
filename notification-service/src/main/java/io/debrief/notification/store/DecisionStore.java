package io.debrief.notification.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.debrief.notification.events.IncomingDecision;
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

    /**
     * Taken before a decision gets its sequence number and held until the commit: decisions commit one after another
     * in sequence order (across consumers and instances), so a stream that resumes "after sequence n" misses none.
     * Only the insert and the commit are serialised; the rest of the consumer's work runs in parallel.
     */
    private static final String SEQUENCE_IN_COMMIT_ORDER = "SELECT pg_advisory_xact_lock(7243519)";

    private final Pool pool;

    public DecisionStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Stores a batch of decisions and their deliveries in one transaction, with a constant number of statements: the
     * decisions not stored yet get their sequence numbers in the batch's order. The result lists the newly stored
     * ones in sequence order; decisions already stored (redeliveries, duplicates within the batch) are left out.
     */
    public Uni<List<Recorded>> recordAll(List<IncomingDecision> decisions, Duration firstDelay) {
        if (decisions.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.withTransaction(connection -> connection.query(SEQUENCE_IN_COMMIT_ORDER).execute()
                .flatMap(locked -> insertAll(connection, decisions))
                .flatMap(stored -> enqueueAll(connection, stored, decisions, firstDelay)));
    }

    private Uni<List<StoredDecision>> insertAll(SqlConnection connection, List<IncomingDecision> decisions) {
        int n = decisions.size();
        String[] loopIds = new String[n];
        Integer[] versions = new Integer[n];
        String[] outcomes = new String[n];
        String[] levels = new String[n];
        String[] payloads = new String[n];
        String[] summaries = new String[n];
        for (int i = 0; i < n; i++) {
            IncomingDecision decision = decisions.get(i);
            loopIds[i] = decision.loopId();
            versions[i] = decision.decisionVersion();
            outcomes[i] = decision.outcome();
            levels[i] = decision.level();
            payloads[i] = decision.json();
            summaries[i] = decision.summary();
        }
        return connection.preparedQuery("INSERT INTO decision (loop_id, decision_version, outcome, level, payload, summary)"
                        + " SELECT t.loop_id, t.version, t.outcome, t.level, CAST(t.payload AS jsonb), t.summary"
                        + " FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[])"
                        + " WITH ORDINALITY AS t (loop_id, version, outcome, level, payload, summary, position)"
                        + " ORDER BY t.position"
                        + " ON CONFLICT ON CONSTRAINT decision_identity DO NOTHING RETURNING " + COLUMNS)
                .execute(Tuple.of(loopIds, versions, outcomes, levels, payloads, summaries))
                .map(rows -> {
                    List<StoredDecision> stored = toDecisions(rows);
                    stored.sort(Comparator.comparingLong(StoredDecision::seq));
                    return stored;
                });
    }

    private Uni<List<Recorded>> enqueueAll(SqlConnection connection, List<StoredDecision> stored,
            List<IncomingDecision> decisions, Duration firstDelay) {
        if (stored.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Map<String, IncomingDecision> byEventId = new HashMap<>();
        decisions.forEach(decision -> byEventId.putIfAbsent(decision.eventId(), decision));
        int n = stored.size();
        String[] eventIds = new String[n];
        Long[] seqs = new Long[n];
        String[] outcomes = new String[n];
        String[] levels = new String[n];
        for (int i = 0; i < n; i++) {
            IncomingDecision decision = byEventId.get(stored.get(i).eventId());
            eventIds[i] = stored.get(i).eventId();
            seqs[i] = stored.get(i).seq();
            outcomes[i] = decision.outcome();
            levels[i] = decision.level();
        }
        return connection.preparedQuery("INSERT INTO delivery (webhook_id, decision_seq, subscription_id, status, next_attempt_at)"
                        + " SELECT t.event_id || ':' || s.id::text, t.seq, s.id, 'PENDING',"
                        + " now() + $5::bigint * interval '1 millisecond'"
                        + " FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[]) AS t (event_id, seq, outcome, level)"
                        + " JOIN subscription s ON s.disabled_at IS NULL"
                        + "   AND (cardinality(s.outcomes) = 0 OR t.outcome = ANY (s.outcomes))"
                        + "   AND (cardinality(s.levels) = 0 OR t.level = ANY (s.levels))"
                        + " ORDER BY t.seq, s.id"
                        + " ON CONFLICT DO NOTHING RETURNING decision_seq")
                .execute(Tuple.of(eventIds, seqs, outcomes, levels, firstDelay.toMillis()))
                .map(rows -> {
                    Map<Long, Integer> deliveries = new HashMap<>();
                    rows.forEach(row -> deliveries.merge(row.getLong("decision_seq"), 1, Integer::sum));
                    List<Recorded> recorded = new ArrayList<>(n);
                    for (StoredDecision decision : stored) {
                        recorded.add(new Recorded(decision, deliveries.getOrDefault(decision.seq(), 0)));
                    }
                    return recorded;
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

    /** A newly stored decision and how many deliveries it started. */
    public record Recorded(StoredDecision decision, int deliveries) {
    }
}
