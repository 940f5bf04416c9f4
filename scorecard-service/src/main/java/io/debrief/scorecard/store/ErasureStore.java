package io.debrief.scorecard.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What erasing a loop changes in this service's database, on the caller's transaction (issue 18): the loop's key is
 * deleted (its sealed name opens nowhere any more), the candidate's name, every note and every evidence text are
 * removed, and the stored first responses of its {@code Idempotency-Key}s lose the same fields. Ids, panel, scores,
 * flags, recommendations and times stay for the statistics.
 */
@ApplicationScoped
public class ErasureStore {

    /** A loop of the candidate being erased, locked: whether, and when, it was erased before. */
    public record LockedLoop(UUID loopId, String candidateId, Instant erasedAt) {
    }

    private final ObjectMapper mapper;

    public ErasureStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Every loop of {@code candidateId}, locked in id order until the transaction ends (a scorecard written at the
     * same time lands before the erasure, and is erased, or after it, and is refused).
     */
    public Uni<List<LockedLoop>> lockLoopsOf(SqlConnection tx, String candidateId) {
        return tx.preparedQuery("SELECT loop_id, candidate_id, erased_at FROM hiring_loop WHERE candidate_id = $1 "
                        + "ORDER BY loop_id FOR UPDATE")
                .execute(Tuple.of(candidateId))
                .map(ErasureStore::lockedLoops);
    }

    /**
     * Those of {@code loopIds} no other transaction holds, locked until this one ends; a loop being erased or written
     * elsewhere is skipped (retention takes it next round), so retention never waits behind, or deadlocks with, an
     * erasure.
     */
    public Uni<List<LockedLoop>> lockFree(SqlConnection tx, Collection<UUID> loopIds) {
        return tx.preparedQuery("SELECT loop_id, candidate_id, erased_at FROM hiring_loop WHERE loop_id = ANY($1) "
                        + "ORDER BY loop_id FOR UPDATE SKIP LOCKED")
                .execute(Tuple.of(loopIds.toArray(UUID[]::new)))
                .map(ErasureStore::lockedLoops);
    }

    /** Removes the personal data of {@code loopIds} (locked by this transaction), erased at {@code at}. */
    public Uni<Void> scrub(SqlConnection tx, List<UUID> loopIds, Instant at) {
        Tuple ids = Tuple.of(loopIds.toArray(UUID[]::new));
        Uni<?> keys = tx.preparedQuery("DELETE FROM loop_key WHERE loop_id = ANY($1)").execute(ids);
        Uni<?> loops = tx.preparedQuery("UPDATE hiring_loop SET candidate_name = NULL, erased_at = $2 "
                        + "WHERE loop_id = ANY($1)")
                .execute(Tuple.of(loopIds.toArray(UUID[]::new), Times.utc(at)));
        Uni<?> scorecards = tx.preparedQuery("UPDATE scorecard_version SET notes = NULL, evidence = '{}'::jsonb "
                        + "WHERE loop_id = ANY($1) AND (notes IS NOT NULL OR evidence <> '{}'::jsonb)")
                .execute(ids);
        return Uni.combine().all().unis(keys, loops, scorecards).discardItems()
                .chain(() -> scrubIdempotentResponses(tx, loopIds));
    }

    /**
     * A stored first response (a Loop or a Scorecard, as JSON) of one of the loops keeps its shape and loses the
     * candidate's name, its notes and its evidence, so that a replay of its key answers what a read would.
     */
    private Uni<Void> scrubIdempotentResponses(SqlConnection tx, List<UUID> loopIds) {
        String[] patterns = loopIds.stream().map(id -> "%\"loopId\":\"" + id + "\"%").toArray(String[]::new);
        return tx.preparedQuery("SELECT caller, idempotency_key, response_body FROM idempotency_key "
                        + "WHERE response_body LIKE ANY($1) FOR UPDATE")
                .execute(Tuple.of(patterns))
                .flatMap(rows -> {
                    List<Tuple> scrubbed = new ArrayList<>();
                    for (Row row : rows) {
                        scrubbed.add(Tuple.of(row.getString(0), row.getString(1), scrubbed(row.getString(2))));
                    }
                    return scrubbed.isEmpty() ? Uni.createFrom().voidItem()
                            : tx.preparedQuery("UPDATE idempotency_key SET response_body = $3 "
                                            + "WHERE caller = $1 AND idempotency_key = $2")
                                    .executeBatch(scrubbed).replaceWithVoid();
                });
    }

    private String scrubbed(String body) {
        try {
            JsonNode json = mapper.readTree(body);
            if (json instanceof ObjectNode object) {
                if (object.get("candidate") instanceof ObjectNode candidate && candidate.has("name")) {
                    candidate.putNull("name");
                }
                if (object.has("notes")) {
                    object.putNull("notes");
                }
                if (object.has("evidence")) {
                    object.putObject("evidence");
                }
            }
            return mapper.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            return null; // not a body this service wrote: keep nothing of it
        }
    }

    private static List<LockedLoop> lockedLoops(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<LockedLoop> loops = new ArrayList<>();
        for (Row row : rows) {
            loops.add(new LockedLoop(row.getUUID(0), row.getString(1), Times.instant(row.getOffsetDateTime(2))));
        }
        return loops;
    }
}
