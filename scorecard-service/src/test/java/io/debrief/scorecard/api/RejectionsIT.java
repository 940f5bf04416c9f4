package io.debrief.scorecard.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.debrief.scorecard.testing.Api;
import io.debrief.scorecard.testing.ReadsScorecardEvents;
import io.debrief.scorecard.testing.ScorecardEvents;
import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * Every rejection of CONTRACT.md and DOMAIN.md at the door, as a table: the status, the problem details (and the
 * fields its violations name), and that nothing was stored or published. "Nothing published" is proven two ways:
 * the outbox sequence did not move (no outbox row was even attempted), and, on an open loop, a later marker event
 * (the cancellation) arrives with nothing between it and the loop's earlier events (Kafka keeps a loop's order).
 * Every case is sent by the one who may make such a request (see {@link #bearer}): each refusal is about the request,
 * not the caller. Refusals of the caller are {@code AuthorizationIT}'s.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scorecard"))
class RejectionsIT extends ReadsScorecardEvents {

    @Inject
    DataSource db;

    /** The state a case runs against. LOOP: a loop where alice submitted v1 and bob did not; NONE: no loop. */
    enum Setup { NONE, OPEN_LOOP, CANCELLED_LOOP }

    record Case(String name, Setup setup, String method, String path, String contentType, Supplier<String> body,
                Map<String, String> headers, int status, Set<String> fields) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String SCORECARDS = "/api/loops/{loop}/scorecards";
    static final String LOOPS = "/api/loops";

    static Stream<Case> rejections() {
        List<Case> cases = new ArrayList<>();
        // scores: integers 1..5, at least one, known areas
        cases.add(scorecard("score 0 is out of range", b -> scores(b).put("CI_CD", 0), 400, "scores[CI_CD]"));
        cases.add(scorecard("score 6 is out of range", b -> scores(b).put("CI_CD", 6), 400, "scores[CI_CD]"));
        cases.add(scorecard("score 3.5 is not an integer", b -> scores(b).put("CI_CD", 3.5), 400, "scores[CI_CD]"));
        cases.add(scorecard("score \"4\" is a string, not an integer", b -> scores(b).put("CI_CD", "4"), 400,
                "scores[CI_CD]"));
        cases.add(scorecard("score true is not an integer", b -> scores(b).put("CI_CD", true), 400, "scores[CI_CD]"));
        cases.add(scorecard("score null", b -> scores(b).put("CI_CD", null), 400, "scores[CI_CD]"));
        cases.add(scorecard("unknown area", b -> scores(b).put("KUBERNETES", 4), 400, "scores"));
        cases.add(scorecard("no area scored", b -> scores(b).clear(), 400, "scores"));
        cases.add(scorecard("scores missing", b -> b.remove("scores"), 400, "scores"));
        cases.add(scorecard("scores is an array", b -> b.put("scores", List.of(4, 3)), 400, "scores"));
        // evidence, notes
        cases.add(scorecard("evidence for an unknown area", b -> evidence(b).put("KUBERNETES", "x"), 400, "evidence"));
        cases.add(scorecard("evidence text over 10,000 characters",
                b -> evidence(b).put("CI_CD", "e".repeat(10_001)), 400, "evidence[CI_CD]"));
        cases.add(scorecard("notes over 10,000 characters", b -> b.put("notes", "n".repeat(10_001)), 400, "notes"));
        cases.add(scorecard("notes with a NUL character", b -> b.put("notes", "a\u0000b"), 400, "notes"));
        cases.add(scorecard("evidence with a NUL character", b -> evidence(b).put("CI_CD", "\u0000"), 400,
                "evidence[CI_CD]"));
        cases.add(scorecard("notes is a number", b -> b.put("notes", 42), 400, "notes"));
        // flags and recommendation
        cases.add(scorecard("unknown red flag", b -> b.put("redFlags", List.of("LAZY")), 400, "redFlags[0]"));
        cases.add(scorecard("a red flag among the green flags", b -> b.put("greenFlags", List.of("PROACTIVE", "RIGID")),
                400, "greenFlags[1]"));
        cases.add(scorecard("a green flag among the red flags", b -> b.put("redFlags", List.of("PRAGMATIC")), 400,
                "redFlags[0]"));
        cases.add(scorecard("unknown recommendation", b -> b.put("recommendation", "MAYBE"), 400, "recommendation"));
        cases.add(scorecard("recommendation in lower case", b -> b.put("recommendation", "yes"), 400, "recommendation"));
        cases.add(scorecard("recommendation as an ordinal", b -> b.put("recommendation", 2), 400, "recommendation"));
        cases.add(scorecard("recommendation missing", b -> b.remove("recommendation"), 400, "recommendation"));
        // interviewer
        cases.add(scorecard("interviewerId missing", b -> b.remove("interviewerId"), 400, "interviewerId"));
        cases.add(scorecard("interviewerId over 200 characters", b -> b.put("interviewerId", "i".repeat(201)), 400,
                "interviewerId"));
        cases.add(scorecard("interviewer not on the panel", b -> b.put("interviewerId", "mallory"), 400,
                "interviewerId"));
        cases.add(scorecard("second submission by the same interviewer is a conflict",
                b -> b.put("interviewerId", "alice"), 409));
        // the body itself
        cases.add(new Case("malformed JSON", Setup.OPEN_LOOP, "POST", SCORECARDS, "application/json",
                () -> "{\"interviewerId\": \"bob\", \"scores\": {", Map.of(), 400, Set.of("scores")));
        cases.add(new Case("duplicate JSON key", Setup.OPEN_LOOP, "POST", SCORECARDS, "application/json",
                () -> "{\"interviewerId\":\"bob\",\"scores\":{\"CI_CD\":4,\"CI_CD\":1},\"recommendation\":\"YES\"}",
                Map.of(), 400, Set.of("scores")));
        cases.add(new Case("body is not JSON", Setup.OPEN_LOOP, "POST", SCORECARDS, "text/plain",
                () -> Api.json(bob()), Map.of(), 415, Set.of()));
        cases.add(new Case("body over 256 KiB", Setup.OPEN_LOOP, "POST", SCORECARDS, "application/json",
                () -> Api.json(with(bob(), b -> b.put("padding", "p".repeat(262_145)))), Map.of(), 413, Set.of()));
        cases.add(new Case("Idempotency-Key over 255 characters", Setup.OPEN_LOOP, "POST", SCORECARDS,
                "application/json", () -> Api.json(bob()), Map.of("Idempotency-Key", "k".repeat(256)), 400,
                Set.of("Idempotency-Key")));
        cases.add(new Case("scorecard for an unknown loop", Setup.OPEN_LOOP, "POST", "/api/loops/{unknown}/scorecards",
                "application/json", () -> Api.json(bob()), Map.of(), 404, Set.of()));
        // amendments
        cases.add(new Case("amending a never-submitted scorecard", Setup.OPEN_LOOP, "PUT", SCORECARDS + "/bob",
                "application/json", () -> Api.json(bob()), Map.of(), 404, Set.of()));
        cases.add(new Case("amendment with an invalid score", Setup.OPEN_LOOP, "PUT", SCORECARDS + "/alice",
                "application/json", () -> Api.json(with(Api.scorecardBody("alice", 4), b -> scores(b).put("CI_CD", 9))),
                Map.of(), 400, Set.of("scores[CI_CD]")));
        cases.add(new Case("amendment naming another interviewer in the body", Setup.OPEN_LOOP, "PUT",
                SCORECARDS + "/alice", "application/json", () -> Api.json(bob()), Map.of(), 400,
                Set.of("interviewerId")));
        cases.add(new Case("amendment in an unknown loop", Setup.OPEN_LOOP, "PUT",
                "/api/loops/{unknown}/scorecards/alice", "application/json",
                () -> Api.json(Api.scorecardBody("alice", 4)), Map.of(), 404, Set.of()));
        // cancelled loops
        cases.add(new Case("submission to a cancelled loop", Setup.CANCELLED_LOOP, "POST", SCORECARDS,
                "application/json", () -> Api.json(bob()), Map.of(), 409, Set.of()));
        cases.add(new Case("amendment in a cancelled loop", Setup.CANCELLED_LOOP, "PUT", SCORECARDS + "/alice",
                "application/json", () -> Api.json(Api.scorecardBody("alice", 2)), Map.of(), 409, Set.of()));
        cases.add(new Case("cancelling an unknown loop", Setup.OPEN_LOOP, "POST", "/api/loops/{unknown}/cancel",
                null, null, Map.of(), 404, Set.of()));
        cases.add(new Case("a loop id that is no UUID", Setup.OPEN_LOOP, "POST", "/api/loops/not-a-uuid/scorecards",
                "application/json", () -> Api.json(bob()), Map.of(), 404, Set.of()));
        // opening loops
        cases.add(loop("unknown level", b -> b.put("level", "PRINCIPAL"), "level"));
        cases.add(loop("level missing", b -> b.remove("level"), "level"));
        cases.add(loop("candidate missing", b -> b.remove("candidate"), "candidate"));
        cases.add(loop("candidate name blank", b -> candidate(b).put("name", " "), "candidate.name"));
        cases.add(loop("candidate id over 200 characters", b -> candidate(b).put("id", "c".repeat(201)),
                "candidate.id"));
        cases.add(loop("candidate name with a NUL character", b -> candidate(b).put("name", "A\u0000"),
                "candidate.name"));
        cases.add(loop("position missing", b -> b.remove("position"), "position"));
        cases.add(loop("position is a number", b -> b.put("position", 7), "position"));
        cases.add(loop("empty panel", b -> b.put("panel", List.of()), "panel"));
        cases.add(loop("panel of 21 interviewers", b -> b.put("panel", IntStream.rangeClosed(1, 21)
                .mapToObj(i -> Map.of("interviewerId", "i" + i, "stage", "CULTURAL_FIT")).toList()), "panel"));
        cases.add(loop("the same interviewer twice on the panel", b -> b.put("panel", List.of(
                Map.of("interviewerId", "alice", "stage", "TECHNICAL_SCREEN"),
                Map.of("interviewerId", "alice", "stage", "CULTURAL_FIT"))), "panel"));
        cases.add(loop("unknown stage", b -> b.put("panel", List.of(Map.of("interviewerId", "alice", "stage", "LUNCH"))),
                "panel[0].stage"));
        cases.add(loop("panel member without interviewerId", b -> b.put("panel", List.of(Map.of("stage", "CULTURAL_FIT"))),
                "panel[0].interviewerId"));
        cases.add(loop("panel member interviewerId over 200 characters", b -> b.put("panel",
                List.of(Map.of("interviewerId", "i".repeat(201), "stage", "CULTURAL_FIT"))), "panel[0].interviewerId"));
        cases.add(new Case("loop body is malformed JSON", Setup.NONE, "POST", LOOPS, "application/json",
                () -> "{\"candidate\":", Map.of(), 400, Set.of("body")));
        cases.add(new Case("loop body missing", Setup.NONE, "POST", LOOPS, "application/json", () -> "", Map.of(), 400,
                Set.of("body")));
        cases.add(new Case("loop body is not JSON", Setup.NONE, "POST", LOOPS, "application/xml",
                () -> "<loop/>", Map.of(), 415, Set.of()));
        cases.add(new Case("loop body over 256 KiB", Setup.NONE, "POST", LOOPS, "application/json",
                () -> Api.json(with(Api.loopBody("alice", "CULTURAL_FIT"), b -> b.put("position", "p".repeat(262_145)))),
                Map.of(), 413, Set.of()));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void isRejectedAndNothingIsStoredOrPublished(Case c) {
        String loopId = null;
        if (c.setup() != Setup.NONE) {
            loopId = Api.openLoop("alice", "TECHNICAL_SCREEN", "bob", "SYSTEM_DESIGN");
            assertThat(Api.submit(loopId, Api.scorecardBody("alice", 4)).statusCode()).isEqualTo(201);
            if (c.setup() == Setup.CANCELLED_LOOP) {
                assertThat(Api.cancel(loopId).statusCode()).isEqualTo(200);
            }
        }
        String loopBefore = loopId == null ? null : Api.getLoop(loopId);
        String scorecardsBefore = loopId == null ? null : Api.getScorecards(loopId);
        String sequenceBefore = Api.outboxSequence(db);
        long loopsBefore = Api.count(db, "SELECT count(*) FROM hiring_loop");

        Response response = send(c, loopId);

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(c.status());
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(c.status());
        assertThat(response.jsonPath().getString("title")).isNotBlank();
        assertThat(response.jsonPath().getString("detail")).isNotBlank();
        assertThat(response.asString()).doesNotContain("Exception", "\tat ", "io.debrief");
        List<String> fields = response.jsonPath().getList("violations.field");
        if (c.fields().isEmpty()) {
            assertThat(fields).isNull();
        } else {
            assertThat(new HashSet<>(fields)).isEqualTo(c.fields());
        }

        assertThat(Api.outboxSequence(db)).as("no outbox row was written").isEqualTo(sequenceBefore);
        assertThat(Api.count(db, "SELECT count(*) FROM hiring_loop")).as("no loop was stored").isEqualTo(loopsBefore);
        if (loopId != null) {
            assertThat(Api.getLoop(loopId)).isEqualTo(loopBefore);
            assertThat(Api.getScorecards(loopId)).isEqualTo(scorecardsBefore);
            assertNothingPublished(loopId, c.setup());
        }
    }

    @Test
    void aChunkedBodyOver256KiBIs413ProblemJson() {
        String loopId = Api.openLoop("alice", "TECHNICAL_SCREEN");
        String sequence = Api.outboxSequence(db);
        byte[] body = Api.json(with(Api.scorecardBody("alice", 4), b -> b.put("notes", "n".repeat(300_000))))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Response response = Api.as("alice").contentType("application/json")
                .body(new java.io.ByteArrayInputStream(body)) // no Content-Length: sent chunked
                .post("/api/loops/" + loopId + "/scorecards");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(413);
        assertThat(Api.outboxSequence(db)).isEqualTo(sequence);
        assertThat(Api.asRecruiter().get("/api/loops/" + loopId + "/scorecards").jsonPath().getList("$")).isEmpty();
    }

    /** The loop's events are exactly those of the setup, proven by a marker event that comes after the rejection. */
    private static void assertNothingPublished(String loopId, Setup setup) {
        if (setup == Setup.OPEN_LOOP) {
            assertThat(Api.cancel(loopId).statusCode()).isEqualTo(200);
        }
        List<ScorecardEvents.Event> events = ScorecardEvents.shared().awaitType(loopId, "hiring.loop.cancelled.v1");
        assertThat(events).extracting(ScorecardEvents.Event::type).containsExactly("hiring.loop.opened.v1",
                "hiring.scorecard.submitted.v1", "hiring.loop.cancelled.v1");
        assertThat(events.get(1).data().get("interviewerId").asText()).isEqualTo("alice");
    }

    private static Response send(Case c, String loopId) {
        String path = c.path().replace("{loop}", loopId == null ? "" : loopId)
                .replace("{unknown}", UUID.randomUUID().toString());
        String body = c.body() == null ? null : c.body().get();
        RequestSpecification request = given().headers(c.headers())
                .header(Api.AUTHORIZATION, bearer(c.method(), c.path(), body));
        if (c.contentType() != null) {
            request = request.contentType(c.contentType());
        }
        if (body != null) {
            request = request.body(body);
        }
        return request.request(c.method(), path);
    }

    /**
     * The one who may make the request: the recruiter opens and cancels loops; an amendment is made by the interviewer
     * of the path, a submission by the interviewer its body names (bob when the body names none).
     */
    private static String bearer(String method, String path, String body) {
        if (!path.contains("/scorecards")) {
            return Api.recruiter();
        }
        if (method.equals("PUT")) {
            return Api.interviewer(path.substring(path.lastIndexOf('/') + 1));
        }
        try {
            Object named = Api.JSON.readTree(body).path("interviewerId").textValue();
            return Api.interviewer(named instanceof String id ? id : "bob");
        } catch (Exception e) {
            return Api.interviewer("bob");
        }
    }

    // ---- table helpers ----

    private static Case scorecard(String name, Consumer<Map<String, Object>> change, int status, String... fields) {
        return new Case(name, Setup.OPEN_LOOP, "POST", SCORECARDS, "application/json",
                () -> Api.json(with(bob(), change)), Map.of(), status, Set.of(fields));
    }

    private static Case loop(String name, Consumer<Map<String, Object>> change, String... fields) {
        return new Case(name, Setup.NONE, "POST", LOOPS, "application/json",
                () -> Api.json(with(Api.loopBody("alice", "TECHNICAL_SCREEN"), change)), Map.of(), 400,
                Set.of(fields));
    }

    private static Map<String, Object> bob() {
        return Api.scorecardBody("bob", 3);
    }

    private static Map<String, Object> with(Map<String, Object> body, Consumer<Map<String, Object>> change) {
        change.accept(body);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> scores(Map<String, Object> body) {
        return (Map<String, Object>) body.get("scores");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> evidence(Map<String, Object> body) {
        return (Map<String, Object>) body.get("evidence");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> candidate(Map<String, Object> body) {
        return (Map<String, Object>) body.get("candidate");
    }
}
