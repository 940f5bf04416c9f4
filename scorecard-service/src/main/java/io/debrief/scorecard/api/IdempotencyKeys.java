package io.debrief.scorecard.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.debrief.platform.problem.ProblemException;
import io.debrief.scorecard.usecase.Idempotency;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The HTTP side of idempotency: the {@code Idempotency-Key} header (1 to 255 characters, else 400), the hash that
 * identifies a request (method, path and the body as canonical JSON, so key order and whitespace do not matter), and
 * a reply as a response ({@code Idempotent-Replayed: true} on a replay).
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;

    private final ObjectMapper mapper;
    private final ObjectMapper canonical;

    public IdempotencyKeys(ObjectMapper mapper) {
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

    /** The key of a request, or null when it carries none. */
    Idempotency.Key key(String header, String caller, String method, String path, Object request) {
        if (header == null) {
            return null;
        }
        if (header.isBlank() || header.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        return new Idempotency.Key(caller, header, hash(method, path, request));
    }

    /** A fresh reply: {@code body} as the JSON that is sent, and kept for replays. */
    Idempotency.Reply reply(int status, String location, Object body) {
        try {
            return Idempotency.Reply.of(status, location, mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Response response(Idempotency.Reply r) {
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
