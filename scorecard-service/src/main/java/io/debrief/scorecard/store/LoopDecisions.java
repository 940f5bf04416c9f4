package io.debrief.scorecard.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * When each loop was last decided ({@code loop_decision}): the latest {@code decidedAt} of its computed and final
 * decisions, as consumed from {@code hiring-decisions}, and when it was last erased. Retention
 * ({@code debrief.retention.erase-after}) erases a loop that long after its last decision: {@link #decidedBefore}.
 */
@ApplicationScoped
public class LoopDecisions {

    private final Pool pool;

    public LoopDecisions(Pool pool) {
        this.pool = pool;
    }

    /** Moves the loop's last decision time to {@code decidedAt} if that is later (a redelivery changes nothing). */
    public Uni<Void> decided(SqlClient tx, UUID loopId, Instant decidedAt) {
        return tx.preparedQuery("""
                        INSERT INTO loop_decision (loop_id, last_decided_at) VALUES ($1, $2)
                        ON CONFLICT (loop_id) DO UPDATE
                           SET last_decided_at = GREATEST(loop_decision.last_decided_at, EXCLUDED.last_decided_at)""")
                .execute(Tuple.of(loopId, Times.utc(decidedAt))).replaceWithVoid();
    }

    /** Notes that the loop's personal data was erased at {@code at}: it is not due again unless decided later. */
    public Uni<Void> erased(SqlClient tx, UUID loopId, Instant at) {
        return tx.preparedQuery("UPDATE loop_decision SET erased_at = GREATEST(erased_at, $2) WHERE loop_id = $1")
                .execute(Tuple.of(loopId, Times.utc(at))).replaceWithVoid();
    }

    /** The time of the loop's last decision, if it has one. */
    public Uni<Optional<Instant>> lastDecidedAt(UUID loopId) {
        return pool.preparedQuery("SELECT last_decided_at FROM loop_decision WHERE loop_id = $1")
                .execute(Tuple.of(loopId))
                .map(rows -> rows.rowCount() == 0 ? Optional.<Instant>empty()
                        : Optional.of(rows.iterator().next().getOffsetDateTime(0).toInstant()));
    }

    /**
     * Retention: up to {@code limit} loops whose last decision is older than {@code cutoff} (e.g. now minus
     * {@code debrief.retention.erase-after}) and that have not been erased since, oldest decision first.
     */
    public Uni<List<UUID>> decidedBefore(Instant cutoff, int limit) {
        return decidedBefore(pool, cutoff, limit);
    }

    /** {@link #decidedBefore(Instant, int)} on the caller's connection or transaction. */
    public Uni<List<UUID>> decidedBefore(SqlClient client, Instant cutoff, int limit) {
        return due(client, cutoff, limit, "");
    }

    /**
     * {@link #decidedBefore(Instant, int)} for a retention job running on several instances: on the caller's
     * transaction, the due loops' rows are locked until it ends and rows another transaction holds are skipped
     * ({@code FOR UPDATE SKIP LOCKED}), so each due loop is handed to one instance at a time.
     */
    public Uni<List<UUID>> claimDue(SqlConnection tx, Instant cutoff, int limit) {
        return due(tx, cutoff, limit, " FOR UPDATE SKIP LOCKED");
    }

    private static Uni<List<UUID>> due(SqlClient client, Instant cutoff, int limit, String locking) {
        return client.preparedQuery("""
                        SELECT loop_id FROM loop_decision
                         WHERE last_decided_at < $1 AND (erased_at IS NULL OR erased_at < last_decided_at)
                         ORDER BY last_decided_at, loop_id
                         LIMIT $2""" + locking)
                .execute(Tuple.of(Times.utc(cutoff), limit))
                .map(rows -> {
                    List<UUID> loops = new ArrayList<>();
                    rows.forEach(row -> loops.add(row.getUUID(0)));
                    return loops;
                });
    }
}
