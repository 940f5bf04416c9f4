package io.debrief.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoadClientTest {

    private HttpServer server;
    private ExecutorService executor;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final Map<String, String> lastRequest = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private volatile long answerDelayMs;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        executor = Executors.newFixedThreadPool(16);
        server.setExecutor(executor);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try (InputStream body = exchange.getRequestBody()) {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            lastRequest.put("method", exchange.getRequestMethod());
            lastRequest.put("path", exchange.getRequestURI().toString());
            lastRequest.put("authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            lastRequest.put("contentType", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
            lastRequest.put("body", new String(body.readAllBytes(), StandardCharsets.UTF_8));
            if (answerDelayMs > 0) {
                Thread.sleep(answerDelayMs);
            }
            byte[] answer = "{\"loopId\":\"loop-1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders("POST".equals(exchange.getRequestMethod()) ? 201 : 200, answer.length);
            exchange.getResponseBody().write(answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void aPostCarriesItsJsonBodyAndHeadersAndAnswersWithStatusAndBody() {
        try (LoadClient client = new LoadClient(4)) {
            LoadClient.Answer answer = client.postForAnswer(url("/api/loops?x=1"), "Bearer t", "{\"a\":1}")
                    .toCompletableFuture().join();
            assertThat(answer.status()).isEqualTo(201);
            assertThat(Debriefs.loopId(answer)).isEqualTo("loop-1");
            assertThat(lastRequest).containsEntry("method", "POST").containsEntry("path", "/api/loops?x=1")
                    .containsEntry("authorization", "Bearer t").containsEntry("contentType", "application/json")
                    .containsEntry("body", "{\"a\":1}");
            assertThat(client.get(url("/q/health/live"), null).toCompletableFuture().join()).isEqualTo(200);
            assertThat(lastRequest).containsEntry("method", "GET").containsEntry("authorization", "null");
        }
    }

    @Test
    void oneRequestAfterAnotherKeepsUsingTheSameConnection() {
        // a pool of one: without keep-alive every request would need a connection (and a port) of its own
        try (LoadClient client = new LoadClient(1)) {
            for (int i = 0; i < 50; i++) {
                assertThat(client.post(url("/x"), null, "{}").toCompletableFuture().join()).isEqualTo(201);
            }
        }
        assertThat(clientPorts).hasSize(1);
    }

    @Test
    void concurrentRequestsQueueForThePoolInsteadOfOpeningMoreConnections() {
        answerDelayMs = 20;
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        try (LoadClient client = new LoadClient(4)) {
            for (int i = 0; i < 40; i++) {
                answers.add(client.get(url("/x"), null).toCompletableFuture());
            }
            answers.forEach(answer -> assertThat(answer.orTimeout(30, TimeUnit.SECONDS).join()).isEqualTo(200));
        }
        assertThat(clientPorts).hasSizeLessThanOrEqualTo(4);
        assertThat(mostInFlight.get()).isLessThanOrEqualTo(4);
    }

    @Test
    void aRefusedConnectionCompletesTheRequestExceptionally() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (LoadClient client = new LoadClient(2)) {
            CompletableFuture<Integer> answer = client.get("http://127.0.0.1:" + closedPort + "/x", null).toCompletableFuture();
            assertThatThrownBy(() -> answer.orTimeout(30, TimeUnit.SECONDS).join()).hasRootCauseInstanceOf(java.net.ConnectException.class);
        }
    }
}
