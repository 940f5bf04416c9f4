package io.debrief.scorecard.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.debrief.scorecard.events.OutboxSignal;
import io.debrief.scorecard.store.IdempotencyStore;
import io.debrief.scorecard.store.IdempotencyStore.StoredResponse;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Runs a write in one database transaction and, when the client sent an {@code Idempotency-Key}, claims the key in
 * that same transaction. A repeat of the same request (same method, path and canonical body) gets the first
 * response again, byte for byte, and changes nothing; the same key with another request is a 422. Only successful
 * responses are kept: a refused request rolls back, key included, so retrying it is evaluated afresh.
 * <p>
 * Keys belong to the caller (the token's {@code sub}): a replay is served only to the caller whose request produced
 * it, and another caller's use of the same key is a request of its own, never someone else's stored response.
 */
@ApplicationScoped
public class IdempotentWrites {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;

    /** What a write answers: status, optional Location, and the body object. */
    public record Outcome(int status, URI location, Object body) {
    }

    private final Pool pool;
    private final IdempotencyStore keys;
    private final ObjectMapper mapper;
    private final ObjectMapper canonical;
    private final OutboxSignal outbox;

    public IdempotentWrites(Pool pool, IdempotencyStore keys, ObjectMapper mapper, OutboxSignal outbox) {
        this.pool = pool;
        this.keys = keys;
        this.outbox = outbox;
        this.mapper = mapper;
        this.canonical = canonicalMapper(mapper);
    }

    @SuppressWarnings("deprecation")
    private static ObjectMapper canonicalMapper(ObjectMapper mapper) {
        ObjectMapper copy = mapper.copy();
        copy.configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        copy.configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);
        copy.configure(SerializationFeature.INDENT_OUTPUT, false);
        return copy;
    }

    /** {@code caller} is the token's {@code sub}: the scope of {@code idempotencyKey}. */
    public Uni<Response> run(String idempotencyKey, String caller, String method, String path, Object request,
                             Function<SqlConnection, Uni<Outcome>> write) {
        if (idempotencyKey == null) {
            return pool.withTransaction(tx -> write.apply(tx).map(this::stored)).map(this::committed);
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            return Uni.createFrom().failure(new ProblemException(400, "invalid Idempotency-Key header",
                    List.of(new Problem.Violation(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters"))));
        }
        String hash = hash(method, path, request);
        IdempotencyStore.Key key = new IdempotencyStore.Key(caller, idempotencyKey);
        return pool.withTransaction(tx -> keys.claim(tx, key, hash).flatMap(previous -> previous
                        .map(first -> replay(first, hash))
                        .orElseGet(() -> write.apply(tx).map(this::stored)
                                .call(r -> keys.complete(tx, key, r.status(), r.location(), r.body())))))
                .map(this::committed);
    }

    /** A response as sent, and as stored for replays. */
    private record Answer(int status, String location, String body, boolean replayed) {
    }

    private static Uni<Answer> replay(StoredResponse first, String hash) {
        if (!first.requestHash().equals(hash)) {
            return Uni.createFrom().failure(new ProblemException(422,
                    "this Idempotency-Key was already used for a different request", null));
        }
        return Uni.createFrom().item(new Answer(first.status(), first.location(), first.body(), true));
    }

    private Answer stored(Outcome outcome) {
        try {
            return new Answer(outcome.status(), outcome.location() == null ? null : outcome.location().toString(),
                    mapper.writeValueAsString(outcome.body()), false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** After the commit: a write (not a replay) may have added outbox rows, so the relays are woken. */
    private Response committed(Answer r) {
        if (!r.replayed()) {
            outbox.committed();
        }
        return response(r);
    }

    private static Response response(Answer r) {
        Response.ResponseBuilder builder = Response.status(r.status()).entity(r.body())
                .type(MediaType.APPLICATION_JSON_TYPE);
        if (r.location() != null) {
            builder.header(HttpHeaders.LOCATION, r.location());
        }
        if (r.replayed()) {
            builder.header(REPLAYED_HEADER, "true");
        }
        return builder.build();
    }

    private String hash(String method, String path, Object request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            sha256.update(canonical.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
