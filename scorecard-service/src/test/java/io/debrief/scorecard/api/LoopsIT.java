package io.debrief.scorecard.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.debrief.scorecard.testing.Api;
import io.debrief.scorecard.testing.ReadsScorecardEvents;
import io.debrief.scorecard.testing.ScorecardEvents;
import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Loops, scorecards, amendments and cancellation through the REST API, and the events they produce on Kafka. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scorecard"))
class LoopsIT extends ReadsScorecardEvents {

    @Inject
    DataSource db;

    @Test
    void openingALoopAnswers201WithLocationAndEmitsLoopOpened() {
        Map<String, Object> body = Api.loopBody("alice", "TECHNICAL_SCREEN", "bob", "SYSTEM_DESIGN");
        Response created = Api.open(body);

        assertThat(created.statusCode()).isEqualTo(201);
        String loopId = created.jsonPath().getString("loopId");
        assertThat(created.header("Location")).endsWith("/api/loops/" + loopId);
        JsonPath loop = created.jsonPath();
        assertThat(loop.getString("status")).isEqualTo("OPEN");
        assertThat(loop.getString("level")).isEqualTo("MID");
        assertThat(loop.getString("position")).isEqualTo("MLOps Engineer");
        assertThat(loop.getMap("candidate")).isEqualTo(body.get("candidate"));
        assertThat(loop.getList("panel.interviewerId")).containsExactly("alice", "bob");
        assertThat(loop.getList("panel.stage")).containsExactly("TECHNICAL_SCREEN", "SYSTEM_DESIGN");
        assertThat(loop.getList("panel.submitted")).containsExactly(false, false);
        assertThat(loop.getString("openedAt")).endsWith("Z");
        assertThat(Api.asRecruiter().get(created.header("Location")).asString()).isEqualTo(created.asString());

        ScorecardEvents.Event opened = ScorecardEvents.shared().awaitType(loopId, "hiring.loop.opened.v1").get(0);
        assertThat(opened.key()).isEqualTo(loopId);
        assertThat(opened.headers()).containsEntry("ce_specversion", "1.0").containsEntry("ce_source", "/scorecard-service")
                .containsEntry("ce_type", "hiring.loop.opened.v1").containsEntry("ce_subject", loopId)
                .containsEntry("content-type", "application/json").containsKeys("ce_id", "ce_time");
        JsonNode data = opened.data();
        assertThat(data.get("loopId").asText()).isEqualTo(loopId);
        String sealed = data.get("candidate").get("name").asText();
        assertThat(sealed).startsWith("enc:v1:").doesNotContain("Ada");
        assertThat(Api.unseal(loopId, sealed)).isEqualTo("Ada Lovelace");
        assertThat(data.get("position").asText()).isEqualTo("MLOps Engineer");
        assertThat(data.get("level").asText()).isEqualTo("MID");
        assertThat(data.get("panel")).isEqualTo(tree("[{\"interviewerId\":\"alice\",\"stage\":\"TECHNICAL_SCREEN\"},"
                + "{\"interviewerId\":\"bob\",\"stage\":\"SYSTEM_DESIGN\"}]"));
        assertThat(data.get("candidate").get("id").asText()).isEqualTo(((Map<?, ?>) body.get("candidate")).get("id"));
        assertThat(data.get("openedAt").asText()).isEqualTo(loop.getString("openedAt"));
        assertThat(opened.headers().get("ce_time")).isEqualTo(loop.getString("openedAt"));
    }

    @Test
    void amendmentsAddVersionsKeepTheHistoryAndServeTheLatest() {
        String loopId = Api.openLoop("alice", "TECHNICAL_SCREEN", "bob", "SYSTEM_DESIGN");

        Response first = Api.submit(loopId, Api.scorecardBody("alice", 2));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.header("Location")).endsWith("/api/loops/" + loopId + "/scorecards/alice");
        assertThat(first.jsonPath().getInt("version")).isEqualTo(1);
        assertThat(first.jsonPath().getString("stage")).isEqualTo("TECHNICAL_SCREEN");
        assertThat(first.jsonPath().getString("evidence.CI_CD")).isEqualTo("Built a GitOps pipeline end to end");
        String scorecardId = first.jsonPath().getString("scorecardId");

        Response second = Api.amend(loopId, "alice", Api.scorecardBody("alice", 3));
        Response third = Api.amend(loopId, "alice", Api.scorecardBody("alice", 5));
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(second.jsonPath().getInt("version")).isEqualTo(2);
        assertThat(third.jsonPath().getInt("version")).isEqualTo(3);
        assertThat(third.jsonPath().getString("scorecardId")).isEqualTo(scorecardId);

        assertThat(Api.as("alice").get("/api/loops/" + loopId + "/scorecards/alice").asString())
                .isEqualTo(third.asString());
        assertThat(Api.asRecruiter().get("/api/loops/" + loopId + "/scorecards").jsonPath().getList("version"))
                .containsExactly(3);
        JsonPath history = Api.asRecruiter().get("/api/loops/" + loopId + "/scorecards/alice/versions").jsonPath();
        assertThat(history.getList("version")).containsExactly(1, 2, 3);
        assertThat(history.getList("scores.CI_CD")).containsExactly(2, 3, 5);
        JsonPath loop = Api.asRecruiter().get("/api/loops/" + loopId).jsonPath();
        assertThat(loop.getList("panel.submitted")).containsExactly(true, false);
        assertThat(loop.getList("panel.version")).containsExactly(3, null);
        Api.asRecruiter().get("/api/loops/" + loopId + "/scorecards/bob").then().statusCode(404);

        List<ScorecardEvents.Event> events = ScorecardEvents.shared().await(loopId, e -> e.size() == 4);
        assertThat(events).extracting(ScorecardEvents.Event::type).containsExactly("hiring.loop.opened.v1",
                "hiring.scorecard.submitted.v1", "hiring.scorecard.submitted.v1", "hiring.scorecard.submitted.v1");
        assertThat(events.subList(1, 4)).extracting(e -> e.data().get("version").asInt()).containsExactly(1, 2, 3);
        JsonNode latest = events.get(3).data();
        assertThat(latest.get("scorecardId").asText()).isEqualTo(scorecardId);
        assertThat(latest.get("interviewerId").asText()).isEqualTo("alice");
        assertThat(latest.get("stage").asText()).isEqualTo("TECHNICAL_SCREEN");
        assertThat(latest.get("scores")).isEqualTo(tree("{\"CI_CD\":5,\"MONITORING\":3}"));
        assertThat(latest.get("redFlags")).isEqualTo(tree("[\"RIGID\"]"));
        assertThat(latest.get("greenFlags")).isEqualTo(tree("[\"PROACTIVE\"]"));
        assertThat(latest.get("recommendation").asText()).isEqualTo("YES");
        assertThat(latest.get("submittedAt").asText()).isEqualTo(third.jsonPath().getString("submittedAt"));
        assertThat(latest.has("evidence")).as("free text stays in the service").isFalse();
        assertThat(latest.has("notes")).as("free text stays in the service").isFalse();
        assertThat(events.get(3).headers()).containsEntry("ce_subject", loopId);
    }

    @Test
    void aCancelledLoopTakesNoScorecardsAndCancellingAgainEmitsNothing() {
        String loopId = Api.openLoop("alice", "CODING_PRACTICAL", "bob", "CULTURAL_FIT");
        assertThat(Api.submit(loopId, Api.scorecardBody("alice", 4)).statusCode()).isEqualTo(201);

        Response cancelled = Api.cancel(loopId);
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.jsonPath().getString("status")).isEqualTo("CANCELLED");
        String sequence = Api.outboxSequence(db);
        Response again = Api.cancel(loopId);
        assertThat(Api.outboxSequence(db)).as("a second cancel writes no event").isEqualTo(sequence);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.asString()).isEqualTo(cancelled.asString());
        Api.asRecruiter().get("/api/loops/" + loopId).then().statusCode(200).body("status", is("CANCELLED"));

        assertThat(Api.submit(loopId, Api.scorecardBody("bob", 4)).statusCode()).isEqualTo(409);
        assertThat(Api.amend(loopId, "alice", Api.scorecardBody("alice", 1)).statusCode()).isEqualTo(409);
        assertThat(Api.asRecruiter().get("/api/loops/" + loopId + "/scorecards/alice").jsonPath().getInt("version"))
                .isEqualTo(1);

        List<ScorecardEvents.Event> events = ScorecardEvents.shared().awaitType(loopId, "hiring.loop.cancelled.v1");
        assertThat(events).extracting(ScorecardEvents.Event::type).containsExactly("hiring.loop.opened.v1",
                "hiring.scorecard.submitted.v1", "hiring.loop.cancelled.v1");
        assertThat(events.get(2).data().get("loopId").asText()).isEqualTo(loopId);
        assertThat(events.get(2).data().get("cancelledAt").asText()).endsWith("Z");
    }

    @Test
    void unknownLoopsAndScorecardsAreNotFound() {
        Api.asRecruiter().get("/api/loops/7d4f1c5e-0000-4000-8000-000000000000").then().statusCode(404)
                .contentType("application/problem+json").body("status", is(404));
        Api.asRecruiter().get("/api/loops/7d4f1c5e-0000-4000-8000-000000000000/scorecards").then().statusCode(404);
        Api.asRecruiter().get("/api/loops/whatever/scorecards/alice").then().statusCode(404);
        Api.as("alice").get("/api/loops/7d4f1c5e-0000-4000-8000-000000000000").then().statusCode(404);
        String loopId = Api.openLoop("alice", "TECHNICAL_SCREEN");
        Api.asRecruiter().urlEncodingEnabled(false).get("/api/loops/" + loopId + "/scorecards/al%00ice").then()
                .statusCode(404).contentType("application/problem+json");
        // a NUL in the path is nobody's id: alice may not amend it (403), and it is never a 500
        Api.as("alice").urlEncodingEnabled(false).contentType("application/json")
                .body(Api.json(Api.scorecardBody("alice", 4)))
                .put("/api/loops/" + loopId + "/scorecards/al%00ice").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void openApiDescribesEveryEndpointAndSwaggerUiIsServed() {
        JsonPath openapi = given().accept("application/json").get("/q/openapi").jsonPath();
        Map<String, Object> paths = openapi.getMap("paths");
        assertThat(paths).containsKeys("/api/loops", "/api/loops/{loopId}", "/api/loops/{loopId}/cancel",
                "/api/loops/{loopId}/scorecards", "/api/loops/{loopId}/scorecards/{interviewerId}");
        assertThat(openapi.getString("paths.'/api/loops'.post.summary")).isEqualTo("Open a loop");
        assertThat(openapi.getMap("paths.'/api/loops/{loopId}/scorecards'.post.responses")).containsKeys("201", "400",
                "404", "409", "422");
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void everyOperationDocumentsEachStatusItCanAnswerWithTypedSchemas() {
        JsonPath openapi = given().accept("application/json").get("/q/openapi").jsonPath();
        Map<String, List<String>> expected = new java.util.LinkedHashMap<>();
        expected.put("paths.'/api/loops'.post", List.of("201", "400", "401", "403", "413", "415", "422", "503"));
        expected.put("paths.'/api/loops'.get", List.of("200", "400", "401", "403", "503"));
        expected.put("paths.'/api/loops/{loopId}'.get", List.of("200", "401", "403", "404", "503"));
        expected.put("paths.'/api/loops/{loopId}/cancel'.post", List.of("200", "401", "403", "404", "503"));
        expected.put("paths.'/api/loops/{loopId}/scorecards'.post",
                List.of("201", "400", "401", "403", "404", "409", "413", "415", "422", "503"));
        expected.put("paths.'/api/loops/{loopId}/scorecards'.get", List.of("200", "401", "403", "404", "503"));
        expected.put("paths.'/api/loops/{loopId}/scorecards/{interviewerId}'.put",
                List.of("200", "400", "401", "403", "404", "409", "413", "415", "503"));
        expected.put("paths.'/api/loops/{loopId}/scorecards/{interviewerId}'.get",
                List.of("200", "401", "403", "404", "503"));
        expected.put("paths.'/api/loops/{loopId}/scorecards/{interviewerId}/versions'.get",
                List.of("200", "401", "403", "404", "503"));
        expected.put("paths.'/api/plans'.get", List.of("200", "401", "403", "503"));
        expected.put("paths.'/api/rubric'.get", List.of("200", "400", "401", "403", "503"));
        expected.forEach((operation, statuses) -> assertThat(openapi.getMap(operation + ".responses"))
                .as(operation).containsKeys(statuses.toArray(String[]::new)));
        // typed bodies: the Loop schema has its fields, nothing is a bare JSON node
        assertThat(openapi.getMap("components.schemas.Loop.properties")).containsKeys("loopId", "panel",
                "coverageWarnings");
        assertThat(openapi.prettify()).doesNotContain("JsonNode", "valueNode");
    }

    private static JsonNode tree(String json) {
        try {
            return Api.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
