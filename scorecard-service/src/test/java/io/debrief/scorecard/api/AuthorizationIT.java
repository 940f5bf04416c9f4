package io.debrief.scorecard.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.debrief.scorecard.testing.Api;
import io.debrief.testsupport.LocalStackTestResource;
import io.debrief.testsupport.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * CONTRACT.md "Identity and access" as a table: every endpoint × every kind of caller, the status the contract
 * requires, problem+json for 401/403, and that a refused request stores and emits nothing. Then blind feedback both
 * ways, and the endpoints that stay open.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scorecard"))
@SuppressWarnings("unchecked")
class AuthorizationIT {

    private static final String ALL_ROLES = "interviewer,recruiter,hiring-manager,admin";

    @Inject
    DataSource db;

    /** Who calls. The requests concern alice's scorecard in a loop whose panel is alice and bob. */
    enum Who {
        NO_TOKEN(null),
        GARBAGE_TOKEN("Bearer not-a-jwt"),
        // both would be allowed anywhere if they were valid: alice with every role
        WRONG_SIGNATURE(TestIdentity.wrongSignatureBearer("alice", ALL_ROLES.split(","))),
        EXPIRED(TestIdentity.expiredBearer("alice", ALL_ROLES.split(","))),
        NO_ROLE(Api.bearer("nobody")),
        /** The interviewer on the panel the request is about. */
        ALICE(Api.interviewer("alice")),
        /** Another interviewer on the panel, who has not submitted yet. */
        BOB(Api.interviewer("bob")),
        /** An interviewer who is not on this loop's panel. */
        MALLORY(Api.interviewer("mallory")),
        RECRUITER(Api.recruiter()),
        HIRING_MANAGER(Api.bearer("harry-manager", "hiring-manager")),
        ADMIN(Api.bearer("ann-admin", "admin"));

        final String authorization;

        Who(String authorization) {
            this.authorization = authorization;
        }
    }

    /** Every endpoint, each with the request it sends; alice has submitted in every loop but SUBMIT's. */
    enum Endpoint {
        OPEN_LOOP("POST", "/api/loops"),
        READ_LOOP("GET", "/api/loops/{loop}"),
        CANCEL_LOOP("POST", "/api/loops/{loop}/cancel"),
        SUBMIT("POST", "/api/loops/{loop}/scorecards"),
        AMEND("PUT", "/api/loops/{loop}/scorecards/alice"),
        LIST_SCORECARDS("GET", "/api/loops/{loop}/scorecards"),
        READ_SCORECARD("GET", "/api/loops/{loop}/scorecards/alice"),
        READ_VERSIONS("GET", "/api/loops/{loop}/scorecards/alice/versions"),
        LIST_ALICES_LOOPS("GET", "/api/loops?interviewer=alice"),
        PLANS("GET", "/api/plans"),
        RUBRIC("GET", "/api/rubric?level=MID");

        final String method;
        final String path;

        Endpoint(String method, String path) {
            this.method = method;
            this.path = path;
        }
    }

    /** The statuses, in the order of {@link Who}. */
    private static final String TABLE = """
            #                NO_TOKEN GARBAGE WRONG_SIG EXPIRED NO_ROLE ALICE BOB MALLORY RECRUITER HIRING_MGR ADMIN
            OPEN_LOOP        401      401     401       401     403     403   403 403     201       403        201
            READ_LOOP        401      401     401       401     403     200   200 403     200       200        200
            CANCEL_LOOP      401      401     401       401     403     403   403 403     200       403        200
            SUBMIT           401      401     401       401     403     201   403 403     403       403        403
            AMEND            401      401     401       401     403     200   403 403     403       403        403
            LIST_SCORECARDS  401      401     401       401     403     200   200 403     200       200        200
            READ_SCORECARD   401      401     401       401     403     200   403 403     200       200        200
            READ_VERSIONS    401      401     401       401     403     200   403 403     200       200        200
            LIST_ALICES_LOOPS 401     401     401       401     403     200   403 403     200       200        200
            PLANS            401      401     401       401     403     200   200 200     200       200        200
            RUBRIC           401      401     401       401     403     200   200 200     200       200        200
            """;

    record Case(Endpoint endpoint, Who who, int status) {
        @Override
        public String toString() {
            return endpoint + " by " + who + " -> " + status;
        }
    }

    static Stream<Case> table() {
        Map<Endpoint, int[]> rows = new EnumMap<>(Endpoint.class);
        for (String line : TABLE.strip().split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] cells = line.trim().split("\\s+");
            int[] statuses = new int[cells.length - 1];
            for (int i = 1; i < cells.length; i++) {
                statuses[i - 1] = Integer.parseInt(cells[i]);
            }
            rows.put(Endpoint.valueOf(cells[0]), statuses);
        }
        assertThat(rows.keySet()).as("every endpoint has a row").containsExactly(Endpoint.values());
        List<Case> cases = new ArrayList<>();
        rows.forEach((endpoint, statuses) -> {
            assertThat(statuses).as(endpoint + ": a status for every caller").hasSize(Who.values().length);
            for (Who who : Who.values()) {
                cases.add(new Case(endpoint, who, statuses[who.ordinal()]));
            }
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void everyEndpointAnswersEachCallerAsTheContractSays(Case c) {
        String loopId = Api.openLoop("alice", "TECHNICAL_SCREEN", "bob", "SYSTEM_DESIGN");
        if (c.endpoint() != Endpoint.SUBMIT) {
            assertThat(Api.submit(loopId, Api.scorecardBody("alice", 4)).statusCode()).isEqualTo(201);
        }
        String loopBefore = Api.getLoop(loopId);
        String sequenceBefore = Api.outboxSequence(db);

        Response response = send(c.endpoint(), c.who(), loopId);

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(c.status());
        if (c.status() >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            JsonPath problem = response.jsonPath();
            assertThat(problem.getInt("status")).isEqualTo(c.status());
            assertThat(problem.getString("title")).isEqualTo(c.status() == 401 ? "Unauthorized" : "Forbidden");
            assertThat(problem.getString("detail")).isNotBlank();
            assertThat(response.asString()).doesNotContain("Exception", "Ada Lovelace", "private notes", "GitOps",
                    "eyJ");
            if (c.status() == 401) {
                assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
            }
            assertThat(Api.outboxSequence(db)).as("a refused request writes no event").isEqualTo(sequenceBefore);
            assertThat(Api.getLoop(loopId)).as("a refused request changes nothing").isEqualTo(loopBefore);
        } else if (c.endpoint() == Endpoint.READ_SCORECARD) {
            assertThat(response.jsonPath().getString("interviewerId")).isEqualTo("alice");
            assertThat(response.jsonPath().getString("notes")).isEqualTo("private notes of alice");
        }
    }

    // ---- blind feedback ----

    @Test
    void beforeSubmittingAnInterviewerSeesNoOneElsesScorecard() {
        String loopId = Api.openLoop("alice", "TECHNICAL_SCREEN", "bob", "SYSTEM_DESIGN", "carol", "CULTURAL_FIT");
        assertThat(Api.submit(loopId, Api.scorecardBody("alice", 4)).statusCode()).isEqualTo(201);
        String scorecards = "/api/loops/" + loopId + "/scorecards";

        Response list = Api.as("bob").get(scorecards);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.jsonPath().getList("$")).as("nothing before his own").isEmpty();
        assertThat(list.asString()).doesNotContain("private notes", "GitOps");
        Api.as("bob").get(scorecards + "/alice").then().statusCode(403).contentType("application/problem+json");
        Api.as("bob").get(scorecards + "/alice/versions").then().statusCode(403);
        // a scorecard that does not exist yet is just as closed: no telling who has submitted from the answer
        Api.as("bob").get(scorecards + "/carol").then().statusCode(403);
        // his own: not there yet
        Api.as("bob").get(scorecards + "/bob").then().statusCode(404);
        // the loop itself (who sits on the panel, who submitted) is open to him
        Api.as("bob").get("/api/loops/" + loopId).then().statusCode(200);
        // and alice, who submitted, reads her own in the list
        assertThat(Api.as("alice").get(scorecards).jsonPath().getList("interviewerId")).containsExactly("alice");
    }

    @Test
    void afterSubmittingAnInterviewerSeesEveryoneWhoSubmitted() {
        String loopId = Api.openLoop("alice", "TECHNICAL_SCREEN", "bob", "SYSTEM_DESIGN", "carol", "CULTURAL_FIT");
        assertThat(Api.submit(loopId, Api.scorecardBody("alice", 4)).statusCode()).isEqualTo(201);
        assertThat(Api.amend(loopId, "alice", Api.scorecardBody("alice", 5)).statusCode()).isEqualTo(200);
        String scorecards = "/api/loops/" + loopId + "/scorecards";
        Api.as("bob").get(scorecards + "/alice").then().statusCode(403);

        assertThat(Api.submit(loopId, Api.scorecardBody("bob", 2)).statusCode()).isEqualTo(201);

        JsonPath list = Api.as("bob").get(scorecards).then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("interviewerId")).containsExactly("alice", "bob");
        assertThat(list.getList("notes")).containsExactly("private notes of alice", "private notes of bob");
        Api.as("bob").get(scorecards + "/alice").then().statusCode(200);
        assertThat(Api.as("bob").get(scorecards + "/alice/versions").jsonPath().getList("version"))
                .containsExactly(1, 2);
        Api.as("bob").get(scorecards + "/carol").then().statusCode(404);
        // alice sees bob's now too; carol, who has not submitted, still sees nothing
        assertThat(Api.as("alice").get(scorecards).jsonPath().getList("interviewerId")).containsExactly("alice", "bob");
        assertThat(Api.as("carol").get(scorecards).jsonPath().getList("$")).isEmpty();
        Api.as("carol").get(scorecards + "/bob").then().statusCode(403);
        // recruiters, hiring managers and admins see all at any time; mallory, not on the panel, nothing
        for (String overseer : List.of(Api.recruiter(), Who.HIRING_MANAGER.authorization, Who.ADMIN.authorization)) {
            assertThat(given().header(Api.AUTHORIZATION, overseer).get(scorecards).jsonPath().getList("interviewerId"))
                    .containsExactly("alice", "bob");
        }
        Api.as("mallory").get(scorecards).then().statusCode(403);
    }

    // ---- the caller's identity ----

    @Test
    void aSubmissionNamingSomeoneElseIsForbiddenAndOneNotOnThePanelIsAnInvalidField() {
        String loopId = Api.openLoop("alice", "TECHNICAL_SCREEN");
        String path = "/api/loops/" + loopId + "/scorecards";
        // bob writes in alice's name
        Api.as("bob").contentType("application/json").body(Api.json(Api.scorecardBody("alice", 1))).post(path)
                .then().statusCode(403).contentType("application/problem+json");
        // mallory writes in her own name on a panel she is not on: the rule of the loop, a 400 naming the field
        Response mallory = Api.as("mallory").contentType("application/json")
                .body(Api.json(Api.scorecardBody("mallory", 1))).post(path);
        assertThat(mallory.statusCode()).isEqualTo(400);
        assertThat(mallory.jsonPath().getList("violations.field")).containsExactly("interviewerId");
        // alice amends bob's scorecard after both submitted: forbidden, bob's stays at version 1
        String both = Api.openLoop("alice", "TECHNICAL_SCREEN", "bob", "SYSTEM_DESIGN");
        assertThat(Api.submit(both, Api.scorecardBody("alice", 4)).statusCode()).isEqualTo(201);
        assertThat(Api.submit(both, Api.scorecardBody("bob", 4)).statusCode()).isEqualTo(201);
        Api.as("alice").contentType("application/json").body(Api.json(Api.scorecardBody("bob", 1)))
                .put("/api/loops/" + both + "/scorecards/bob").then().statusCode(403);
        assertThat(Api.asRecruiter().get("/api/loops/" + both + "/scorecards/bob").jsonPath().getInt("version"))
                .isEqualTo(1);
    }

    @Test
    void theCallerIsCheckedBeforeTheBodyIsRead() {
        String loopId = Api.openLoop("alice", "TECHNICAL_SCREEN");
        String path = "/api/loops/" + loopId + "/scorecards";
        String malformed = "{\"interviewerId\": \"alice\", \"scores\": {";
        given().contentType("application/json").body(malformed).post(path).then().statusCode(401);
        given().header(Api.AUTHORIZATION, Who.EXPIRED.authorization).contentType("application/json").body(malformed)
                .post(path).then().statusCode(401);
        given().header(Api.AUTHORIZATION, Api.recruiter()).contentType("application/json").body(malformed)
                .post(path).then().statusCode(403);
        given().contentType("application/json").body("{\"candidate\":").post("/api/loops").then().statusCode(401);
        given().header(Api.AUTHORIZATION, Who.HIRING_MANAGER.authorization).contentType("application/json")
                .body("{\"candidate\":").post("/api/loops").then().statusCode(403);
        // the interviewer themself gets the answer about the body
        Api.as("alice").contentType("application/json").body(malformed).post(path).then().statusCode(400);
    }

    @Test
    void theSessionCookieAuthenticatesAndWinsOverAHeaderButNothingElseDoes() {
        String loopId = Api.openLoop("alice", "TECHNICAL_SCREEN");
        String recruiter = TestIdentity.token("rita-recruiter", "recruiter");
        given().cookie("debrief_token", recruiter).get("/api/loops/" + loopId).then().statusCode(200);
        given().cookie("debrief_token", "not-a-jwt").get("/api/loops/" + loopId).then().statusCode(401)
                .header("WWW-Authenticate", "Bearer");
        given().cookie("debrief_token", TestIdentity.expiredBearer("rita", "recruiter").substring("Bearer ".length()))
                .get("/api/loops/" + loopId).then().statusCode(401);
        given().header(Api.AUTHORIZATION, "Basic " + java.util.Base64.getEncoder().encodeToString("rita:pw".getBytes()))
                .get("/api/loops/" + loopId).then().statusCode(401);
        // with both, the cookie is who calls (SmallRye JWT reads the header only when there is no cookie): a page's
        // session is never replaced by a header a script adds; without the cookie the header counts
        given().cookie("debrief_token", TestIdentity.token("mallory", "interviewer"))
                .header(Api.AUTHORIZATION, Api.recruiter()).get("/api/loops/" + loopId).then().statusCode(403);
        given().header(Api.AUTHORIZATION, Api.interviewer("mallory")).get("/api/loops/" + loopId).then()
                .statusCode(403);
    }

    @Test
    void aWriteSignedInByTheCookieMustComeFromThePage() {
        String loopId = Api.openLoop("alice", "TECHNICAL_SCREEN");
        String recruiter = TestIdentity.token("rita-recruiter", "recruiter");
        String sequence = Api.outboxSequence(db);
        // what a forged cross-site form could send: no JSON content type, no custom header
        Response forged = given().cookie("debrief_token", recruiter).contentType("application/x-www-form-urlencoded")
                .body("x=1").post("/api/loops/" + loopId + "/cancel");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        given().cookie("debrief_token", recruiter).post("/api/loops/" + loopId + "/cancel").then().statusCode(403);
        assertThat(Api.outboxSequence(db)).isEqualTo(sequence);
        assertThat(Api.asRecruiter().get("/api/loops/" + loopId).jsonPath().getString("status")).isEqualTo("OPEN");
        // the page's own requests: JSON, or X-Requested-With
        given().cookie("debrief_token", recruiter).contentType("application/json")
                .body(Api.json(Api.loopBody("alice", "TECHNICAL_SCREEN"))).post("/api/loops").then().statusCode(201);
        // a header beside the cookie changes nothing: the cookie's write still needs the page's marks
        given().cookie("debrief_token", recruiter).header(Api.AUTHORIZATION, Api.recruiter())
                .post("/api/loops/" + loopId + "/cancel").then().statusCode(403);
        given().cookie("debrief_token", recruiter).header("X-Requested-With", "fetch")
                .post("/api/loops/" + loopId + "/cancel").then().statusCode(200);
        // an interviewer's page submits as that interviewer
        given().cookie("debrief_token", TestIdentity.token("alice", "interviewer")).contentType("application/json")
                .body(Api.json(Api.scorecardBody("alice", 4))).post("/api/loops/" + Api.openLoop("alice",
                        "TECHNICAL_SCREEN") + "/scorecards").then().statusCode(201);
    }

    @Test
    void anInterviewerListsOnlyTheirOwnLoopsAndOverseersAnyones() {
        String mine = Api.openLoop("ines-" + UUID.randomUUID(), "CULTURAL_FIT");
        String ines = Api.asRecruiter().get("/api/loops/" + mine).jsonPath().getString("panel[0].interviewerId");
        Api.as(ines).get("/api/loops").then().statusCode(200).body("loopId", org.hamcrest.Matchers.contains(mine));
        Api.as(ines).get("/api/loops?interviewer=" + ines).then().statusCode(200);
        Response other = Api.as(ines).get("/api/loops?interviewer=alice");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.contentType()).startsWith("application/problem+json");
        for (String overseer : List.of(Api.recruiter(), Who.HIRING_MANAGER.authorization, Who.ADMIN.authorization)) {
            assertThat(given().header(Api.AUTHORIZATION, overseer).get("/api/loops?interviewer=" + ines).jsonPath()
                    .getList("loopId")).containsExactly(mine);
        }
        Api.as(ines).get("/api/loops?status=MAYBE").then().statusCode(400).body("violations[0].field",
                org.hamcrest.Matchers.equalTo("status"));
    }

    @Test
    void aResourceMethodWithoutASecurityAnnotationIsDenied() {
        // the platform's shared setting (quarkus.security.jaxrs.deny-unannotated-endpoints) reached this service's build
        given().get(UnannotatedProbe.PATH).then().statusCode(401);
        given().header(Api.AUTHORIZATION, Api.recruiter()).get(UnannotatedProbe.PATH).then().statusCode(403);
    }

    @Test
    void noTokenCandidateNameNoteOrEvidenceIsWrittenToTheLog() throws IOException {
        String marker = UUID.randomUUID().toString();
        Map<String, Object> loop = Api.loopBody("alice", "TECHNICAL_SCREEN", "bob", "SYSTEM_DESIGN");
        ((Map<String, Object>) loop.get("candidate")).put("name", "Candidate " + marker);
        String loopId = Api.open(loop).then().statusCode(201).extract().path("loopId");
        Map<String, Object> scorecard = Api.scorecardBody("alice", 4);
        scorecard.put("notes", "note " + marker);
        scorecard.put("evidence", Map.of("CI_CD", "evidence " + marker));
        String path = "/api/loops/" + loopId + "/scorecards";
        // refused in every way: bad tokens, the wrong interviewer, invalid content, then accepted
        for (Who who : List.of(Who.WRONG_SIGNATURE, Who.EXPIRED, Who.GARBAGE_TOKEN, Who.BOB, Who.MALLORY)) {
            given().header(Api.AUTHORIZATION, who.authorization).contentType("application/json")
                    .body(Api.json(scorecard)).post(path).then().statusCode(who == Who.BOB || who == Who.MALLORY
                            ? 403 : 401);
        }
        Map<String, Object> invalid = new java.util.LinkedHashMap<>(scorecard);
        invalid.put("recommendation", "MAYBE " + marker);
        Api.submit(loopId, invalid).then().statusCode(400);
        Api.submit(loopId, scorecard).then().statusCode(201);
        Api.as("bob").get(path + "/alice").then().statusCode(403);

        Path log = Path.of("target", "scorecard-service-test.log");
        assertThat(log).as("the test profile logs to this file").exists();
        String written = Files.readString(log);
        assertThat(written).as("the service logged this run").contains("scorecard-service");
        assertThat(written).doesNotContain(marker).doesNotContain("eyJ").doesNotContain("Bearer ");
    }

    // ---- open endpoints ----

    @Test
    void healthMetricsAndOpenApiAreOpenWithoutAToken() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
        // a bad token on an open endpoint is not even looked at
        given().header(Api.AUTHORIZATION, Who.WRONG_SIGNATURE.authorization).get("/q/health/ready").then()
                .statusCode(200);
        // the OpenAPI document says how to authenticate, and what a refusal looks like
        JsonPath openapi = given().accept("application/json").get("/q/openapi").jsonPath();
        assertThat(openapi.getMap("components.securitySchemes")).isNotEmpty();
        assertThat(openapi.getMap("paths.'/api/loops/{loopId}/scorecards'.get.responses")).containsKeys("200", "401",
                "403", "404");
    }

    // ---- helpers ----

    private static Response send(Endpoint endpoint, Who who, String loopId) {
        RequestSpecification request = given();
        if (who.authorization != null) {
            request = request.header(Api.AUTHORIZATION, who.authorization);
        }
        switch (endpoint) {
            case OPEN_LOOP -> request = request.contentType("application/json")
                    .body(Api.json(Api.loopBody("alice", "TECHNICAL_SCREEN")));
            case SUBMIT -> request = request.contentType("application/json")
                    .body(Api.json(Api.scorecardBody("alice", 4)));
            case AMEND -> request = request.contentType("application/json")
                    .body(Api.json(Api.scorecardBody("alice", 5)));
            default -> {
            }
        }
        return request.request(endpoint.method, endpoint.path.replace("{loop}", loopId));
    }
}
