package io.debrief.calibration.api;

import static io.debrief.calibration.Events.header;
import static io.debrief.calibration.Events.scores;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.debrief.calibration.Api;
import io.debrief.calibration.Events;
import io.debrief.calibration.LoopKeyService;
import io.debrief.contract.GoldenEvent;
import io.debrief.testsupport.LocalStack;
import io.debrief.testsupport.LocalStackTestResource;
import io.debrief.testsupport.TestIdentity;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Candidate erasure on calibration-service (issue 18, crypto-shredding), on the real broker and database with a
 * stand-in for scorecard-service's loop keys ({@link LoopKeyService}): the sealed name is kept and published sealed and
 * shown opened; a final decision's reason is sealed; {@code hiring.candidate.erased.v1} nulls what could still be read
 * while every score, check and decision stays; an erased loop takes no final decision; no key service is a 503.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "calibration"))
@WithTestResource(LoopKeyService.class)
class ErasureIT extends EventsInDecisionsOut {

    private static final String HANK = TestIdentity.bearer("hank", "hiring-manager");
    private static final String NAME = "Trần Văn Bình";
    private static final String REASON = "Strong in every area; the panel agreed";
    private static final String ERASED_AT =
            "SELECT to_char(erased_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') FROM loop WHERE loop_id = ?";

    @TestHTTPResource("/api/calibrations/stream")
    URI stream;

    @Test
    void aSealedNameIsShownOpenedAndAfterTheErasureNullWhileScoresChecksAndDecisionsStay() throws Exception {
        String loopId = Events.newLoopId();
        String sealedName = LoopKeyService.seal(loopId, NAME);
        try (Events.Reader updates = Events.reader("calibration-updates")) {
            hired(loopId, sealedName);
            awaitOutcome(loopId);

            // kept and passed on exactly as it arrived
            assertThat(column("SELECT candidate_name FROM loop WHERE loop_id = ?", loopId)).isEqualTo(sealedName);
            ConsumerRecord<String, String> published = updates.await(r -> loopId.equals(r.key())
                    && r.value().contains("\"DECIDED\""), Events.EVENTUALLY);
            assertThat(Events.JSON.readTree(published.value()).path("candidate").path("name").asText())
                    .isEqualTo(sealedName);
            ConsumerRecord<String, String> decision = decisions.await(r -> (loopId + ":1").equals(header(r, "ce_id")),
                    Events.EVENTUALLY);
            assertThat(Events.JSON.readTree(decision.value()).path("candidate").path("name").asText())
                    .isEqualTo(sealedName);

            // opened for a person
            Api.asRecruiter().get("/api/calibrations/" + loopId).then().statusCode(200)
                    .body("candidate.name", is(NAME));
            Api.asRecruiter().get("/api/calibrations/" + loopId + "/decisions").then().statusCode(200)
                    .body("[0].candidate.name", is(NAME));

            // the reason: sealed in the database and on both topics, as written in the answer and on the calibration
            post(HANK, loopId, "HIRE", 1).statusCode(201).body("reason", is(REASON));
            String storedReason = column("SELECT reason FROM final_decision WHERE loop_id = ?", loopId);
            assertThat(storedReason).startsWith("enc:v1:");
            assertThat(LoopKeyService.open(loopId, storedReason)).isEqualTo(REASON);
            ConsumerRecord<String, String> finalized = decisions.await(
                    r -> (loopId + ":final").equals(header(r, "ce_id")), Events.EVENTUALLY);
            assertThat(LoopKeyService.open(loopId, Events.JSON.readTree(finalized.value()).path("reason").asText()))
                    .isEqualTo(REASON);
            ConsumerRecord<String, String> finalised = updates.await(r -> loopId.equals(r.key())
                    && r.value().contains("\"finalDecision\":{"), Events.EVENTUALLY);
            assertThat(finalised.value()).doesNotContain(REASON).doesNotContain(NAME);
            Api.asRecruiter().get("/api/calibrations/" + loopId).then().statusCode(200)
                    .body("finalDecision.reason", is(REASON)).body("candidate.name", is(NAME));
            JsonNode before = Events.JSON.readTree(Api.asRecruiter().get("/api/calibrations/" + loopId).asString());

            // scorecard-service erases (the key first, then the event); the event arrives twice
            String candidateId = "cand-" + loopId;
            LoopKeyService.erase(loopId);
            ProducerRecord<String, String> erasure = erased(candidateId, List.of(loopId), "2026-12-02T09:00:00Z");
            events.resend(erasure);

            await().atMost(Events.EVENTUALLY).untilAsserted(() -> Api.asRecruiter()
                    .get("/api/calibrations/" + loopId).then().statusCode(200)
                    .body("candidate", hasKey("name")).body("candidate.name", nullValue())
                    .body("candidate.id", is(candidateId))
                    .body("finalDecision", hasKey("reason")).body("finalDecision.reason", nullValue()));
            JsonNode after = Events.JSON.readTree(Api.asRecruiter().get("/api/calibrations/" + loopId).asString());
            for (String kept : List.of("status", "outcome", "checks", "areas", "average", "submitted",
                    "decisionVersion", "updatedAt", "bar")) {
                assertThat(after.get(kept)).as(kept).isEqualTo(before.get(kept));
            }
            assertThat(after.path("finalDecision").path("outcome").asText()).isEqualTo("HIRE");
            assertThat(after.path("finalDecision").path("decidedBy").asText()).isEqualTo("hank");
            Api.asRecruiter().get("/api/calibrations/" + loopId + "/decisions").then().statusCode(200)
                    .body("[0].candidate.name", nullValue()).body("[0].outcome", is("HIRE"))
                    .body("[0].checks", not(org.hamcrest.Matchers.empty()));

            // the database: nothing of the name or the reason, sealed or not; the first erasure's time, once
            assertThat(column("SELECT candidate_name FROM loop WHERE loop_id = ?", loopId)).isNull();
            assertThat(column(ERASED_AT, loopId))
                    .startsWith("2026-12-02 09:00:00");
            assertThat(column("SELECT reason FROM final_decision WHERE loop_id = ?", loopId)).isNull();
            assertThat(column("SELECT count(*)::text FROM decision WHERE loop_id = ? AND decision LIKE '%enc:v1:%'",
                    loopId)).isEqualTo("0");
            assertThat(column("SELECT calibration FROM loop WHERE loop_id = ?", loopId)).doesNotContain("enc:v1:");
            assertThat(column("SELECT count(*)::text FROM scorecard WHERE loop_id = ?", loopId)).isEqualTo("3");

            // the compacted topic's latest value for the loop carries neither
            await().atMost(Events.EVENTUALLY).until(() -> {
                List<ConsumerRecord<String, String>> mine = updates.records().stream()
                        .filter(r -> loopId.equals(r.key())).toList();
                return !mine.get(mine.size() - 1).value().contains("enc:v1:");
            });
            List<ConsumerRecord<String, String>> mine = updates.records().stream()
                    .filter(r -> loopId.equals(r.key())).toList();
            JsonNode latest = Events.JSON.readTree(mine.get(mine.size() - 1).value());
            assertThat(latest.path("candidate").get("name").isNull()).isTrue();
            assertThat(latest.path("finalDecision").get("reason").isNull()).isTrue();
            assertThat(latest.path("outcome").asText()).isEqualTo("HIRE");

            // another erasure of the same loop (a later time) is no second erasure: it republishes the same calibration
            int seen = mine.size();
            erased(candidateId, List.of(loopId), "2026-12-03T09:00:00Z");
            await().atMost(Events.EVENTUALLY).until(() -> updates.records().stream()
                    .filter(r -> loopId.equals(r.key())).count() > seen);
            List<ConsumerRecord<String, String>> again = updates.records().stream()
                    .filter(r -> loopId.equals(r.key())).toList();
            assertThat(header(again.get(again.size() - 1), "ce_id")).isEqualTo(header(mine.get(seen - 1), "ce_id"));
            assertThat(column(ERASED_AT, loopId))
                    .startsWith("2026-12-02 09:00:00");
        }
    }

    @Test
    void aFinalDecisionOnAnErasedLoopIsRefused() {
        // erased here: the event was consumed
        String erasedHere = Events.newLoopId();
        hired(erasedHere, LoopKeyService.seal(erasedHere, NAME));
        awaitOutcome(erasedHere);
        LoopKeyService.erase(erasedHere);
        erased("cand-" + erasedHere, List.of(erasedHere), "2026-12-02T09:00:00Z");
        await().atMost(Events.EVENTUALLY).until(() -> column(ERASED_AT,
                erasedHere) != null);
        post(HANK, erasedHere, "HIRE", 1).statusCode(409).contentType("application/problem+json")
                .body("detail", is("the candidate of this loop was erased"));

        // erased in scorecard-service, the event not consumed yet: a sealed name whose key is gone
        String keyGone = Events.newLoopId();
        hired(keyGone, LoopKeyService.seal(keyGone, NAME));
        awaitOutcome(keyGone);
        LoopKeyService.erase(keyGone);
        post(HANK, keyGone, "HIRE", 1).statusCode(409).body("detail", is("the candidate of this loop was erased"));
        assertThat(column("SELECT count(*)::text FROM final_decision WHERE loop_id IN (?, ?)", erasedHere, keyGone))
                .isEqualTo("0");
    }

    @Test
    void aPlainNameAndReasonFromBeforeEncryptionAreScrubbedByTheErasure() {
        // a loop opened before encryption: a plain name, and no key, so its reason is stored plain
        String loopId = Events.newLoopId();
        LoopKeyService.erase(loopId);
        hired(loopId, NAME);
        awaitOutcome(loopId);
        post(HANK, loopId, "NO_HIRE", 1).statusCode(201).body("reason", is(REASON)).body("override", is(true));
        assertThat(column("SELECT reason FROM final_decision WHERE loop_id = ?", loopId)).isEqualTo(REASON);
        Api.asRecruiter().get("/api/calibrations/" + loopId).then().body("candidate.name", is(NAME))
                .body("finalDecision.reason", is(REASON));

        erased("cand-" + loopId, List.of(loopId), "2026-12-02T09:00:00Z");
        await().atMost(Events.EVENTUALLY).untilAsserted(() -> Api.asRecruiter().get("/api/calibrations/" + loopId)
                .then().statusCode(200).body("candidate.name", nullValue()).body("finalDecision.reason", nullValue())
                .body("finalDecision.outcome", is("NO_HIRE")).body("outcome", is("HIRE")));
        assertThat(column("SELECT candidate_name FROM loop WHERE loop_id = ?", loopId)).isNull();
        assertThat(column("SELECT reason FROM final_decision WHERE loop_id = ?", loopId)).isNull();
        assertThat(column("SELECT count(*)::text FROM decision WHERE loop_id = ? AND decision LIKE ?", loopId,
                "%" + NAME + "%")).isEqualTo("0");
        assertThat(column("SELECT calibration FROM loop WHERE loop_id = ?", loopId)).doesNotContain(NAME)
                .doesNotContain(REASON);
    }

    @Test
    void anErasureThatOvertakesTheOpeningLeavesTheLoopWithoutAName() {
        // the erasure is keyed by candidate, the opening by loop: on other partitions, it can come first (a replay)
        String loopId = Events.newLoopId();
        erased("cand-" + loopId, List.of(loopId), "2026-12-02T09:00:00Z");
        await().atMost(Events.EVENTUALLY).until(() -> column(ERASED_AT,
                loopId) != null);
        hired(loopId, NAME);
        awaitOutcome(loopId);
        Api.asRecruiter().get("/api/calibrations/" + loopId).then().statusCode(200)
                .body("candidate.name", nullValue()).body("outcome", is("HIRE"));
        assertThat(column("SELECT candidate_name FROM loop WHERE loop_id = ?", loopId)).isNull();
    }

    @Test
    void aPageOfSealedNamesIsOpenedWithOneKeyRequest() {
        List<String> loops = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String loopId = Events.newLoopId();
            hired(loopId, LoopKeyService.seal(loopId, NAME + " " + i));
            loops.add(loopId);
        }
        loops.forEach(ErasureIT::awaitOutcome); // from the database: no key asked for yet
        int before = LoopKeyService.requests();
        ValidatableResponse page = Api.asRecruiter().get("/api/calibrations?outcome=HIRE").then().statusCode(200);
        for (int i = 0; i < loops.size(); i++) {
            page.body("find { it.loopId == '" + loops.get(i) + "' }.candidate.name", is(NAME + " " + i));
        }
        assertThat(LoopKeyService.requests() - before).isEqualTo(1);
    }

    @Test
    void theStreamShowsTheNameOpened() throws Exception {
        String loopId = Events.newLoopId();
        HttpRequest request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream")
                .header("Authorization", Api.recruiterBearer()).build();
        try (StreamLines open = StreamLines.open(HttpClient.newHttpClient(), request)) {
            ProducerRecord<String, String> opened = opened(loopId, LoopKeyService.seal(loopId, NAME));
            // the stream's consumer starts at the end of calibration-updates: resend until it shows the loop
            await().atMost(Events.EVENTUALLY).pollInterval(Duration.ofSeconds(2)).until(() -> {
                if (open.lines.stream().noneMatch(l -> l.contains(loopId))) {
                    events.resend(opened);
                    return false;
                }
                return true;
            });
            String line = open.lines.stream().filter(l -> l.contains(loopId)).findFirst().orElseThrow();
            JsonNode calibration = Events.JSON.readTree(line.substring("data:".length()).trim());
            assertThat(calibration.path("candidate").path("name").asText()).isEqualTo(NAME);
            assertThat(line).doesNotContain("enc:v1:");
        }
    }

    @Test
    void withoutTheKeyServiceAFinalDecisionAndASealedNameAnswer503WithRetryAfter() {
        String plain = Events.newLoopId();
        hired(plain, NAME);
        awaitOutcome(plain);
        String sealed = Events.newLoopId();
        hired(sealed, LoopKeyService.seal(sealed, NAME));
        awaitOutcome(sealed);
        LoopKeyService.down(true);
        try {
            post(HANK, plain, "HIRE", 1).statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", notNullValue());
            Api.asRecruiter().get("/api/calibrations/" + sealed).then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", notNullValue())
                    .body(not(containsString("enc:v1:")));
            // a plain name needs no key
            Api.asRecruiter().get("/api/calibrations/" + plain).then().statusCode(200).body("candidate.name", is(NAME));
        } finally {
            LoopKeyService.down(false);
        }
        assertThat(column("SELECT count(*)::text FROM final_decision WHERE loop_id = ?", plain)).isEqualTo("0");
        post(HANK, plain, "HIRE", 1).statusCode(201);
        Api.asRecruiter().get("/api/calibrations/" + sealed).then().statusCode(200).body("candidate.name", is(NAME));
    }

    @Test
    void aMalformedErasureGoesToTheDeadLetterTopic() {
        String key = "cand-" + UUID.randomUUID();
        events.send(key, "hiring.candidate.erased.v1", Map.of("candidateId", key, "loopIds", "not a list"));
        events.send(key, "hiring.candidate.erased.v1", Map.of("loopIds", List.of("loop-x")));
        try (Events.Reader dlq = Events.reader("scorecard-events-dlq")) {
            await().atMost(Events.EVENTUALLY).until(() -> dlq.records().stream().filter(r -> key.equals(r.key()))
                    .count() >= 2);
            List<String> reasons = dlq.records().stream().filter(r -> key.equals(r.key()))
                    .map(r -> header(r, "dead-letter-reason")).toList();
            assertThat(reasons).anyMatch(reason -> reason.contains("loopIds"));
            assertThat(reasons).anyMatch(reason -> reason.contains("candidateId"));
        }
        // the channel goes on
        String loopId = Events.newLoopId();
        hired(loopId, NAME);
        awaitOutcome(loopId);
    }

    /** The golden hiring.candidate.erased.v1 of these loops, sent (and returned, to send again). */
    private ProducerRecord<String, String> erased(String candidateId, List<String> loopIds, String erasedAt) {
        GoldenEvent golden = GoldenEvent.of("hiring.candidate.erased.v1");
        var value = golden.value().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) value).put("candidateId", candidateId).put("erasedAt", erasedAt)
                .putArray("loopIds").addAll(loopIds.stream().map(com.fasterxml.jackson.databind.node.TextNode::valueOf)
                        .toList());
        Map<String, String> headers = new LinkedHashMap<>(golden.headers());
        headers.put("ce_subject", candidateId);
        headers.put("ce_id", candidateId + ":erased:" + Instant.parse(erasedAt).toEpochMilli());
        headers.put("ce_time", erasedAt);
        return events.send(candidateId, headers, value.toString());
    }

    private ProducerRecord<String, String> opened(String loopId, String name) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("loopId", loopId);
        data.put("candidate", Map.of("id", "cand-" + loopId, "name", name));
        data.put("position", "MLOps Engineer");
        data.put("level", "MID");
        data.put("panel", List.of(Map.of("interviewerId", "alice", "stage", "TECHNICAL_DEEP_DIVE"),
                Map.of("interviewerId", "bob", "stage", "SYSTEM_DESIGN"),
                Map.of("interviewerId", "carol", "stage", "CULTURAL_FIT")));
        data.put("openedAt", "2026-12-01T09:00:00Z");
        return events.send(loopId, "hiring.loop.opened.v1", data);
    }

    /** MID, worked example 1 over three interviewers: HIRE, decision version 1. */
    private void hired(String loopId, String name) {
        opened(loopId, name);
        events.scorecard(loopId, "alice", 1, scores(0, 4, 4, 4, 3), "YES");
        events.scorecard(loopId, "bob", 1, scores(4, 3, 4, 3), "YES");
        events.scorecard(loopId, "carol", 1, scores(7, 3), "YES");
    }

    /** Waits for the loop's decision in the database: the API would ask for its key (and cache it). */
    private static void awaitOutcome(String loopId) {
        await().atMost(Events.EVENTUALLY).until(() -> "HIRE".equals(column(
                "SELECT outcome FROM loop WHERE loop_id = ? AND decision_version = 1", loopId)));
    }

    private static ValidatableResponse post(String authorization, String loopId, String outcome, int version) {
        return given().header("Authorization", authorization).contentType("application/json")
                .body(Events.write(Map.of("outcome", outcome, "reason", REASON, "decisionVersion", version)))
                .post("/api/calibrations/" + loopId + "/final-decision").then();
    }

    private static String column(String sql, String... parameters) {
        var postgres = LocalStack.shared().postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("calibration"), postgres.username(),
                postgres.password()); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
