package io.debrief.calibration.api;

import static io.debrief.calibration.Events.scores;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.debrief.calibration.Events;
import io.debrief.calibration.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.debrief.calibration.LoopKeyService;
import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The query API: one calibration, filtered lists, the bars, the live stream, problem details. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "calibration"))
@WithTestResource(LoopKeyService.class)
class CalibrationResourceIT {

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
        await().atMost(Events.EVENTUALLY).untilAsserted(() -> {
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
        HttpRequest request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream")
                .header("Authorization", Api.recruiterBearer()).build();
        List<String> lines;
        int index;
        try (StreamLines open = StreamLines.open(HttpClient.newHttpClient(), request); Events events = new Events()) {
            index = open.openAndDecide(events, loopId, "MID", scores(0, 4, 4, 4, 4, 4, 4, 4, 4));
            lines = open.lines;
        }
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
