package io.debrief.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;
import io.debrief.system.OtlpReceiver.Kind;
import io.debrief.system.OtlpReceiver.Span;
import io.debrief.testsupport.DebriefSystem;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One trace from the REST call to the webhook (issue 17), on the three packaged services, the real broker and database,
 * with the spans the services export collected by an OTLP receiver in this JVM: the {@code POST .../scorecards} that
 * completes a debrief, the outbox relay publishing its record, calibration consuming it and publishing the decision,
 * notification consuming the decision and sending the webhook, all in the trace the caller's {@code traceparent}
 * started, and the receiver of the webhook gets that trace id in its {@code traceparent}.
 */
class CrossServiceTraceIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(90);

    private final Map<String, String> traceparentOf = new ConcurrentHashMap<>();
    private DebriefSystem system;
    private OtlpReceiver traces;
    private Recruiting recruiting;
    private HttpServer receiver;
    private String subscriptionId;

    @BeforeEach
    void startAWebhookReceiver() throws IOException {
        system = RunningSystem.get();
        traces = RunningSystem.traces();
        recruiting = new Recruiting(system.scorecards(), system.tokens());
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/traced", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String traceparent = String.join(",", exchange.getRequestHeaders().getOrDefault("traceparent", List.of()));
            traceparentOf.put(exchange.getRequestHeaders().getFirst("webhook-id"), traceparent);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        subscriptionId = given().baseUri(system.notifications().baseUrl()).header("Authorization", recruiting.recruiter())
                .contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/traced"))
                .post("/api/subscriptions").then().statusCode(201).extract().path("id");
    }

    @AfterEach
    void stopTheReceiver() {
        given().baseUri(system.notifications().baseUrl()).header("Authorization", recruiting.recruiter())
                .delete("/api/subscriptions/" + subscriptionId);
        receiver.stop(0);
    }

    @Test
    void theScorecardThatCompletesADebriefAndItsWebhookShareOneTrace() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callerSpan = HexFormat.of().formatHex(randomBytes(8));
        String loopId = recruiting.openLoop("Tran Thi Trace", "MID");
        recruiting.submit(loopId, "alice", Map.of("CONTAINERIZATION", 4, "ORCHESTRATION", 4, "CI_CD", 4, "ML_TOOLS", 3), "YES");
        recruiting.submit(loopId, "bob", Map.of("SYSTEM_DESIGN", 4, "MONITORING", 3, "PROBLEM_SOLVING", 3), "YES");

        // carol's scorecard completes the loop (a hire): her client's call starts the trace
        recruiting.submit(loopId, "carol", Map.of("COMMUNICATION", 3), "STRONG_YES", "00-" + traceId + "-" + callerSpan + "-01");

        String webhookId = loopId + ":1:" + subscriptionId;
        await().atMost(EVENTUALLY).until(() -> traceparentOf.containsKey(webhookId));
        String received = traceparentOf.get(webhookId);
        assertThat(received).as("the webhook's traceparent").matches("00-" + traceId + "-[0-9a-f]{16}-01");
        String webhookSpan = received.split("-")[2];

        await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<Span> trace = traces.trace(traceId);
            Span post = one(trace, "scorecard-service", Kind.SERVER, "the POST of the scorecard");
            assertThat(post.parentSpanId()).as("the caller's span is its parent").isEqualTo(callerSpan);
            assertThat(post.name()).contains("/scorecards");
            Span relayed = one(trace, "scorecard-service", Kind.PRODUCER, "the outbox relay's publish");
            assertThat(relayed.name()).isEqualTo("scorecard-events publish");
            assertThat(kinds(trace, "calibration-service")).as("calibration's spans")
                    .contains(Kind.CONSUMER, Kind.PRODUCER);
            assertThat(trace).filteredOn(span -> span.service().equals("calibration-service") && span.kind() == Kind.PRODUCER)
                    .extracting(Span::name).contains("hiring-decisions publish");
            assertThat(kinds(trace, "notification-service")).as("notification's spans")
                    .contains(Kind.CONSUMER, Kind.CLIENT);
            Span webhook = trace.stream().filter(span -> span.spanId().equals(webhookSpan)).findFirst()
                    .orElseThrow(() -> new AssertionError("no span " + webhookSpan + " (the webhook's) yet"));
            assertThat(webhook.service()).isEqualTo("notification-service");
            assertThat(webhook.kind()).isEqualTo(Kind.CLIENT);
            assertThat(webhook.name()).isEqualTo("webhook POST");
            assertThat(webhook.attributes()).containsEntry("http.response.status_code", "204")
                    .containsEntry("server.address", "127.0.0.1");
            assertThat(webhook.attributes().values()).noneMatch(value -> value.contains("/traced"));

            // one connected trace: every span's parent is in it, but the POST's, which is the caller's
            Set<String> ids = trace.stream().map(Span::spanId).collect(Collectors.toSet());
            assertThat(trace).filteredOn(span -> span != post)
                    .allSatisfy(span -> assertThat(ids).as("parent of " + span).contains(span.parentSpanId()));
            assertThat(webhook.parentSpanId()).isIn(ids);
        });
        System.out.println("One trace from the REST call to the webhook: " + describe(traces.trace(traceId)));
    }

    private static Span one(List<Span> trace, String service, Kind kind, String what) {
        List<Span> found = trace.stream().filter(span -> span.service().equals(service) && span.kind() == kind).toList();
        assertThat(found).as(what + " (" + service + " " + kind + ") among " + describe(trace)).hasSize(1);
        return found.get(0);
    }

    private static Set<Kind> kinds(List<Span> trace, String service) {
        return trace.stream().filter(span -> span.service().equals(service)).map(Span::kind).collect(Collectors.toSet());
    }

    private static String describe(List<Span> trace) {
        return trace.stream().map(span -> span.service() + " " + span.kind() + " '" + span.name() + "'")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never all zero (an invalid id)
        return bytes;
    }
}
