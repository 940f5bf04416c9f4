package io.debrief.scorecard.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.debrief.scorecard.testing.Api;
import io.debrief.scorecard.testing.ReadsScorecardEvents;
import io.debrief.scorecard.testing.ScorecardEvents;
import io.debrief.scorecard.store.IdempotencyStore;
import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Idempotency-Key on POST /api/loops, POST scorecards and PUT amendments (Stripe style). */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scorecard"))
class IdempotencyIT extends ReadsScorecardEvents {

    @Inject
    DataSource db;

    @Inject
    IdempotencyStore keys;

    /** Opens a loop as the recruiter, or submits a scorecard as the interviewer the body names, with {@code key}. */
    private static Response postWithKey(String path, String key, Map<String, Object> body) {
        String bearer = body.containsKey("interviewerId") ? Api.interviewer((String) body.get("interviewerId"))
                : Api.recruiter();
        return postWithKey(bearer, path, key, body);
    }

    private static Response postWithKey(String bearer, String path, String key, Object body) {
        return given().header(Api.AUTHORIZATION, bearer).contentType("application/json").header("Idempotency-Key", key)
                .body(Api.json(body)).post(path);
    }

    @Test
    void aRepeatedLoopOpeningReplaysTheFirstResponseAndStoresNothingNew() {
        String key = Api.unique("key");
        Map<String, Object> body = Api.loopBody("alice", "TECHNICAL_SCREEN");
        long loopsBefore = Api.count(db, "SELECT count(*) FROM hiring_loop");

        Response first = postWithKey("/api/loops", key, body);
        String sequenceAfterFirst = Api.outboxSequence(db);
        Response repeat = postWithKey("/api/loops", key, body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(repeat.statusCode()).isEqualTo(201);
        assertThat(repeat.asString()).isEqualTo(first.asString());
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(Api.outboxSequence(db)).as("the repeat wrote no event").isEqualTo(sequenceAfterFirst);
        assertThat(Api.count(db, "SELECT count(*) FROM hiring_loop")).isEqualTo(loopsBefore + 1);

        String loopId = first.jsonPath().getString("loopId");
        Api.cancel(loopId); // marker: after it, the loop's events are complete
        assertThat(ScorecardEvents.shared().awaitType(loopId, "hiring.loop.cancelled.v1")).extracting(ScorecardEvents.Event::type)
                .containsExactly("hiring.loop.opened.v1", "hiring.loop.cancelled.v1");
    }

    @Test
    void theSameBodyWithKeysInAnotherOrderIsTheSameRequest() {
        String key = Api.unique("key");
        String body = "{\"candidate\":{\"id\":\"c-order\",\"name\":\"N\"},\"position\":\"P\",\"level\":\"JUNIOR\","
                + "\"panel\":[{\"interviewerId\":\"a\",\"stage\":\"CULTURAL_FIT\"}]}";
        String reordered = "{\"level\":\"JUNIOR\", \"panel\":[{\"stage\":\"CULTURAL_FIT\",\"interviewerId\":\"a\"}],"
                + "\"position\":\"P\",\"candidate\":{\"name\":\"N\",\"id\":\"c-order\"},\"unknownField\":1}";
        Response first = Api.asRecruiter().contentType("application/json").header("Idempotency-Key", key).body(body)
                .post("/api/loops");
        Response repeat = Api.asRecruiter().contentType("application/json").header("Idempotency-Key", key)
                .body(reordered).post("/api/loops");
        assertThat(repeat.statusCode()).isEqualTo(201);
        assertThat(repeat.asString()).isEqualTo(first.asString());
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndChangesNothing() {
        String key = Api.unique("key");
        Response first = postWithKey("/api/loops", key, Api.loopBody("alice", "TECHNICAL_SCREEN"));
        assertThat(first.statusCode()).isEqualTo(201);
        String sequence = Api.outboxSequence(db);
        long loops = Api.count(db, "SELECT count(*) FROM hiring_loop");

        Response other = postWithKey("/api/loops", key, Api.loopBody("bob", "CULTURAL_FIT"));

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.jsonPath().getInt("status")).isEqualTo(422);
        assertThat(Api.outboxSequence(db)).isEqualTo(sequence);
        assertThat(Api.count(db, "SELECT count(*) FROM hiring_loop")).isEqualTo(loops);
        // the same caller's key on another resource is another request too (alice both recruits and interviews)
        String both = Api.bearer("alice", "recruiter", "interviewer");
        String herKey = Api.unique("key");
        Response opened = postWithKey(both, "/api/loops", herKey, Api.loopBody("alice", "TECHNICAL_SCREEN"));
        assertThat(opened.statusCode()).isEqualTo(201);
        assertThat(postWithKey(both, "/api/loops/" + opened.jsonPath().getString("loopId") + "/scorecards", herKey,
                Api.scorecardBody("alice", 4)).statusCode()).isEqualTo(422);
    }

    @Test
    void aRepeatedSubmissionReplaysVersionOneAndEmitsOneEvent() {
        String loopId = Api.openLoop("alice", "TECHNICAL_SCREEN", "bob", "SYSTEM_DESIGN");
        String key = Api.unique("key");
        String path = "/api/loops/" + loopId + "/scorecards";

        Response first = postWithKey(path, key, Api.scorecardBody("alice", 4));
        Response repeat = postWithKey(path, key, Api.scorecardBody("alice", 4));
        Response changed = postWithKey(path, key, Api.scorecardBody("alice", 5));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(repeat.statusCode()).isEqualTo(201);
        assertThat(repeat.asString()).isEqualTo(first.asString());
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(changed.statusCode()).isEqualTo(422);
        assertThat(Api.asRecruiter().get("/api/loops/" + loopId + "/scorecards/alice/versions").jsonPath()
                .getList("version"))
                .containsExactly(1);
        // without the key, a second submission is the usual conflict
        assertThat(Api.submit(loopId, Api.scorecardBody("alice", 4)).statusCode()).isEqualTo(409);

        Api.cancel(loopId);
        assertThat(ScorecardEvents.shared().awaitType(loopId, "hiring.loop.cancelled.v1")).extracting(ScorecardEvents.Event::type)
                .containsExactly("hiring.loop.opened.v1", "hiring.scorecard.submitted.v1", "hiring.loop.cancelled.v1");
    }

    @Test
    void aRepeatedAmendmentReplaysItsVersionAndStoresNoSecondOne() {
        String loopId = Api.openLoop("alice", "TECHNICAL_SCREEN");
        assertThat(Api.submit(loopId, Api.scorecardBody("alice", 3)).statusCode()).isEqualTo(201);
        String key = Api.unique("key");
        String path = "/api/loops/" + loopId + "/scorecards/alice";

        Response first = putWithKey(path, key, Api.scorecardBody("alice", 4));
        Response repeat = putWithKey(path, key, Api.scorecardBody("alice", 4));
        Response changed = putWithKey(path, key, Api.scorecardBody("alice", 5));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.jsonPath().getInt("version")).isEqualTo(2);
        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(repeat.asString()).isEqualTo(first.asString());
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(changed.statusCode()).isEqualTo(422);
        assertThat(Api.asRecruiter().get(path + "/versions").jsonPath().getList("version")).containsExactly(1, 2);
        // without a key, an amendment is a new version as before
        assertThat(Api.amend(loopId, "alice", Api.scorecardBody("alice", 4)).jsonPath().getInt("version")).isEqualTo(3);

        Api.cancel(loopId);
        assertThat(ScorecardEvents.shared().awaitType(loopId, "hiring.loop.cancelled.v1")).extracting(ScorecardEvents.Event::type)
                .containsExactly("hiring.loop.opened.v1", "hiring.scorecard.submitted.v1", "hiring.scorecard.submitted.v1",
                        "hiring.scorecard.submitted.v1", "hiring.loop.cancelled.v1");
    }

    private static Response putWithKey(String path, String key, Map<String, Object> body) {
        return given().header(Api.AUTHORIZATION, Api.interviewer((String) body.get("interviewerId")))
                .contentType("application/json").header("Idempotency-Key", key).body(Api.json(body)).put(path);
    }

    @Test
    void aKeyBelongsToItsCallerAnotherCallerNeverGetsTheStoredResponse() {
        String key = Api.unique("key");
        Map<String, Object> body = Api.loopBody("alice", "TECHNICAL_SCREEN");
        String rita = Api.recruiter();
        String ross = Api.bearer("ross-recruiter", "recruiter");

        Response ritas = postWithKey(rita, "/api/loops", key, body);
        Response rosss = postWithKey(ross, "/api/loops", key, body);
        Response ritasAgain = postWithKey(rita, "/api/loops", key, body);

        assertThat(ritas.statusCode()).isEqualTo(201);
        assertThat(rosss.statusCode()).as("another caller's key: a request of his own").isEqualTo(201);
        assertThat(rosss.header("Idempotent-Replayed")).isNull();
        assertThat(rosss.jsonPath().getString("loopId")).isNotEqualTo(ritas.jsonPath().getString("loopId"));
        assertThat(ritasAgain.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(ritasAgain.asString()).isEqualTo(ritas.asString());
        // and his own repeat replays his own response
        Response rosssAgain = postWithKey(ross, "/api/loops", key, body);
        assertThat(rosssAgain.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(rosssAgain.asString()).isEqualTo(rosss.asString());

        // scorecards: bob, with alice's key and her very body, is refused (not served her stored scorecard);
        // with her key and his own body he submits his own (not a 422)
        String loopId = Api.openLoop("alice", "TECHNICAL_SCREEN", "bob", "SYSTEM_DESIGN");
        String path = "/api/loops/" + loopId + "/scorecards";
        String aliceKey = Api.unique("key");
        Response alices = postWithKey(path, aliceKey, Api.scorecardBody("alice", 4));
        assertThat(alices.statusCode()).isEqualTo(201);
        Response bobAsAlice = postWithKey(Api.interviewer("bob"), path, aliceKey, Api.scorecardBody("alice", 4));
        assertThat(bobAsAlice.statusCode()).isEqualTo(403);
        assertThat(bobAsAlice.asString()).doesNotContain(alices.jsonPath().getString("scorecardId"), "private notes");
        Response bobs = postWithKey(path, aliceKey, Api.scorecardBody("bob", 2));
        assertThat(bobs.statusCode()).isEqualTo(201);
        assertThat(bobs.header("Idempotent-Replayed")).isNull();
        assertThat(bobs.jsonPath().getString("interviewerId")).isEqualTo("bob");
        assertThat(Api.count(db, "SELECT count(*) FROM idempotency_key WHERE idempotency_key = '" + aliceKey + "'"))
                .isEqualTo(2);
    }

    @Test
    void concurrentRequestsWithTheSameKeyOpenOneLoop() throws Exception {
        String key = Api.unique("key");
        Map<String, Object> body = Api.loopBody("alice", "TECHNICAL_SCREEN");
        long loopsBefore = Api.count(db, "SELECT count(*) FROM hiring_loop");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> postWithKey("/api/loops", key, body));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
            assertThat(responses).extracting(Response::statusCode).containsOnly(201);
            assertThat(responses).extracting(r -> r.jsonPath().getString("loopId")).containsOnly(
                    responses.get(0).jsonPath().getString("loopId"));
            assertThat(responses).filteredOn(r -> r.header("Idempotent-Replayed") == null).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Api.count(db, "SELECT count(*) FROM hiring_loop")).isEqualTo(loopsBefore + 1);
    }

    @Test
    void anExpiredKeyIsFreeAgainAndIsPurged() {
        String key = Api.unique("key");
        Response first = postWithKey("/api/loops", key, Api.loopBody("alice", "TECHNICAL_SCREEN"));
        Api.execute(db, "UPDATE idempotency_key SET created_at = now() - interval '25 hours' "
                + "WHERE idempotency_key = '" + key + "'");

        Response reused = postWithKey("/api/loops", key, Api.loopBody("bob", "CULTURAL_FIT"));
        assertThat(reused.statusCode()).isEqualTo(201);
        assertThat(reused.jsonPath().getString("loopId")).isNotEqualTo(first.jsonPath().getString("loopId"));
        assertThat(reused.header("Idempotent-Replayed")).isNull();

        Api.execute(db, "UPDATE idempotency_key SET created_at = now() - interval '25 hours' "
                + "WHERE idempotency_key = '" + key + "'");
        keys.purgeExpired().await().indefinitely();
        assertThat(Api.count(db, "SELECT count(*) FROM idempotency_key WHERE idempotency_key = '" + key + "'"))
                .isZero();
    }
}
