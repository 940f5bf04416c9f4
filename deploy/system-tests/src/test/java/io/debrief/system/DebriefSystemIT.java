package io.debrief.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.debrief.testsupport.DebriefSystem;
import io.debrief.testsupport.ServiceProcess;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product end to end: the three packaged services as separate processes on a real Kafka broker and a real
 * PostgreSQL, driven over HTTP as a recruiter and interviewers would.
 */
class DebriefSystemIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private static DebriefSystem system;
    private static ServiceProcess scorecards;
    private static ServiceProcess calibrations;
    private static ServiceProcess notifications;
    private static Recruiting recruiting;
    private static HttpServer receiver;
    private static final List<Webhook> webhooks = new CopyOnWriteArrayList<>();

    record Webhook(Map<String, String> headers, String body) {
    }

    @BeforeAll
    static void startTheSystem() throws IOException {
        system = RunningSystem.get();
        scorecards = system.scorecards();
        calibrations = system.calibrations();
        notifications = system.notifications();
        recruiting = new Recruiting(scorecards, system.tokens());
        receiver = startWebhookReceiver();
    }

    @AfterAll
    static void stopTheReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aFullDebriefReachesTheRecruiterAndAnAmendmentRevisesTheDecision() throws Exception {
        String secret = given().baseUri(notifications.baseUrl()).header("Authorization", recruiting.recruiter())
                .contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
                        "description", "system test receiver"))
                .post("/api/subscriptions")
                .then().statusCode(201).extract().path("secret");

        try (SseClient stream = new SseClient(notifications.baseUrl() + "/api/decisions/stream", recruiting.recruiter());
             KafkaConsumer<String, String> decisions = decisionsConsumer()) {
            String loopId = recruiting.openLoop("Nguyen Van A", "MID");

            recruiting.submit(loopId, "alice", Map.of("CONTAINERIZATION", 4, "ORCHESTRATION", 4, "CI_CD", 4, "ML_TOOLS", 3), "YES");
            recruiting.submit(loopId, "bob", Map.of("SYSTEM_DESIGN", 4, "MONITORING", 3, "PROBLEM_SOLVING", 3), "YES");
            recruiting.submit(loopId, "carol", Map.of("COMMUNICATION", 3), "STRONG_YES");

            // average exactly 28/8 = 3.5 on MID: a hire (DOMAIN.md worked example 1)
            JsonNode first = JSON.readTree(stream.await(e -> (loopId + ":1").equals(e.id()), EVENTUALLY).data());
            assertThat(first.path("outcome").asText()).isEqualTo("HIRE");
            assertThat(first.path("average").decimalValue()).isEqualByComparingTo("3.5");
            assertThat(first.path("decisionVersion").asInt()).isEqualTo(1);

            ConsumerRecord<String, String> published = awaitRecord(decisions, loopId, 1);
            assertThat(header(published, "ce_type")).isEqualTo("hiring.decision.made.v1");
            assertThat(header(published, "ce_id")).isEqualTo(loopId + ":1");
            assertThat(JSON.readTree(published.value()).path("outcome").asText()).isEqualTo("HIRE");

            given().baseUri(calibrations.baseUrl()).header("Authorization", recruiting.hiringManager())
                    .get("/api/calibrations/" + loopId)
                    .then().statusCode(200).body("status", org.hamcrest.Matchers.is("DECIDED"));

            // carol amends communication to 2: below MID's area minimum of 3, so the decision is revised
            recruiting.amend(loopId, "carol", Map.of("COMMUNICATION", 2), "NO");

            JsonNode second = JSON.readTree(stream.await(e -> (loopId + ":2").equals(e.id()), EVENTUALLY).data());
            assertThat(second.path("outcome").asText()).isEqualTo("NO_HIRE");
            assertThat(JSON.readTree(awaitRecord(decisions, loopId, 2).value()).path("outcome").asText()).isEqualTo("NO_HIRE");

            await().atMost(EVENTUALLY).until(() -> webhooksFor(loopId).size() >= 2);
            for (Webhook webhook : webhooksFor(loopId)) {
                assertThat(signatureIsValid(secret, webhook)).as("Standard Webhooks signature").isTrue();
            }
        }
    }

    @Test
    void freeTextStaysInScorecardServiceAndCandidateNamesStayOutOfLogs() throws Exception {
        String candidate = "Pham Thi Secret-" + UUID.randomUUID();
        String loopId = recruiting.openLoop(candidate, "JUNIOR");
        recruiting.submit(loopId, "alice", Map.of("CONTAINERIZATION", 3, "ORCHESTRATION", 3, "CI_CD", 3, "ML_TOOLS", 3), "YES");
        recruiting.submit(loopId, "bob", Map.of("SYSTEM_DESIGN", 3, "MONITORING", 3, "PROBLEM_SOLVING", 3), "YES");
        recruiting.submit(loopId, "carol", Map.of("COMMUNICATION", 3), "YES");

        List<ConsumerRecord<String, String>> events = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> scorecardEvents = consumer("scorecard-events")) {
            await().atMost(EVENTUALLY).until(() -> {
                scorecardEvents.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (loopId.equals(record.key())) {
                        events.add(record);
                    }
                });
                return events.size() >= 4;
            });
        }
        for (ConsumerRecord<String, String> event : events) {
            JsonNode data = JSON.readTree(event.value());
            assertThat(data.has("notes")).as("notes on the topic").isFalse();
            assertThat(data.has("evidence")).as("evidence on the topic").isFalse();
            assertThat(event.value()).doesNotContain("private notes of");
        }

        try (KafkaConsumer<String, String> decisions = decisionsConsumer()) {
            awaitRecord(decisions, loopId, 1);
        }
        for (ServiceProcess service : List.of(scorecards, calibrations, notifications)) {
            assertThat(java.nio.file.Files.readString(service.log())).as(service.name() + "'s log").doesNotContain(candidate);
        }
    }

    private static KafkaConsumer<String, String> decisionsConsumer() {
        return consumer("hiring-decisions");
    }

    private static KafkaConsumer<String, String> consumer(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static ConsumerRecord<String, String> awaitRecord(KafkaConsumer<String, String> consumer, String loopId, int version) {
        long deadline = System.nanoTime() + EVENTUALLY.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (loopId.equals(record.key()) && (loopId + ":" + version).equals(header(record, "ce_id"))) {
                    return record;
                }
            }
        }
        throw new AssertionError("decision " + loopId + ":" + version + " never reached hiring-decisions");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<Webhook> webhooksFor(String loopId) {
        return webhooks.stream().filter(w -> w.headers().getOrDefault("webhook-id", "").startsWith(loopId + ":")).toList();
    }

    /** Standard Webhooks verification, written here independently of notification-service. */
    private static boolean signatureIsValid(String secret, Webhook webhook) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String signed = webhook.headers().get("webhook-id") + "." + webhook.headers().get("webhook-timestamp") + "." + webhook.body();
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        return List.of(webhook.headers().getOrDefault("webhook-signature", "").split(" ")).contains(expected);
    }

    private static HttpServer startWebhookReceiver() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks", exchange -> {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            webhooks.add(new Webhook(headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }
}
