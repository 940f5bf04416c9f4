package io.debrief.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

class UnavailableResponsesTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void theUnmatchedSeriesExistsAtZeroFromTheStart() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new UnavailableResponses(registry);
        assertThat(registry.get("debrief.http.unavailable").tag("route", "unmatched").counter().count()).isZero();
    }

    @Test
    void countsEvery503AndNothingElse() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        UnavailableResponses responses = new UnavailableResponses(registry);
        Router router = Router.router(vertx);
        responses.register(router);
        router.get("/shed").handler(ctx -> ctx.response().setStatusCode(503).putHeader("Retry-After", "1").end());
        router.get("/ok").handler(ctx -> ctx.response().end("ok"));
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        for (String path : new String[] {"/shed", "/ok", "/shed", "/missing"}) {
            int status = vertx.createHttpClient().request(HttpMethod.GET, server.actualPort(), "127.0.0.1", path)
                    .compose(request -> request.send()).map(response -> response.statusCode())
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(status).isIn(200, 404, 503);
        }
        assertThat(registry.get("debrief.http.unavailable").tag("route", "unmatched").counter().count()).isEqualTo(2);
    }
}
