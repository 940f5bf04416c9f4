package io.debrief.calibration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.debrief.platform.privacy.PersonalText;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A stand-in for scorecard-service's {@code POST /internal/loop-keys} (this module's tests run calibration-service
 * alone): every loop has a key derived from its id ({@link #keyOf}, so a test seals text as scorecard-service would)
 * until the test erases it; {@code X-Debrief-Service-Token} is checked; it can be taken down (503) and counts the key
 * requests. One server per JVM, controlled over HTTP at the URL the service was given (the test and the service may
 * sit in different class loaders).
 */
public class LoopKeyService implements QuarkusTestResourceLifecycleManager {

    static final String TOKEN = "calibration-test-loop-keys-token";
    private static HttpServer server;
    private static final Set<String> ERASED = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean DOWN = new AtomicBoolean();
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Override
    public Map<String, String> start() {
        return Map.of("debrief.loop-keys.url", "http://127.0.0.1:" + shared().getAddress().getPort(),
                "debrief.loop-keys.service-token", TOKEN);
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM, like the local stack
    }

    private static synchronized HttpServer shared() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/internal/loop-keys", LoopKeyService::keys);
            server.createContext("/control/", LoopKeyService::control);
            server.start();
        }
        return server;
    }

    private static void keys(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (DOWN.get()) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Debrief-Service-Token"))) {
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            REQUESTS.incrementAndGet();
            JsonNode body = Events.JSON.readTree(exchange.getRequestBody());
            Map<String, String> keys = new LinkedHashMap<>();
            for (JsonNode loopId : body.path("loopIds")) {
                if (!ERASED.contains(loopId.asText())) {
                    keys.put(loopId.asText(), Base64.getUrlEncoder().withoutPadding().encodeToString(keyOf(loopId.asText())));
                }
            }
            byte[] answer = Events.JSON.writeValueAsBytes(Map.of("keys", keys));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private static void control(HttpExchange exchange) throws IOException {
        try (exchange) {
            String what = exchange.getRequestURI().getPath().substring("/control/".length());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String answer = "";
            switch (what) {
                case "erase" -> ERASED.add(body);
                case "down" -> DOWN.set(true);
                case "up" -> DOWN.set(false);
                case "requests" -> answer = String.valueOf(REQUESTS.get());
                default -> {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    /** The loop's key: derived from its id, as long as the test has not erased it. */
    public static byte[] keyOf(String loopId) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("debrief-test-loop-key:" + loopId).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code text} sealed under the loop's key, as scorecard-service seals it. */
    public static String seal(String loopId, String text) {
        return PersonalText.encrypt(keyOf(loopId), loopId, text);
    }

    /** The text of a sealed value of the loop, or null when it does not open under the loop's key. */
    public static String open(String loopId, String sealed) {
        return PersonalText.decrypt(keyOf(loopId), loopId, sealed).orElse(null);
    }

    /** Erases the loop's key, as scorecard-service's erasure does before it emits the event. */
    public static void erase(String loopId) {
        call("erase", loopId);
    }

    /** Takes the key service down (every key request answers 503) or back up. */
    public static void down(boolean down) {
        call(down ? "down" : "up", "");
    }

    /** Key requests answered so far. */
    public static int requests() {
        return Integer.parseInt(call("requests", ""));
    }

    private static String call(String what, String body) {
        String base = ConfigProvider.getConfig().getValue("debrief.loop-keys.url", String.class);
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/control/" + what))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the loop key stand-in answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
