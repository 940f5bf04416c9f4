package io.debrief.platform.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;

/** The limit on a real Vert.x router and HTTP server: requests that are held count, streams count apart, /q never. */
class AdmissionTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<HttpServerResponse> held = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private Vertx vertx;
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        new Admission(2, 1, Duration.ofSeconds(3), new ObjectMapper(), registry).install(router);
        router.get("/api/slow").handler(ctx -> held.add(ctx.response()));
        router.get("/api/decisions/stream").handler(ctx -> {
            ctx.response().setChunked(true).write("data: open\n\n");
            held.add(ctx.response());
        });
        router.get("/api/fast").handler(ctx -> ctx.response().end("ok"));
        router.get("/q/health").handler(ctx -> ctx.response().end("UP"));
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void pastTheLimitARequestIsShedAtOnceWith503RetryAfterAndAProblemAndTheAcceptedOnesFinish() throws Exception {
        CompletableFuture<HttpResponse<String>> first = send("/api/slow");
        CompletableFuture<HttpResponse<String>> second = send("/api/slow");
        awaitHeld(2);

        HttpResponse<String> shed = send("/api/fast").get(10, TimeUnit.SECONDS);
        assertThat(shed.statusCode()).isEqualTo(503);
        assertThat(shed.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(shed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(shed.body()).contains("\"status\":503").contains("at capacity");
        assertThat(send("/q/health").get(10, TimeUnit.SECONDS).statusCode()).as("never shed").isEqualTo(200);
        assertThat(registry.get("debrief.admission.shed").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("debrief.admission.in.flight").gauge().value()).isEqualTo(2.0);
        assertThat(registry.get("debrief.admission.limit").gauge().value()).isEqualTo(2.0);

        vertx.runOnContext(v -> held.forEach(r -> r.end("done")));
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(second.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        awaitGauge("debrief.admission.in.flight", 0);
        assertThat(send("/api/fast").get(10, TimeUnit.SECONDS).statusCode()).as("room again").isEqualTo(200);
    }

    @Test
    void anOpenStreamDoesNotTakeARequestsPlaceAndStreamsHaveTheirOwnLimit() throws Exception {
        HttpRequest streamRequest = HttpRequest.newBuilder(uri("/api/decisions/stream")).build();
        CompletableFuture<HttpResponse<java.io.InputStream>> stream = client.sendAsync(streamRequest,
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        awaitGauge("debrief.admission.streams", 1);

        assertThat(send("/api/fast").get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        HttpResponse<String> secondStream = send("/api/decisions/stream").get(10, TimeUnit.SECONDS);
        assertThat(secondStream.statusCode()).isEqualTo(503);
        assertThat(secondStream.body()).contains("1 live streams open");
        assertThat(registry.get("debrief.admission.streams.shed").counter().count()).isEqualTo(1.0);

        stream.get().body().close(); // the client goes away: its place is free again
        awaitGauge("debrief.admission.streams", 0);
    }

    private CompletableFuture<HttpResponse<String>> send(String path) {
        return client.sendAsync(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.actualPort() + path);
    }

    private void awaitHeld(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (held.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(held).hasSize(n);
    }

    private void awaitGauge(String name, double value) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (registry.get(name).gauge().value() != value && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(registry.get(name).gauge().value()).isEqualTo(value);
    }
}
