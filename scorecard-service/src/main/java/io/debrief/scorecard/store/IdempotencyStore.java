package io.debrief.scorecard.store;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.debrief.scorecard.config.IdempotencyConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Idempotency keys (Stripe style). A key is claimed in the transaction of the change it protects: the primary key
 * makes a concurrent request with the same key wait for that transaction, then see the stored response (commit) or
 * claim the key itself (rollback). Keys expire after {@code debrief.idempotency.ttl}. A key is scoped to its
 * caller (the token's {@code sub}): two callers' equal keys are two keys.
 */
@ApplicationScoped
public class IdempotencyStore {

    private static final Logger LOG = Logger.getLogger(IdempotencyStore.class);

    /** A client's {@code Idempotency-Key} in the scope of the caller ({@code sub}) who sent it. */
    public record Key(String caller, String value) {
        public Key {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(value, "value");
        }
    }

    /** The first response given under a key, with the hash of the request that produced it. */
    public record StoredResponse(String requestHash, int status, String location, String body) {
    }

    private final Pool pool;
    private final Duration ttl;

    public IdempotencyStore(Pool pool, IdempotencyConfig config) {
        this.pool = pool;
        this.ttl = config.ttl();
    }

    /**
     * Claims {@code key} for this transaction. Empty when claimed (new, or the old use expired); otherwise the
     * response stored by the first use.
     */
    public Uni<Optional<StoredResponse>> claim(SqlConnection tx, Key key, String requestHash) {
        return tx.preparedQuery("""
                        INSERT INTO idempotency_key (caller, idempotency_key, request_hash, created_at)
                        VALUES ($1, $2, $3, now())
                        ON CONFLICT (caller, idempotency_key) DO UPDATE
                           SET request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at,
                               response_status = NULL, response_location = NULL, response_body = NULL
                         WHERE idempotency_key.created_at < now() - $4::integer * interval '1 second'
                        RETURNING idempotency_key""")
                .execute(Tuple.of(key.caller(), key.value(), requestHash, ttlSeconds()))
                .flatMap(claimed -> claimed.rowCount() == 1
                        ? Uni.createFrom().item(Optional.<StoredResponse>empty())
                        : tx.preparedQuery("SELECT request_hash, response_status, response_location, response_body "
                                        + "FROM idempotency_key WHERE caller = $1 AND idempotency_key = $2")
                                .execute(Tuple.of(key.caller(), key.value()))
                                .map(rows -> {
                                    Row row = rows.iterator().next();
                                    return Optional.of(new StoredResponse(row.getString(0), row.getInteger(1),
                                            row.getString(2), row.getString(3)));
                                }));
    }

    /** Records the response of the request that claimed {@code key}, in the same transaction. */
    public Uni<Void> complete(SqlConnection tx, Key key, int status, String location, String body) {
        return tx.preparedQuery("UPDATE idempotency_key SET response_status = $3, response_location = $4, "
                        + "response_body = $5 WHERE caller = $1 AND idempotency_key = $2")
                .execute(Tuple.from(new Object[] {key.caller(), key.value(), status, location, body}))
                .replaceWithVoid();
    }

    /** Deletes the keys whose time is up. */
    public Uni<Void> purgeExpired() {
        return pool.preparedQuery("DELETE FROM idempotency_key WHERE created_at < now() - $1::integer * interval '1 second'")
                .execute(Tuple.of(ttlSeconds()))
                .invoke(rows -> {
                    if (rows.rowCount() > 0) {
                        LOG.debugf("purged %d expired idempotency keys", rows.rowCount());
                    }
                })
                .replaceWithVoid();
    }

    private int ttlSeconds() {
        return (int) ttl.toSeconds();
    }
}
