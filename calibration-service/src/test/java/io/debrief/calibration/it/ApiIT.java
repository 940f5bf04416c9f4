package io.debrief.calibration.it;

import static io.debrief.calibration.it.Events.scores;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.debrief.stack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The query API: one calibration, filtered lists, the bars, the live stream, problem details. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "calibration"))
class ApiIT {

    @TestHTTPResource("/api/calibrations/stream")
    URI stream;

    @Test
    void theBarsAreTheHandbookDefaults() {
        Api.asRecruiter().get("/api/bars").then().statusCode(200)
                .body("JUNIOR.average", is(2.5f)).body("JUNIOR.areaMinimum", is(2)).body("JUNIOR.expertAreas", nullValue())
                .body("MID.average", is(3.5f)).body("MID.areaMinimum", is(3)).body("MID.expertAreas", nullValue())
                .body("SENIOR.average", is(4)).body("SENIOR.areaMinimum", is(3)).body("SENIOR.expertAreas", is(3));
    }

    @Test
    void anUnknownLoopIsANotFoundProblem() {
        Api.asRecruiter().get("/api/calibrations/no-such-loop").then().statusCode(404)
                .contentType("application/problem+json").body("status", is(404)).body("title", is("Not Found"))
                .body("detail", is("no calibration for loop no-such-loop"));
    }

    @Test
    void anUnknownFilterValueIsABadRequestProblem() {
        Api.asRecruiter().get("/api/calibrations?status=MAYBE").then().statusCode(400)
                .contentType("application/problem+json").body("status", is(400))
                .body("violations[0].field", is("status"));
        Api.asRecruiter().get("/api/calibrations?level=PRINCIPAL").then().statusCode(400).body("violations[0].field", is("level"));
        Api.asRecruiter().get("/api/calibrations?outcome=hire").then().statusCode(400).body("violations[0].field", is("outcome"));
    }

    @Test
    void calibrationsAreFilteredByStatusLevelAndOutcome() {
        String hired = Events.newLoopId();
        String pending = Events.newLoopId();
        try (Events events = new Events()) {
            events.opened(hired, "JUNIOR", "alice");
            events.scorecard(hired, "alice", 1, scores(0, 3, 3, 3, 3, 3, 3, 3, 3), "YES");
            events.opened(pending, "JUNIOR", "alice", "bob");
        }
        await().atMost(CalibrationFlowIT.EVENTUALLY).untilAsserted(() -> {
            Api.asRecruiter().get("/api/calibrations?status=DECIDED&level=JUNIOR&outcome=HIRE").then().statusCode(200)
                    .body("loopId", hasItem(hired)).body("loopId", not(hasItem(pending)));
            Api.asRecruiter().get("/api/calibrations?status=PENDING").then().statusCode(200)
                    .body("loopId", hasItem(pending)).body("loopId", not(hasItem(hired)));
        });
        Api.asRecruiter().get("/api/calibrations?level=SENIOR").then().statusCode(200).body("loopId", not(hasItem(hired)));
        Api.asRecruiter().get("/api/calibrations").then().statusCode(200).body("loopId", hasItem(hired)).body("loopId", hasItem(pending));
    }

    @Test
    void theStreamPushesEveryCalibrationChangeLive() throws Exception {
        String loopId = Events.newLoopId();
        CopyOnWriteArrayList<String> lines = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream")
                .header("Authorization", Api.recruiterBearer()).build();
        CompletableFuture<HttpResponse<java.io.InputStream>> response =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<java.io.InputStream> open = response.get(30, TimeUnit.SECONDS);
        assertThat(open.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(open.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (Exception closed) {
                // the test is over
            }
        });
        reader.setDaemon(true);
        reader.start();
        try (Events events = new Events()) {
            var opened = events.opened(loopId, "MID", "alice");
            // the stream's consumer starts at the end of calibration-updates: resend until it has joined
            await().atMost(CalibrationFlowIT.EVENTUALLY).pollInterval(Duration.ofSeconds(2)).until(() -> {
                if (lines.stream().noneMatch(l -> l.contains(loopId))) {
                    events.resend(opened);
                    return false;
                }
                return true;
            });
            events.scorecard(loopId, "alice", 1, scores(0, 4, 4, 4, 4, 4, 4, 4, 4), "YES");
            await().atMost(CalibrationFlowIT.EVENTUALLY)
                    .until(() -> lines.stream().anyMatch(l -> l.contains(loopId) && l.contains("\"DECIDED\"")));
        } finally {
            open.body().close();
        }
        int index = lines.indexOf(lines.stream().filter(l -> l.contains(loopId) && l.contains("\"DECIDED\"")).findFirst().orElseThrow());
        assertThat(lines.get(index - 1).replace(" ", "")).isEqualTo("event:calibration");
        assertThat(lines.get(index)).startsWith("data:");
        JsonNode calibration = Events.JSON.readTree(lines.get(index).substring("data:".length()).trim());
        assertThat(calibration.path("loopId").asText()).isEqualTo(loopId);
        assertThat(calibration.path("outcome").asText()).isEqualTo("HIRE");
    }

    @Test
    void theServiceIsReadyWithKafkaAndTheDatabaseAndThePageIsOpen() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        given().get("/").then().statusCode(200);
    }
}
