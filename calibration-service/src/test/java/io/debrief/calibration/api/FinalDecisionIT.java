package io.debrief.calibration.api;

import static io.debrief.calibration.Events.header;
import static io.debrief.calibration.Events.scores;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import io.debrief.calibration.Api;
import io.debrief.calibration.Events;
import io.debrief.calibration.usecase.PublishFinalDecisions;
import io.debrief.testsupport.LocalStack;
import io.debrief.calibration.LoopKeyService;
import io.debrief.testsupport.LocalStackTestResource;
import io.debrief.testsupport.TestIdentity;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The hiring manager's final decision on the real broker and database: every 409 rule, the override flag, the
 * calibration that carries it, {@code hiring.decision.finalized.v1}, and the relay that sends one whose publication did
 * not happen after its commit.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "calibration"))
@WithTestResource(LoopKeyService.class)
class FinalDecisionIT extends EventsInDecisionsOut {

    private static final String HANK = TestIdentity.bearer("hank", "hiring-manager");

    @Inject
    PublishFinalDecisions relay;

    /** MID, worked example 1 over three interviewers: HIRE, decision version 1. */
    private String hired() {
        String loopId = Events.newLoopId();
        events.opened(loopId, "MID", "alice", "bob", "carol");
        events.scorecard(loopId, "alice", 1, scores(0, 4, 4, 4, 3), "YES");
        events.scorecard(loopId, "bob", 1, scores(4, 3, 4, 3), "YES");
        events.scorecard(loopId, "carol", 1, scores(7, 3), "YES");
        await().atMost(Events.EVENTUALLY).untilAsserted(() -> Api.asHiringManager().get("/api/calibrations/" + loopId)
                .then().statusCode(200).body("outcome", is("HIRE")).body("decisionVersion", is(1)));
        return loopId;
    }

    private static ValidatableResponse post(String authorization, String loopId, Object body) {
        return given().header("Authorization", authorization).contentType("application/json")
                .body(body instanceof String text ? text : Events.write(body))
                .post("/api/calibrations/" + loopId + "/final-decision").then();
    }

    private static Map<String, Object> body(String outcome, String reason, Integer version) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("outcome", outcome);
        body.put("reason", reason);
        body.put("decisionVersion", version);
        return body;
    }

    @Test
    void anOverrideIsRecordedShownOnTheCalibrationAndPublished() throws Exception {
        String loopId = hired();
        String location = post(HANK, loopId, body("NO_HIRE", "Communication was weaker than the panel scored", 1))
                .statusCode(201).contentType("application/json")
                .body("loopId", is(loopId)).body("outcome", is("NO_HIRE")).body("computedOutcome", is("HIRE"))
                .body("override", is(true)).body("decisionVersion", is(1)).body("decidedBy", is("hank"))
                .body("reason", is("Communication was weaker than the panel scored"))
                .body("decidedAt", containsString("T"))
                .extract().header("Location");
        assertThat(location).endsWith("/api/calibrations/" + loopId);

        Api.asRecruiter().get("/api/calibrations/" + loopId).then().statusCode(200)
                .body("finalDecision.outcome", is("NO_HIRE")).body("finalDecision.override", is(true))
                .body("outcome", is("HIRE"));
        ConsumerRecord<String, String> event = decisions.await(r -> (loopId + ":final").equals(header(r, "ce_id")),
                Events.EVENTUALLY);
        assertThat(event.key()).isEqualTo(loopId);
        assertThat(header(event, "ce_type")).isEqualTo("hiring.decision.finalized.v1");
        assertThat(header(event, "ce_source")).isEqualTo("/calibration-service");
        assertThat(Events.JSON.readTree(event.value()).path("override").asBoolean()).isTrue();
        try (Events.Reader updates = Events.reader("calibration-updates")) {
            updates.await(r -> loopId.equals(r.key()) && r.value().contains("\"finalDecision\":{"), Events.EVENTUALLY);
        }
        assertThat(published(loopId)).as("marked published").isTrue();

        // a later amendment makes a new decision version; the final decision stays as recorded
        events.scorecard(loopId, "carol", 2, scores(7, 2), "NO");
        await().atMost(Events.EVENTUALLY).untilAsserted(() -> Api.asRecruiter().get("/api/calibrations/" + loopId)
                .then().body("decisionVersion", is(2)).body("finalDecision.decisionVersion", is(1))
                .body("finalDecision.outcome", is("NO_HIRE")));
    }

    @Test
    void aLoopIsFinalisedOnceAndOnlyAgainstItsLatestDecisionVersion() {
        String loopId = hired();
        post(HANK, loopId, body("HIRE", "Strong all round", 2)).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("latest"));
        post(HANK, loopId, body("HIRE", "Strong all round", 1)).statusCode(201).body("override", is(false));
        post(TestIdentity.bearer("ada", "admin"), loopId, body("NO_HIRE", "Second thoughts", 1)).statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("already"));

        // amended to version 2: version 1 is stale
        String amended = hired();
        events.scorecard(amended, "carol", 2, scores(7, 2), "NO");
        await().atMost(Events.EVENTUALLY).untilAsserted(() -> Api.asRecruiter().get("/api/calibrations/" + amended)
                .then().body("decisionVersion", is(2)));
        post(HANK, amended, body("HIRE", "As first decided", 1)).statusCode(409).body("detail", containsString("latest"));
        post(HANK, amended, body("NO_HIRE", "As now decided", 2)).statusCode(201).body("computedOutcome", is("NO_HIRE"));
    }

    @Test
    void aLoopThatIsNotDecidedCannotBeFinalised() {
        String pending = Events.newLoopId();
        events.opened(pending, "MID", "alice", "bob");
        events.scorecard(pending, "alice", 1, scores(0, 4, 4, 4, 4, 4, 4, 4, 4), "YES");
        String cancelled = Events.newLoopId();
        events.opened(cancelled, "MID", "alice");
        events.cancelled(cancelled);
        await().atMost(Events.EVENTUALLY).untilAsserted(() -> {
            Api.asRecruiter().get("/api/calibrations/" + pending).then().body("submitted.size()", is(1));
            Api.asRecruiter().get("/api/calibrations/" + cancelled).then().body("status", is("CANCELLED"));
        });
        post(HANK, pending, body("HIRE", "Looks good so far", 1)).statusCode(409).body("detail", containsString("not DECIDED"));
        post(HANK, cancelled, body("NO_HIRE", "Cancelled anyway", 1)).statusCode(409);
        post(HANK, "no-such-loop", body("HIRE", "Who?", 1)).statusCode(404).contentType("application/problem+json");
        Api.asRecruiter().get("/api/calibrations/" + pending).then().body("finalDecision", nullValue());
    }

    @Test
    void insufficientEvidenceCanOnlyBeFinalisedAsNoHire() {
        String loopId = Events.newLoopId();
        events.opened(loopId, "MID", "alice");
        events.scorecard(loopId, "alice", 1, scores(0, 4, 4, 4), "YES");
        await().atMost(Events.EVENTUALLY).untilAsserted(() -> Api.asRecruiter().get("/api/calibrations/" + loopId)
                .then().body("outcome", is("INSUFFICIENT_EVIDENCE")));
        post(HANK, loopId, body("HIRE", "Trust me", 1)).statusCode(409).body("detail", containsString("INSUFFICIENT_EVIDENCE"));
        post(HANK, loopId, body("NO_HIRE", "Not enough evidence", 1)).statusCode(201)
                .body("computedOutcome", is("INSUFFICIENT_EVIDENCE")).body("override", is(true));
    }

    @Test
    void badBodiesAreBadRequestsAndOnlyHiringManagersAndAdminsMayDecide() {
        String loopId = hired();
        post(HANK, loopId, body("MAYBE", "x", 1)).statusCode(400).contentType("application/problem+json");
        post(HANK, loopId, body("INSUFFICIENT_EVIDENCE", "x", 1)).statusCode(400);
        post(HANK, loopId, body("HIRE", "", 1)).statusCode(400).body("violations[0].field", containsString("reason"));
        post(HANK, loopId, body("HIRE", "x".repeat(10_001), 1)).statusCode(400)
                .body("violations[0].field", containsString("reason"));
        post(HANK, loopId, body("HIRE", "ok", null)).statusCode(400)
                .body("violations[0].field", containsString("decisionVersion"));
        post(HANK, loopId, "{not json").statusCode(400);
        given().header("Authorization", HANK).contentType("text/plain").body("HIRE")
                .post("/api/calibrations/" + loopId + "/final-decision").then().statusCode(415);
        post(Api.recruiterBearer(), loopId, body("HIRE", "x", 1)).statusCode(403);
        post(TestIdentity.bearer("alice", "interviewer"), loopId, body("HIRE", "x", 1)).statusCode(403);
        post("Bearer not.a.jwt", loopId, body("HIRE", "x", 1)).statusCode(401);
        Api.asRecruiter().get("/api/calibrations/" + loopId).then().body("finalDecision", nullValue());
        post(TestIdentity.bearer("ada", "admin"), loopId, body("HIRE", "x".repeat(10_000), 1)).statusCode(201)
                .body("decidedBy", is("ada"));
    }

    @Test
    void aFinalDecisionWhosePublicationDidNotHappenIsSentByTheRelay() throws Throwable {
        String loopId = hired();
        // as after a crash between the commit and the publication: stored, never published
        try (Connection db = database(); PreparedStatement insert = db.prepareStatement("INSERT INTO final_decision"
                + " (loop_id, outcome, reason, decision_version, computed_outcome, override, decided_by, decided_at)"
                + " VALUES (?, 'HIRE', 'Stored before a crash', 1, 'HIRE', false, 'hank', now() - interval '1 minute')")) {
            insert.setString(1, loopId);
            insert.executeUpdate();
        }
        VertxContextSupport.subscribeAndAwait(() -> relay.publishUnpublished());

        ConsumerRecord<String, String> event = decisions.await(r -> (loopId + ":final").equals(header(r, "ce_id")),
                Events.EVENTUALLY);
        assertThat(Events.JSON.readTree(event.value()).path("reason").asText()).isEqualTo("Stored before a crash");
        assertThat(published(loopId)).isTrue();
    }

    private static boolean published(String loopId) throws Exception {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                "SELECT published_at IS NOT NULL FROM final_decision WHERE loop_id = ?")) {
            query.setString(1, loopId);
            try (ResultSet result = query.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static Connection database() throws java.sql.SQLException {
        var postgres = LocalStack.shared().postgres();
        return DriverManager.getConnection(postgres.jdbcUrl("calibration"), postgres.username(), postgres.password());
    }
}
