package io.debrief.scorecard.usecase;

import java.util.function.Function;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.debrief.platform.problem.ProblemException;
import io.debrief.scorecard.store.IdempotencyStore;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Idempotency keys (Stripe style) around the use cases whose requests may carry one (opening a loop, submitting a
 * scorecard). The key is claimed in the use case's own transaction: a repeat of the same request (same caller, same
 * hash of method, path and canonical body) gets the first reply again and changes nothing; the same key with another
 * request is a 422. Only successful replies are kept: a refused request rolls back, key included, so retrying it is
 * evaluated afresh.
 * <p>
 * Keys belong to the caller (the token's {@code sub}): a replay is served only to the caller whose request produced
 * it, and another caller's use of the same key is a request of its own, never someone else's stored reply.
 */
@ApplicationScoped
public class Idempotency {

    private static final Logger LOG = Logger.getLogger(Idempotency.class);

    /** A client's key in the scope of its caller, with the hash of the request it came with. */
    public record Key(String caller, String value, String requestHash) {
    }

    /** What a write answered (status, Location, JSON body), as sent and as kept for replays. */
    public record Reply(int status, String location, String body, boolean replayed) {
        public static Reply of(int status, String location, String body) {
            return new Reply(status, location, body, false);
        }
    }

    private final IdempotencyStore keys;

    public Idempotency(IdempotencyStore keys) {
        this.keys = keys;
    }

    /**
     * Runs {@code write} on {@code tx} and renders its result; with a {@code key} (null without one), claims the key
     * first and keeps the reply under it, or replays the reply kept by the first request with that key.
     */
    <T> Uni<Reply> once(SqlConnection tx, Key key, Supplier<Uni<T>> write, Function<T, Reply> render) {
        if (key == null) {
            return write.get().map(render);
        }
        IdempotencyStore.Key stored = new IdempotencyStore.Key(key.caller(), key.value());
        return keys.claim(tx, stored, key.requestHash()).flatMap(previous -> previous
                .map(first -> replay(first, key.requestHash()))
                .orElseGet(() -> write.get().map(render)
                        .call(r -> keys.complete(tx, stored, r.status(), r.location(), r.body()))));
    }

    private static Uni<Reply> replay(IdempotencyStore.StoredResponse first, String hash) {
        if (!first.requestHash().equals(hash)) {
            return Uni.createFrom().failure(ProblemException.unprocessable(
                    "this Idempotency-Key was already used for a different request"));
        }
        return Uni.createFrom().item(new Reply(first.status(), first.location(), first.body(), true));
    }

    @Scheduled(every = "${debrief.idempotency.cleanup-every}", delayed = "1m")
    Uni<Void> purgeExpired() {
        return keys.purgeExpired().onFailure().invoke(e -> LOG.debugf("purging idempotency keys failed: %s", e));
    }
}
