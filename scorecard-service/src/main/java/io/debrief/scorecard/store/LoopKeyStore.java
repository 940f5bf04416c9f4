package io.debrief.scorecard.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The loops' keys ({@code loop_key}): the one place the candidate's sealed name can be opened from. Erasure deletes a
 * loop's key in the transaction that scrubs the rest of its personal data.
 */
@ApplicationScoped
public class LoopKeyStore {

    private final Pool pool;

    public LoopKeyStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> insert(SqlClient tx, UUID loopId, byte[] key) {
        return tx.preparedQuery("INSERT INTO loop_key (loop_id, key) VALUES ($1, $2)")
                .execute(Tuple.of(loopId, Buffer.buffer(key))).replaceWithVoid();
    }

    /** The keys of those of {@code loopIds} that have one (not erased, opened with a key). */
    public Uni<Map<UUID, byte[]>> find(Collection<UUID> loopIds) {
        return pool.preparedQuery("SELECT loop_id, key FROM loop_key WHERE loop_id = ANY($1)")
                .execute(Tuple.of(loopIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, byte[]> keys = new HashMap<>();
                    rows.forEach(row -> keys.put(row.getUUID(0), row.getBuffer(1).getBytes()));
                    return keys;
                });
    }

    public Uni<Void> delete(SqlClient tx, Collection<UUID> loopIds) {
        return tx.preparedQuery("DELETE FROM loop_key WHERE loop_id = ANY($1)")
                .execute(Tuple.of(loopIds.toArray(UUID[]::new))).replaceWithVoid();
    }
}
