package io.debrief.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The key client against a stand-in for scorecard-service's {@code /internal/loop-keys} on a loopback port. */
class LoopKeysTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] key = PersonalText.newKey();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private HttpServer server;

    @BeforeEach
    void serveOneKey() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(LoopKeys.PATH, exchange -> {
            requests.incrementAndGet();
            tokens.add(exchange.getRequestHeaders().getFirst(LoopKeys.TOKEN_HEADER));
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("{\"keys\":{\"loop-a\":\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(key)
                    + "\"}}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void keysAreAskedForOnceAndOpenTheirLoopsTextWhileAnUnknownLoopsTextIsErased() {
        LoopKeys keys = client(Optional.of("s3cret"), Duration.ofMinutes(1));
        String sealed = PersonalText.encrypt(key, "loop-a", "Lan");
        String other = PersonalText.encrypt(PersonalText.newKey(), "loop-b", "Binh");

        LoopKeys.Keys first = keys.keys(List.of("loop-a", "loop-b")).await().atMost(WAIT);
        LoopKeys.Keys again = keys.keys(List.of("loop-a", "loop-b")).await().atMost(WAIT);

        assertThat(first.reveal("loop-a", sealed)).isEqualTo("Lan");
        assertThat(first.reveal("loop-b", other)).isNull();
        assertThat(again.reveal("loop-a", sealed)).isEqualTo("Lan");
        assertThat(requests).hasValue(1);
        assertThat(tokens).containsExactly("s3cret");
    }

    @Test
    void textIsSealedUnderTheLoopsKeyAndLeftPlainForALoopWithoutOne() {
        LoopKeys.Keys keys = client(Optional.of("s3cret"), Duration.ofMinutes(1))
                .keys(List.of("loop-a", "loop-b")).await().atMost(WAIT);

        String sealed = keys.seal("loop-a", "Strong systems design");

        assertThat(PersonalText.decrypt(key, "loop-a", sealed)).contains("Strong systems design");
        assertThat(keys.seal("loop-b", "Strong systems design")).isEqualTo("Strong systems design");
        assertThat(keys.has("loop-a")).isTrue();
        assertThat(keys.has("loop-b")).isFalse();
    }

    @Test
    void aForgottenKeyOpensNothingEvenWhileCached() {
        LoopKeys keys = client(Optional.of("s3cret"), Duration.ofMinutes(1));
        String sealed = PersonalText.encrypt(key, "loop-a", "Lan");
        keys.keys(List.of("loop-a")).await().atMost(WAIT);

        keys.forget(List.of("loop-a"));

        assertThat(keys.keys(List.of("loop-a")).await().atMost(WAIT).reveal("loop-a", sealed)).isNull();
        assertThat(requests).hasValue(1);
    }

    @Test
    void onlyEncryptedTextIsWorthARequest() {
        LoopKeys keys = client(Optional.of("s3cret"), Duration.ofMinutes(1));

        LoopKeys.Keys plain = keys.keysFor(Map.of("loop-a", List.of("Lan"))).await().atMost(WAIT);

        assertThat(plain.reveal("loop-a", "Lan")).isEqualTo("Lan");
        assertThat(requests).hasValue(0);
    }

    @Test
    void theTextsOfAWholeAnswerAreOpenedWithOneRequestInTheirOrder() {
        LoopKeys keys = client(Optional.of("s3cret"), Duration.ofMinutes(1));
        record Shown(String loopId, String text) {
        }
        List<Shown> answer = List.of(new Shown("loop-a", PersonalText.encrypt(key, "loop-a", "Lan")),
                new Shown("loop-b", PersonalText.encrypt(PersonalText.newKey(), "loop-b", "Binh")),
                new Shown("loop-c", "Plain"), new Shown("loop-a", null),
                new Shown("loop-a", PersonalText.encrypt(key, "loop-a", "Strong systems design")));

        List<String> opened = TextsToOpen.open(keys, answer, (texts, shown) -> texts.add(shown.loopId(), shown.text()),
                (shown, found) -> found.reveal(shown.loopId(), shown.text())).await().atMost(WAIT);

        assertThat(opened).containsExactly("Lan", null, "Plain", null, "Strong systems design");
        assertThat(requests).hasValue(1);
    }

    @Test
    void textsWithNothingSealedAskForNoKey() {
        LoopKeys keys = client(Optional.of("s3cret"), Duration.ofMinutes(1));

        LoopKeys.Keys plain = new TextsToOpen().add("loop-a", "Lan").add("loop-b", null).keys(keys)
                .await().atMost(WAIT);

        assertThat(plain.reveal("loop-a", "Lan")).isEqualTo("Lan");
        assertThat(requests).hasValue(0);
    }

    @Test
    void anExpiredKeyIsAskedForAgain() throws InterruptedException {
        LoopKeys keys = client(Optional.of("s3cret"), Duration.ofMillis(50));
        keys.keys(List.of("loop-a")).await().atMost(WAIT);
        Thread.sleep(100);

        keys.keys(List.of("loop-a")).await().atMost(WAIT);

        assertThat(requests).hasValue(2);
    }

    @Test
    void anUnansweredOrRefusedRequestIsAnOutageNotAnErasure() {
        status = 503;
        LoopKeys refused = client(Optional.of("s3cret"), Duration.ofMinutes(1));
        assertThatThrownBy(() -> refused.keys(List.of("loop-a")).await().atMost(WAIT))
                .isInstanceOf(LoopKeysUnavailable.class);

        LoopKeys untokened = client(Optional.empty(), Duration.ofMinutes(1));
        assertThatThrownBy(() -> untokened.keys(List.of("loop-a")).await().atMost(WAIT))
                .isInstanceOf(LoopKeysUnavailable.class);

        server.stop(0);
        LoopKeys unanswered = client(Optional.of("s3cret"), Duration.ofMinutes(1));
        assertThatThrownBy(() -> unanswered.keys(List.of("loop-a")).await().atMost(WAIT))
                .isInstanceOf(LoopKeysUnavailable.class);
    }

    private LoopKeys client(Optional<String> token, Duration ttl) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new LoopKeys(new LoopKeysConfig() {
            public URI url() { return url; }
            public Optional<String> serviceToken() { return token; }
            public Duration cacheTtl() { return ttl; }
            public int maxCached() { return 1000; }
            public Duration timeout() { return Duration.ofSeconds(2); }
        }, JSON);
    }
}
