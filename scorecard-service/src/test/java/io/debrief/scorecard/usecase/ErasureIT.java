package io.debrief.scorecard.usecase;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.debrief.contract.GoldenEvent;
import io.debrief.scorecard.testing.Api;
import io.debrief.scorecard.testing.ReadsScorecardEvents;
import io.debrief.scorecard.testing.ScorecardEvents;
import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Erasure and retention in scorecard-service (issue 18), on the real database and broker: what an erasure removes
 * (the name, every note and evidence text, the loop's key, the same fields in stored Idempotency-Key responses), what
 * it keeps (ids, scores, flags, recommendations), the event it emits, its idempotency, who may erase, and retention's
 * erasure of a loop decided long ago.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scorecard"))
class ErasureIT extends ReadsScorecardEvents {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource db;

    @Inject
    EraseExpiredLoops retention;

    private final String name = "Zyxwv Probe-" + UUID.randomUUID();
    private final String notes = "notes-probe-" + UUID.randomUUID();
    private final String evidence = "evidence-probe-" + UUID.randomUUID();

    @Test
    void anErasureRemovesTheNameNotesEvidenceAndKeysOfEveryLoopAndKeepsTheScores() {
        String candidateId = Api.unique("cand");
        String first = openLoop(candidateId);
        String second = openLoop(candidateId);
        String idempotencyKey = Api.unique("key");
        Response submitted = given().header(Api.AUTHORIZATION, Api.interviewer("alice"))
                .header("Idempotency-Key", idempotencyKey).contentType("application/json")
                .body(Api.json(scorecard("alice"))).post("/api/loops/" + first + "/scorecards");
        assertThat(submitted.statusCode()).isEqualTo(201);
        assertThat(Api.submit(second, scorecard("alice")).statusCode()).isEqualTo(201);
        String sealed = ScorecardEvents.shared().awaitType(first, "hiring.loop.opened.v1").get(0).data()
                .get("candidate").get("name").asText();
        assertThat(Api.unseal(first, sealed)).isEqualTo(name);
        assertThat(dump()).contains(name, notes, evidence);

        Response erased = erase(candidateId);

        assertThat(erased.statusCode()).isEqualTo(202);
        JsonPath answer = erased.jsonPath();
        assertThat(answer.getString("candidateId")).isEqualTo(candidateId);
        assertThat(answer.getList("loopIds")).containsExactlyInAnyOrder(first, second);
        assertThat(answer.getString("erasedAt")).endsWith("Z");

        JsonPath loop = JsonPath.from(Api.getLoop(first));
        assertThat(loop.getString("candidate.id")).isEqualTo(candidateId);
        assertThat(loop.getString("candidate.name")).isNull();
        assertThat(loop.getString("erasedAt")).isEqualTo(answer.getString("erasedAt"));
        JsonPath scorecards = JsonPath.from(Api.getScorecards(first));
        assertThat(scorecards.getString("[0].notes")).isNull();
        assertThat(scorecards.getMap("[0].evidence")).isEmpty();
        assertThat(scorecards.getInt("[0].scores.CI_CD")).isEqualTo(4);
        assertThat(scorecards.getString("[0].recommendation")).isEqualTo("YES");
        assertThat(scorecards.getList("[0].redFlags")).containsExactly("RIGID");

        assertThat(Api.loopKey(first)).isNull();
        assertThat(Api.loopKey(second)).isNull();
        assertThat(Api.unseal(first, sealed)).isNull();
        String replay = given().header(Api.AUTHORIZATION, Api.interviewer("alice"))
                .header("Idempotency-Key", idempotencyKey).contentType("application/json")
                .body(Api.json(scorecard("alice"))).post("/api/loops/" + first + "/scorecards").asString();
        assertThat(replay).doesNotContain(notes, evidence).contains("\"scores\"");
        assertThat(dump()).doesNotContain(name, notes, evidence);

        ScorecardEvents.Event event = ScorecardEvents.shared().awaitType(candidateId, "hiring.candidate.erased.v1")
                .get(0);
        GoldenEvent golden = GoldenEvent.of("hiring.candidate.erased.v1").with(Map.of("key", candidateId,
                "headers.ce_subject", candidateId, "value.candidateId", candidateId));
        assertThat(golden.mismatches(ScorecardEvents.TOPIC, event.key(), event.headers(), event.value())).isEmpty();
        assertThat(event.id()).isEqualTo(candidateId + ":erased:"
                + java.time.Instant.parse(answer.getString("erasedAt")).toEpochMilli());
        assertThat(event.data().get("loopIds")).containsExactlyInAnyOrder(
                Api.JSON.getNodeFactory().textNode(first), Api.JSON.getNodeFactory().textNode(second));
        assertThat(event.data().get("erasedAt").asText()).isEqualTo(answer.getString("erasedAt"));

        JsonPath audit = JsonPath.from(Api.asRecruiter().get("/api/loops/" + first + "/audit").asString());
        assertThat(audit.getList("action")).contains("SCORECARD_SUBMITTED", "ERASED");
        assertThat(audit.prettify()).doesNotContain(name, notes, evidence);
    }

    @Test
    void aRepeatedErasureAnswersTheFirstAndEmitsNothingWhileALoopOpenedSinceIsErasedByTheNext() {
        String candidateId = Api.unique("cand");
        String first = openLoop(candidateId);
        JsonPath once = erase(candidateId).jsonPath();

        Response again = erase(candidateId);

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.jsonPath().getString("erasedAt")).isEqualTo(once.getString("erasedAt"));
        assertThat(again.jsonPath().getList("loopIds")).containsExactly(first);
        ScorecardEvents.shared().awaitType(candidateId, "hiring.candidate.erased.v1");

        String later = openLoop(candidateId);
        JsonPath third = erase(candidateId).jsonPath();
        assertThat(third.getList("loopIds")).containsExactlyInAnyOrder(first, later);
        List<ScorecardEvents.Event> erasures = ScorecardEvents.shared().await(candidateId, events -> events.stream()
                .filter(e -> e.type().equals("hiring.candidate.erased.v1")).map(ScorecardEvents.Event::id)
                .distinct().count() == 2);
        assertThat(erasures.stream().map(ScorecardEvents.Event::id).distinct()).hasSize(2);
        assertThat(erasures.get(erasures.size() - 1).data().get("loopIds").get(0).asText()).isEqualTo(later);
    }

    @Test
    void anErasedLoopTakesNoScorecard() {
        String candidateId = Api.unique("cand");
        String loopId = openLoop(candidateId);
        erase(candidateId);

        Response submitted = Api.submit(loopId, scorecard("alice"));

        assertThat(submitted.statusCode()).isEqualTo(409);
        assertThat(submitted.asString()).contains("erased");
    }

    @Test
    void onlyAnAdminErasesAndAnUnknownCandidateIsNotFound() {
        String candidateId = Api.unique("cand");
        openLoop(candidateId);

        assertThat(given().header(Api.AUTHORIZATION, Api.recruiter())
                .post("/api/candidates/" + candidateId + "/erasure").statusCode()).isEqualTo(403);
        assertThat(given().post("/api/candidates/" + candidateId + "/erasure").statusCode()).isEqualTo(401);
        Response unknown = erase(Api.unique("nobody"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theLoopKeysAreHandedOnlyToTheServicesToken() {
        String loopId = openLoop(Api.unique("cand"));
        String body = Api.json(Map.of("loopIds", List.of(loopId)));

        assertThat(given().contentType("application/json").body(body).post("/internal/loop-keys").statusCode())
                .isEqualTo(403);
        assertThat(given().contentType("application/json").header("X-Debrief-Service-Token", "wrong").body(body)
                .post("/internal/loop-keys").statusCode()).isEqualTo(403);
        assertThat(Api.loopKey(loopId)).hasSize(32);
        assertThat(given().contentType("application/json").header("X-Debrief-Service-Token", Api.SERVICE_TOKEN)
                .body("{}").post("/internal/loop-keys").statusCode()).isEqualTo(400);
    }

    @Test
    void retentionErasesALoopLongAfterItsLastDecisionOnceAndLeavesARecentOneAlone() {
        String candidateId = Api.unique("cand");
        String old = openLoop(candidateId);
        String recent = openLoop(candidateId);
        Api.submit(old, scorecard("alice"));
        Api.execute(db, "INSERT INTO loop_decision (loop_id, last_decided_at) VALUES ('" + old
                + "', now() - interval '400 days'), ('" + recent + "', now() - interval '1 day')");

        Integer erased = retention.eraseDue().await().atMost(WAIT);

        assertThat(erased).isGreaterThanOrEqualTo(1);
        assertThat(JsonPath.from(Api.getLoop(old)).getString("candidate.name")).isNull();
        assertThat(JsonPath.from(Api.getScorecards(old)).getString("[0].notes")).isNull();
        assertThat(JsonPath.from(Api.getLoop(recent)).getString("candidate.name")).isEqualTo(name);
        ScorecardEvents.Event event = ScorecardEvents.shared().awaitType(candidateId, "hiring.candidate.erased.v1")
                .get(0);
        assertThat(event.data().get("loopIds")).hasSize(1);
        assertThat(event.data().get("loopIds").get(0).asText()).isEqualTo(old);
        JsonPath audit = JsonPath.from(Api.asRecruiter().get("/api/loops/" + old + "/audit").asString());
        assertThat(audit.getList("findAll { it.action == 'ERASED' }.by")).containsExactly("retention");

        retention.eraseDue().await().atMost(WAIT);
        assertThat(ScorecardEvents.shared().all(candidateId)).hasSize(1);
    }

    private String openLoop(String candidateId) {
        Map<String, Object> body = Api.loopBody("alice", "TECHNICAL_SCREEN", "bob", "SYSTEM_DESIGN");
        body.put("candidate", new LinkedHashMap<>(Map.of("id", candidateId, "name", name)));
        return Api.openLoop(body);
    }

    private Map<String, Object> scorecard(String interviewerId) {
        Map<String, Object> body = Api.scorecardBody(interviewerId, 4);
        body.put("evidence", new LinkedHashMap<>(Map.of("CI_CD", evidence, "MONITORING", evidence + "-2")));
        body.put("notes", notes);
        return body;
    }

    private static Response erase(String candidateId) {
        return given().header(Api.AUTHORIZATION, Api.bearer("ann-admin", "admin"))
                .post("/api/candidates/" + candidateId + "/erasure");
    }

    /** Every row of every table of the service's database, as text: what a dump would hold. */
    private String dump() {
        StringBuilder all = new StringBuilder();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT t::text FROM \"" + table + "\" t")) {
                    while (rs.next()) {
                        all.append(rs.getString(1)).append('\n');
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return all.toString();
    }
}
