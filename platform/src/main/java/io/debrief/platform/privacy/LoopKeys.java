package io.debrief.platform.privacy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The loop keys of calibration-service and notification-service: asked of scorecard-service in one request for every
 * loop not already in memory, kept {@code debrief.loop-keys.cache-ttl}, and forgotten at once when this instance
 * consumes the loop's erasure. A loop scorecard-service has no key for (erased, or opened before encryption) opens no
 * encrypted text: it is shown as erased.
 */
@ApplicationScoped
public class LoopKeys {

    private static final Logger LOG = Logger.getLogger(LoopKeys.class);
    static final String PATH = "/internal/loop-keys";
    static final String TOKEN_HEADER = "X-Debrief-Service-Token";
    private static final int MAX_PER_REQUEST = 1000;

    /** The keys of some loops: opens their text. */
    public static final class Keys {

        private final Map<String, byte[]> keys;

        Keys(Map<String, byte[]> keys) {
            this.keys = keys;
        }

        /** The text of {@code value} for {@code loopId}: plain as it is, encrypted opened, or null once erased. */
        public String reveal(String loopId, String value) {
            return PersonalText.decrypt(keys.get(loopId), loopId, value).orElse(null);
        }

        /**
         * {@code text} sealed under the loop's key; plain when the loop has none (opened before encryption, or already
         * erased: the caller must refuse new personal text for an erased loop, and scrub plain text when one is erased).
         */
        public String seal(String loopId, String text) {
            byte[] key = keys.get(loopId);
            return key == null ? text : PersonalText.encrypt(key, loopId, text);
        }

        /** Whether the loop has a key (its text can be sealed and opened). */
        public boolean has(String loopId) {
            return keys.containsKey(loopId);
        }
    }

    private record Cached(byte[] key, long expiresAt) {
    }

    private final LoopKeysConfig config;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public LoopKeys(LoopKeysConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    /** The keys of {@code loopIds}; fails with {@link LoopKeysUnavailable} when scorecard-service cannot answer. */
    public Uni<Keys> keys(Collection<String> loopIds) {
        long now = System.nanoTime();
        Map<String, byte[]> known = new HashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        for (String loopId : loopIds) {
            Cached cached = cache.get(loopId);
            if (cached != null && cached.expiresAt() - now > 0) {
                known.put(loopId, cached.key());
            } else {
                missing.add(loopId);
            }
        }
        if (missing.isEmpty()) {
            return Uni.createFrom().item(new Keys(known));
        }
        List<List<String>> chunks = chunks(new ArrayList<>(missing));
        return Uni.join().all(chunks.stream().map(this::fetch).toList()).andFailFast()
                .map(fetched -> {
                    fetched.forEach(known::putAll);
                    return new Keys(known);
                });
    }

    /** The keys of texts that may be encrypted: no request at all when none of {@code values} is. */
    public Uni<Keys> keysFor(Map<String, ? extends Collection<String>> valuesByLoop) {
        List<String> encrypted = valuesByLoop.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(PersonalText::isEncrypted))
                .map(Map.Entry::getKey).toList();
        return keys(encrypted);
    }

    /** Drops the keys of erased loops from this instance at once. */
    public void forget(Collection<String> loopIds) {
        long expiresAt = System.nanoTime() + config.cacheTtl().toNanos();
        loopIds.forEach(loopId -> cache.put(loopId, new Cached(null, expiresAt)));
    }

    private Uni<Map<String, byte[]>> fetch(List<String> loopIds) {
        if (config.serviceToken().isEmpty()) {
            return Uni.createFrom().failure(new LoopKeysUnavailable(
                    "debrief.loop-keys.service-token is not set: no loop key can be asked for", null));
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(config.url().resolve(PATH))
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header(TOKEN_HEADER, config.serviceToken().get())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(
                            json.writeValueAsBytes(Map.of("loopIds", loopIds))))
                    .build();
        } catch (Exception e) {
            return Uni.createFrom().failure(new LoopKeysUnavailable("the loop key request cannot be made", e));
        }
        // the answer comes on the HTTP client's thread: back onto the caller's Vert.x context, where its chain goes on
        Context context = Vertx.currentContext();
        Uni<HttpResponse<byte[]>> answer = Uni.createFrom()
                .completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()));
        if (context != null) {
            answer = answer.emitOn(task -> context.runOnContext(ignored -> task.run()));
        }
        return answer
                .onFailure().transform(e -> new LoopKeysUnavailable("scorecard-service did not answer for loop keys", e))
                .map(response -> read(loopIds, response));
    }

    private Map<String, byte[]> read(List<String> asked, HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            LOG.warnf("scorecard-service answered %d for loop keys", response.statusCode());
            throw new LoopKeysUnavailable("scorecard-service answered " + response.statusCode() + " for loop keys",
                    null);
        }
        JsonNode keys;
        try {
            keys = json.readTree(response.body()).path("keys");
        } catch (Exception e) {
            throw new LoopKeysUnavailable("scorecard-service's loop keys are not JSON", e);
        }
        long expiresAt = System.nanoTime() + config.cacheTtl().toNanos();
        if (cache.size() + asked.size() > config.maxCached()) {
            cache.clear();
        }
        Map<String, byte[]> found = new HashMap<>();
        for (String loopId : asked) {
            JsonNode key = keys.get(loopId);
            byte[] bytes = key == null || !key.isTextual() ? null : Base64.getUrlDecoder().decode(key.asText());
            cache.put(loopId, new Cached(bytes, expiresAt));
            if (bytes != null) {
                found.put(loopId, bytes);
            }
        }
        return found;
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += MAX_PER_REQUEST) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + MAX_PER_REQUEST)));
        }
        return chunks;
    }
}
