package io.debrief.notification.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.debrief.platform.privacy.PersonalText;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for scorecard-service's {@code POST /internal/loop-keys} (header {@code X-Debrief-Service-Token}, body
 * {@code {"loopIds":[…]}}, answer {@code {"keys":{loopId: base64url key}}}, unknown or erased loops absent, 403 without
 * the token), so that notification-service is tested alone. As a test resource it points
 * {@code debrief.loop-keys.url} at itself. Tests drive it over HTTP ({@code /test/…}, through the static methods), so it
 * does not matter which class loader holds which copy of this class.
 */
public class LoopKeysStandIn implements QuarkusTestResourceLifecycleManager {

    /** {@code %test.debrief.loop-keys.service-token} of application.properties. */
    static final String TOKEN = "test-loop-keys-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/internal/loop-keys", this::keys);
        server.createContext("/test/", this::control);
        server.start();
        return Map.of("debrief.loop-keys.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    private void keys(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            requests.incrementAndGet();
            if (down.get()) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())
                    || !TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Debrief-Service-Token"))) {
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            ObjectNode found = JSON.createObjectNode();
            for (JsonNode loopId : JSON.readTree(body).path("loopIds")) {
                String key = keys.get(loopId.asText());
                if (key != null) {
                    found.put(loopId.asText(), key);
                }
            }
            byte[] answer = JSON.writeValueAsBytes(Map.of("keys", found));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    /** PUT/DELETE /test/keys/{loopId} (body: base64url key), PUT/DELETE /test/down, GET /test/requests. */
    private void control(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            boolean put = "PUT".equals(exchange.getRequestMethod());
            String answer = "";
            if (path.startsWith("/test/keys/")) {
                String loopId = path.substring("/test/keys/".length());
                if (put) {
                    keys.put(loopId, body);
                } else {
                    keys.remove(loopId);
                }
            } else if (path.equals("/test/down")) {
                down.set(put);
            } else if (path.equals("/test/requests")) {
                answer = Integer.toString(requests.get());
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    // ---- for the tests, over HTTP

    /** A new key for the loop, known to the stand-in from now on. */
    public static byte[] newKey(String loopId) {
        byte[] key = PersonalText.newKey();
        call("PUT", "/test/keys/" + loopId, Base64.getUrlEncoder().withoutPadding().encodeToString(key));
        return key;
    }

    /** The loop's key destroyed, as scorecard-service's erasure does. */
    public static void destroyKey(String loopId) {
        call("DELETE", "/test/keys/" + loopId, "");
    }

    /** Whether the key service answers (503 when down). */
    public static void down(boolean down) {
        call(down ? "PUT" : "DELETE", "/test/down", "");
    }

    /** Key requests received so far. */
    public static int requests() {
        return Integer.parseInt(call("GET", "/test/requests", ""));
    }

    private static String call(String method, String path, String body) {
        String base = ConfigProvider.getConfig().getValue("debrief.loop-keys.url", String.class);
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base + path))
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("stand-in answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
