package io.debrief.scorecard.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.debrief.scorecard.testing.Api;
import io.debrief.scorecard.testing.TcpProxy;
import io.debrief.testsupport.LocalStack;
import io.debrief.testsupport.Ports;
import io.debrief.testsupport.PostgresServer;
import io.debrief.testsupport.ServiceProcess;
import io.debrief.testsupport.TestIdentity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The packaged service as its own process, its PostgreSQL reached through a TCP proxy this test can cut: a database
 * outage is a 503 with {@code Retry-After} and problem details on every endpoint that needs the database, never a 500,
 * readiness goes DOWN and comes back by itself; and past {@code debrief.admission.max-in-flight} requests are shed
 * with 503 at once.
 */
class ResilienceIT {

    private static final int MAX_IN_FLIGHT = 2;
    private static TcpProxy database;
    private static ServiceProcess service;
    private static PostgresServer postgres;

    @BeforeAll
    static void startAnInstanceBehindAProxy() throws Exception {
        LocalStack stack = LocalStack.shared();
        postgres = stack.postgres();
        postgres.ensureDatabase("scorecard");
        database = new TcpProxy(postgres.host(), postgres.port());
        Map<String, String> env = ServiceProcess.environmentOf(stack.quarkusConfig("scorecard"));
        env.putAll(ServiceProcess.environmentOf(TestIdentity.serviceConfig()));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + database.port() + "/scorecard");
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:" + database.port() + "/scorecard");
        env.put("DEBRIEF_OUTBOX_ENABLED", "false");
        env.put("DEBRIEF_ADMISSION_MAX_IN_FLIGHT", String.valueOf(MAX_IN_FLIGHT));
        service = ServiceProcess.start(Path.of("..").toAbsolutePath().normalize(), "scorecard-service", Ports.free(),
                List.of("-Xmx256m"), env, Path.of("target", "resilience-instance"));
        service.awaitReady(Duration.ofSeconds(180));
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aDatabaseOutageIs503WithRetryAfterNeverA500AndReadinessComesBackByItself() throws Exception {
        String loopId = opened();
        database.cut();
        try {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                for (Response r : List.of(
                        as(Api.recruiter()).contentType("application/json")
                                .body(Api.json(Api.loopBody("alice", "TECHNICAL_SCREEN"))).post("/api/loops"),
                        as(Api.recruiter()).get("/api/loops/" + loopId),
                        as(Api.recruiter()).get("/api/loops"),
                        as(Api.interviewer("alice")).contentType("application/json")
                                .body(Api.json(Api.scorecardBody("alice", 4))).post("/api/loops/" + loopId + "/scorecards"),
                        as(Api.recruiter()).post("/api/loops/" + loopId + "/cancel"))) {
                    statuses.add(r.statusCode());
                    assertThat(r.statusCode()).as(r.asString()).isEqualTo(503);
                    assertThat(r.header("Retry-After")).isNotBlank();
                    assertThat(r.contentType()).startsWith("application/problem+json");
                    assertThat(r.jsonPath().getInt("status")).isEqualTo(503);
                    assertThat(r.asString()).doesNotContain("Exception", "\tat ");
                }
            }
            assertThat(statuses).doesNotContain(500);
            // what needs no database still answers
            as(Api.recruiter()).get("/api/plans").then().statusCode(200);
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> given().baseUri(service.baseUrl()).get("/q/health/ready").statusCode() == 503);
            assertThat(given().baseUri(service.baseUrl()).get("/q/health/ready").asString()).contains("DOWN");
        } finally {
            database.restore();
        }
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().baseUri(service.baseUrl()).get("/q/health/ready").statusCode() == 200);
        assertThat(opened()).isNotBlank();
        as(Api.recruiter()).get("/api/loops/" + loopId).then().statusCode(200);
    }

    @Test
    void pastMaxInFlightRequestsAreShedAtOnceWith503AndRetryAfter() throws Exception {
        String loopId = opened();
        List<CompletableFuture<Integer>> held = new ArrayList<>();
        // two cancellations that wait for a lock this test holds on the loop's row: two requests in flight
        try (Connection lock = DriverManager.getConnection(postgres.jdbcUrl("scorecard"), postgres.username(),
                postgres.password())) {
            lock.setAutoCommit(false);
            try (PreparedStatement select = lock.prepareStatement(
                    "SELECT loop_id FROM hiring_loop WHERE loop_id = ? FOR UPDATE")) {
                select.setObject(1, UUID.fromString(loopId));
                select.executeQuery().close();
            }
            for (int i = 0; i < MAX_IN_FLIGHT; i++) {
                held.add(CompletableFuture.supplyAsync(() -> as(Api.recruiter())
                        .post("/api/loops/" + loopId + "/cancel").statusCode()));
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> inFlight() == MAX_IN_FLIGHT);

            long started = System.nanoTime();
            Response shed = as(Api.recruiter()).get("/api/plans");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(shed.statusCode()).isEqualTo(503);
            assertThat(shed.header("Retry-After")).isEqualTo("1");
            assertThat(shed.contentType()).startsWith("application/problem+json");
            assertThat(shed.jsonPath().getInt("status")).isEqualTo(503);
            assertThat(shed.jsonPath().getString("detail")).contains("capacity");
            // health and metrics are never shed
            given().baseUri(service.baseUrl()).get("/q/health/live").then().statusCode(200);
            assertThat(held).noneMatch(CompletableFuture::isDone);
            lock.rollback();
        }
        for (CompletableFuture<Integer> request : held) {
            assertThat(request.get()).as("an accepted request keeps its promise").isEqualTo(200);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> inFlight() == 0);
        as(Api.recruiter()).get("/api/plans").then().statusCode(200);
        assertThat(given().baseUri(service.baseUrl()).get("/q/metrics").asString())
                .contains("debrief_admission_shed_total 1.0");
    }

    private static String opened() {
        Response r = as(Api.recruiter()).contentType("application/json")
                .body(Api.json(Api.loopBody("alice", "TECHNICAL_SCREEN"))).post("/api/loops");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
        return r.jsonPath().getString("loopId");
    }

    private static double inFlight() {
        for (String line : given().baseUri(service.baseUrl()).get("/q/metrics").asString().split("\n")) {
            if (line.startsWith("debrief_admission_in_flight")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return -1;
    }

    private static RequestSpecification as(String authorization) {
        return given().baseUri(service.baseUrl()).header(Api.AUTHORIZATION, authorization);
    }
}
