package io.debrief.scorecard.usecase;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.debrief.scorecard.testing.Api;
import io.debrief.testsupport.LocalStackTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * {@code debrief_scorecard_events_accepted_total{type}} counts, after the commit, exactly the events the write use
 * cases put in the outbox ({@link OutboxWrites}): one per opened loop, submission, amendment and cancellation, none for
 * an {@code Idempotency-Key} replay, a refused request or a second cancellation.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scorecard"))
class EventsAcceptedIT {

    static final String OPENED = "hiring.loop.opened.v1";
    static final String SUBMITTED = "hiring.scorecard.submitted.v1";
    static final String CANCELLED = "hiring.loop.cancelled.v1";

    @Inject
    MeterRegistry registry;

    @Test
    void eachAcceptedWriteCountsItsEventOnce() {
        double opened = accepted(OPENED);
        double submitted = accepted(SUBMITTED);
        double cancelled = accepted(CANCELLED);

        String loopId = Api.openLoop("alice", "TECHNICAL_SCREEN", "bob", "SYSTEM_DESIGN");
        assertThat(accepted(OPENED) - opened).isEqualTo(1);

        assertThat(Api.submit(loopId, Api.scorecardBody("alice", 4)).statusCode()).isEqualTo(201);
        assertThat(Api.amend(loopId, "alice", Api.scorecardBody("alice", 3)).statusCode()).isEqualTo(200);
        assertThat(accepted(SUBMITTED) - submitted).isEqualTo(2);

        assertThat(Api.cancel(loopId).statusCode()).isEqualTo(200);
        assertThat(Api.cancel(loopId).statusCode()).isEqualTo(200); // already cancelled: no second event
        assertThat(accepted(CANCELLED) - cancelled).isEqualTo(1);
        assertThat(accepted(OPENED) - opened).isEqualTo(1);
    }

    @Test
    void aReplayedOrRefusedRequestCountsNothing() {
        String key = Api.unique("key");
        Map<String, Object> body = Api.loopBody("carol", "CULTURAL_FIT");
        double opened = accepted(OPENED);
        Response first = withKey(key).body(Api.json(body)).post("/api/loops");
        Response replay = withKey(key).body(Api.json(body)).post("/api/loops");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(replay.asString()).isEqualTo(first.asString());
        assertThat(accepted(OPENED) - opened).isEqualTo(1);

        String loopId = first.jsonPath().getString("loopId");
        double submitted = accepted(SUBMITTED);
        assertThat(Api.submit(loopId, Api.scorecardBody("carol", 4)).statusCode()).isEqualTo(201);
        assertThat(Api.submit(loopId, Api.scorecardBody("carol", 4)).statusCode()).isEqualTo(409);
        assertThat(Api.submit(loopId, Api.scorecardBody("mallory", 4)).statusCode()).isBetween(400, 499); // not on the panel
        assertThat(accepted(SUBMITTED) - submitted).isEqualTo(1);
    }

    @Test
    void theCounterIsScrapedWithItsPrometheusName() {
        Api.openLoop("dave", "SYSTEM_DESIGN");
        String scraped = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(scraped).containsPattern("debrief_scorecard_events_accepted_total\\{[^}]*type=\"" + OPENED
                + "\"[^}]*} [1-9]");
        for (String type : new String[] {SUBMITTED, CANCELLED, "hiring.scorecard.overdue.v1"}) {
            assertThat(scraped).contains("debrief_scorecard_events_accepted_total{").contains("type=\"" + type + "\"");
        }
    }

    private static io.restassured.specification.RequestSpecification withKey(String key) {
        return Api.asRecruiter().contentType("application/json").header("Idempotency-Key", key);
    }

    private double accepted(String type) {
        return registry.get("debrief.scorecard.events.accepted").tag("type", type).counter().count();
    }
}
