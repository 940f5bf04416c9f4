package io.debrief.chaos.observe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.debrief.chaos.workload.Clock;
import io.debrief.chaos.workload.Http;

/**
 * The recruiters' systems: one endpoint per subscription ({@code /hooks/NAME}) that answers 500 to a share of the
 * attempts and 204 to the rest, checks every Standard Webhooks signature, and records what it accepted, by webhook-id.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** What one accepted webhook-id brought: the first accepted attempt's time and decision, and how often it came. */
    public static final class Received {
        private final long firstAcceptedAt;
        private final JsonNode decision;
        private final String subscription;
        private final AtomicLong accepted = new AtomicLong();

        Received(long firstAcceptedAt, JsonNode decision, String subscription) {
            this.firstAcceptedAt = firstAcceptedAt;
            this.decision = decision;
            this.subscription = subscription;
        }

        public long firstAcceptedAt() {
            return firstAcceptedAt;
        }

        public JsonNode decision() {
            return decision;
        }

        public String subscription() {
            return subscription;
        }

        public long accepted() {
            return accepted.get();
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Clock clock;
    private final double failureRate;
    private final Random random;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, Received> received = new ConcurrentHashMap<>();
    private final Queue<String> problems = new ConcurrentLinkedQueue<>();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    public WebhookReceiver(Clock clock, double failureRate, long seed) throws IOException {
        this.clock = clock;
        this.failureRate = failureRate;
        this.random = new Random(seed);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/hooks/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String url(String subscription) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + subscription;
    }

    /** The secret POST /api/subscriptions answered for the subscription behind {@link #url(String)}. */
    public void secret(String subscription, String secret) {
        secrets.put(subscription, secret);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            attempts.incrementAndGet();
            String subscription = exchange.getRequestURI().getPath().substring("/hooks/".length());
            boolean fail;
            synchronized (random) {
                fail = random.nextDouble() < failureRate;
            }
            if (fail) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            String secret = secrets.get(subscription);
            if (id == null || timestamp == null || signature == null || secret == null
                    || !signed(secret, id, timestamp, body, signature)) {
                problems.add("bad or missing signature on " + id + " for " + subscription);
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            JsonNode decision = Http.JSON.readTree(body).path("data");
            Received first = received.computeIfAbsent(id, any -> new Received(clock.now(), decision, subscription));
            first.accepted.incrementAndGet();
            if (!first.decision().equals(decision)) {
                problems.add("webhook-id " + id + " came with two different decisions");
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private static boolean signed(String secret, String id, String timestamp, byte[] body, String header) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String candidate : header.split(" ")) {
                if (candidate.startsWith("v1,") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public Map<String, Received> received() {
        return Map.copyOf(received);
    }

    public Received received(String webhookId) {
        return received.get(webhookId);
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public long attempts() {
        return attempts.get();
    }

    /** Attempts answered 500 on purpose. */
    public long refused() {
        return refused.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
