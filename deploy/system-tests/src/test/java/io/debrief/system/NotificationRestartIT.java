package io.debrief.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpServer;
import io.debrief.testsupport.DebriefSystem;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Durable delivery across a real restart of the packaged notification-service; the retry still continues the trace of
 * its decision.
 */
class NotificationRestartIT {

    private final List<String> attempts = new CopyOnWriteArrayList<>();
    private final List<String> traceparents = new CopyOnWriteArrayList<>();
    private final AtomicBoolean receiverHealthy = new AtomicBoolean(false);
    private DebriefSystem system;
    private Recruiting recruiting;
    private HttpServer receiver;
    private String subscriptionId;

    @BeforeEach
    void startAReceiverThatIsDown() throws IOException {
        system = RunningSystem.get();
        recruiting = new Recruiting(system.scorecards(), system.tokens());
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/flaky", exchange -> {
            attempts.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            traceparents.add(exchange.getRequestHeaders().getFirst("webhook-id") + " "
                    + exchange.getRequestHeaders().getFirst("traceparent"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(receiverHealthy.get() ? 204 : 503, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopTheReceiver() {
        if (subscriptionId != null) {
            given().baseUri(system.notifications().baseUrl()).header("Authorization", recruiting.recruiter())
                    .delete("/api/subscriptions/" + subscriptionId);
        }
        receiver.stop(0);
    }

    @Test
    void aDeliveryPendingWhileNotificationServiceRestartsIsStillDelivered() throws Exception {
        subscriptionId = given().baseUri(system.notifications().baseUrl()).header("Authorization", recruiting.recruiter())
                .contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/flaky"))
                .post("/api/subscriptions").then().statusCode(201).extract().path("id");

        String loopId = recruiting.openLoop("Vo Van D", "MID");
        recruiting.submit(loopId, "alice", Map.of("CONTAINERIZATION", 4, "ORCHESTRATION", 4, "CI_CD", 4, "ML_TOOLS", 4), "YES");
        recruiting.submit(loopId, "bob", Map.of("SYSTEM_DESIGN", 4, "MONITORING", 4, "PROBLEM_SOLVING", 4), "YES");
        recruiting.submit(loopId, "carol", Map.of("COMMUNICATION", 4), "YES");
        String webhookId = loopId + ":1:" + subscriptionId;

        // the first attempt fails (503) and its retry is due seconds later; the service is stopped before that, the
        // receiver recovers while no instance runs, and only the restarted instance can deliver
        await().atMost(Duration.ofSeconds(60)).until(() -> attempts.contains(webhookId));
        system.restart("notification-service", () -> receiverHealthy.set(true));

        await().atMost(Duration.ofSeconds(90)).until(() -> deliveryStatus(webhookId).equals("DELIVERED"));
        assertThat(attempts.stream().filter(webhookId::equals).count()).isGreaterThanOrEqualTo(2);
        // the retry by the restarted instance joins the trace of the first attempt (stored with the decision)
        List<String> ofThisDelivery = traceparents.stream().filter(line -> line.startsWith(webhookId + " "))
                .map(line -> line.substring(webhookId.length() + 1)).toList();
        assertThat(ofThisDelivery).hasSizeGreaterThanOrEqualTo(2)
                .allMatch(traceparent -> traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
        assertThat(ofThisDelivery.stream().map(traceparent -> traceparent.split("-")[1]).distinct())
                .as("trace ids of the attempts before and after the restart").hasSize(1);
    }

    private String deliveryStatus(String webhookId) {
        List<Map<String, Object>> deliveries = given().baseUri(system.notifications().baseUrl())
                .header("Authorization", recruiting.recruiter())
                .get("/api/subscriptions/" + subscriptionId + "/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return deliveries.stream().filter(d -> webhookId.equals(d.get("webhookId")))
                .map(d -> String.valueOf(d.get("status"))).findFirst().orElse("none");
    }
}
