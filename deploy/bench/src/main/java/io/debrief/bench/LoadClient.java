package io.debrief.bench;

import java.net.URI;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The load generator's HTTP side: Vert.x's non-blocking HTTP/1.1 client on two event loops, with a pool of kept-alive
 * connections (no pipelining, so one slow answer never holds up the requests queued behind it on its connection).
 * Every call returns at once; the answer completes the returned stage on an event loop. A request that finds every
 * connection busy waits in the pool's queue, and its latency, measured by {@link OpenLoop} from its due time, shows it.
 */
final class LoadClient implements AutoCloseable {

    /** Enough for 4,000 requests/s at a few ms each with a wide margin, and far below the service's own limits. */
    static final int DEFAULT_CONNECTIONS = 128;
    private static final long TIMEOUT_MS = TimeUnit.SECONDS.toMillis(30);

    /** An answer: status code and, when asked for, the body. */
    record Answer(int status, String body) {
    }

    private final Vertx vertx;
    private final HttpClient client;
    private final int connections;

    LoadClient(int connections) {
        this.connections = connections;
        // the generator shares two cores with the system under test: two event loops, no worker threads to speak of
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(2).setInternalBlockingPoolSize(2)
                .setPreferNativeTransport(false));
        this.client = vertx.httpClientBuilder()
                .with(new HttpClientOptions().setKeepAlive(true).setKeepAliveTimeout(120).setPipelining(false)
                        .setTcpNoDelay(true).setConnectTimeout(5_000).setDecompressionSupported(false))
                .with(new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1))
                .build();
    }

    int connections() {
        return connections;
    }

    /** GET; the body is read and dropped. Completes with the status code, or exceptionally on a transport error. */
    CompletionStage<Integer> get(String url, String authorization) {
        return exchange(HttpMethod.GET, url, authorization, null, false).map(Answer::status).toCompletionStage();
    }

    /** POST of a JSON body; the answer's body is read and dropped. Completes with the status code. */
    CompletionStage<Integer> post(String url, String authorization, String json) {
        return exchange(HttpMethod.POST, url, authorization, json, false).map(Answer::status).toCompletionStage();
    }

    /** POST of a JSON body, keeping the answer's body. */
    CompletionStage<Answer> postForAnswer(String url, String authorization, String json) {
        return exchange(HttpMethod.POST, url, authorization, json, true).toCompletionStage();
    }

    private Future<Answer> exchange(HttpMethod method, String url, String authorization, String json, boolean keepBody) {
        URI uri = URI.create(url);
        RequestOptions options = new RequestOptions().setMethod(method).setHost(uri.getHost()).setPort(uri.getPort())
                .setURI(uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery())
                // the wait for a pooled connection counts against the connect timeout: let a saturated service queue
                .setConnectTimeout(TIMEOUT_MS).setIdleTimeout(TIMEOUT_MS);
        if (authorization != null) {
            options.putHeader("Authorization", authorization);
        }
        if (json != null) {
            options.putHeader("Content-Type", "application/json");
        }
        return client.request(options)
                .compose(request -> json == null ? request.send() : request.send(Buffer.buffer(json)))
                .compose(response -> keepBody ? response.body().map(body -> new Answer(response.statusCode(), body.toString()))
                        : discard(response));
    }

    private static Future<Answer> discard(HttpClientResponse response) {
        return response.end().map(done -> new Answer(response.statusCode(), null));
    }

    @Override
    public void close() {
        client.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
