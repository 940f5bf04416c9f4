package io.debrief.notification.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP webhook receiver on 127.0.0.1. Each endpoint (a path) has its own secret, verifies every request with
 * {@link StandardWebhooksVerifier}, answers with scripted responses (then 204), and records what it got.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** A new endpoint path; give it the secret once the subscription exists. */
    public Endpoint endpoint(String name) {
        Endpoint endpoint = new Endpoint("/hooks/" + name);
        endpoints.put(endpoint.path, endpoint);
        return endpoint;
    }

    public String url(Endpoint endpoint) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + endpoint.path;
    }

    private void handle(HttpExchange exchange) {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            Endpoint endpoint = endpoints.get(exchange.getRequestURI().getPath());
            if (endpoint == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            String problem = endpoint.verifier == null ? "no secret known"
                    : endpoint.verifier.problem(id, timestamp, signature, body);
            Response response = endpoint.script.pollFirst();
            if (response == null) {
                response = new Response(204, null);
            }
            List<String> traceparents = exchange.getRequestHeaders().get("traceparent");
            endpoint.received.add(new Received(id, timestamp, exchange.getRequestHeaders().getFirst("content-type"),
                    new String(body, StandardCharsets.UTF_8), problem, response.status, Instant.now(),
                    traceparents == null ? List.of() : List.copyOf(traceparents)));
            if (response.delayMillis > 0) {
                try {
                    Thread.sleep(response.delayMillis); // a slow receiver, not a test wait
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (response.retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", response.retryAfter);
            }
            if (response.status == 301 || response.status == 302 || response.status == 307) {
                exchange.getResponseHeaders().add("Location", url(endpoint) + "/moved");
            }
            exchange.sendResponseHeaders(response.status, -1);
        } catch (IOException e) {
            // the sender gave up (timeout): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** A scripted answer; {@code delayMillis} makes the receiver slow. */
    public record Response(int status, String retryAfter, long delayMillis) {
        public Response(int status, String retryAfter) {
            this(status, retryAfter, 0);
        }
    }

    /**
     * One request as received; {@code signatureProblem} is null when the signature verified; {@code traceparents} the
     * W3C {@code traceparent} headers it carried (none while tracing is off).
     */
    public record Received(String webhookId, String timestamp, String contentType, String body,
            String signatureProblem, int answeredWith, Instant at, List<String> traceparents) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static final class Endpoint {
        private final String path;
        private final Deque<Response> script = new ConcurrentLinkedDeque<>();
        private final List<Received> received = new CopyOnWriteArrayList<>();
        private volatile StandardWebhooksVerifier verifier;

        private Endpoint(String path) {
            this.path = path;
        }

        public Endpoint secret(String secret) {
            this.verifier = new StandardWebhooksVerifier(secret);
            return this;
        }

        /** The next requests get these answers, in order; afterwards 204. */
        public Endpoint answer(Response... responses) {
            script.addAll(List.of(responses));
            return this;
        }

        public Endpoint answer(int... statuses) {
            for (int status : statuses) {
                script.add(new Response(status, null));
            }
            return this;
        }

        public List<Received> received() {
            return new ArrayList<>(received);
        }

        public List<Received> receivedFor(String loopId) {
            return received().stream().filter(r -> r.webhookId() != null && r.webhookId().startsWith(loopId + ":"))
                    .toList();
        }
    }
}
