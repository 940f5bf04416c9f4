package io.debrief.notification.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.debrief.notification.support.Api;
import io.debrief.notification.support.Kafka;
import io.debrief.testsupport.LocalStackTestResource;
import io.debrief.testsupport.TestIdentity;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * {@code GET /api/decisions/{loopId}/letter} on the real broker and database: the letter of a published decision
 * (its latest version), 404 before it, 400 for an unknown language, 403 for hiring managers and interviewers.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class LetterIT {

    private static final String PROBLEM = "application/problem+json";

    /** A near miss naming its panel, notes and evidence, as a decision could carry them. */
    private static String decision(String loopId, int version, String outcome, boolean nearMiss) {
        return """
                {"loopId":"%s","decisionVersion":%d,"candidate":{"id":"cand-7","name":"Ada Lovelace"},
                 "position":"MLOps Engineer","level":"SENIOR","outcome":"%s","average":4.25,
                 "areaScores":{"CONTAINERIZATION":5,"ORCHESTRATION":5,"CI_CD":4,"ML_TOOLS":4,"MONITORING":2.5,
                   "SYSTEM_DESIGN":4,"PROBLEM_SOLVING":4,"COMMUNICATION":4},
                 "checks":[{"rule":"EXPERT_AREAS","passed":false,"actual":2,"required":3}],
                 "scorecards":[{"interviewerId":"ivan-interviewer","notes":"NOTE-TEXT","evidence":{"CI_CD":"EVIDENCE-TEXT"}}],
                 "missingAreas":[],"nearMiss":%s,"needsDiscussion":false,"discussionReasons":[],
                 "strengths":["CONTAINERIZATION","ORCHESTRATION"],"areasToImprove":["MONITORING","CI_CD"],
                 "decidedAt":"2026-12-01T10:15:30Z"}
                """.formatted(loopId, version, outcome, nearMiss).replace("\n", "");
    }

    @Test
    void theLetterOfAPublishedDecisionIsWrittenFromItsLatestVersion() {
        String loopId = Kafka.newLoopId("letter");
        Api.asRecruiter().get("/api/decisions/{loopId}/letter", loopId)
                .then().statusCode(404).contentType(PROBLEM).body("status", is(404));

        Kafka.publishDecision(loopId, 1, decision(loopId, 1, "NO_HIRE", false));
        Kafka.publishDecision(loopId, 2, decision(loopId, 2, "NO_HIRE", true));
        await().atMost(Duration.ofSeconds(60)).until(() -> Api.decisions(loopId).size() == 2);

        JsonPath en = Api.asRecruiter().get("/api/decisions/{loopId}/letter", loopId)
                .then().statusCode(200).contentType("application/json")
                .extract().jsonPath();
        assertThat(en.getString("loopId")).isEqualTo(loopId);
        assertThat(en.getInt("decisionVersion")).isEqualTo(2);
        assertThat(en.getString("lang")).isEqualTo("en");
        assertThat(en.getString("subject")).isEqualTo("Your application for MLOps Engineer");
        String body = en.getString("body");
        assertThat(body).startsWith("Dear Ada Lovelace,")
                .contains("- Containerization", "- Orchestration", "- Monitoring", "- CI/CD",
                        "https://prometheus.io/docs/introduction/overview/", // the configured defaults
                        "https://martinfowler.com/articles/continuousIntegration.html",
                        "apply again")
                .doesNotContain("ivan", "interviewer", "NOTE-TEXT", "EVIDENCE-TEXT", "cand-7")
                .doesNotContainPattern("[0-9]");

        JsonPath vi = Api.asRecruiter().queryParam("lang", "vi").get("/api/decisions/{loopId}/letter", loopId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(vi.getString("lang")).isEqualTo("vi");
        assertThat(vi.getString("subject")).isEqualTo("Kết quả ứng tuyển vị trí MLOps Engineer");
        assertThat(vi.getString("body")).startsWith("Thân gửi Ada Lovelace,")
                .contains("- Giám sát hệ thống", "ứng tuyển lại", "https://prometheus.io/docs/introduction/overview/")
                .doesNotContain("ivan", "NOTE-TEXT", "EVIDENCE-TEXT")
                .doesNotContainPattern("[0-9]");

        // an admin reads it too
        String admin = TestIdentity.bearer("ada-admin", "admin");
        io.restassured.RestAssured.given().header("Authorization", admin)
                .get("/api/decisions/{loopId}/letter", loopId).then().statusCode(200).body("decisionVersion", is(2));
    }

    @Test
    void anUnknownLanguageIsABadRequestNamingLang() {
        Api.asRecruiter().queryParam("lang", "fr").get("/api/decisions/{loopId}/letter", Kafka.newLoopId("letter"))
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", is("lang"))
                .body("violations[0].message", is("must be one of en, vi"));
    }

    @Test
    void hiringManagersAndInterviewersMayNotReadLetters() {
        String loopId = Kafka.newLoopId("letter");
        Api.asHiringManager().get("/api/decisions/{loopId}/letter", loopId)
                .then().statusCode(403).contentType(PROBLEM);
        io.restassured.RestAssured.given().header("Authorization", TestIdentity.bearer("ivan", "interviewer"))
                .get("/api/decisions/{loopId}/letter", loopId).then().statusCode(403).contentType(PROBLEM);
        io.restassured.RestAssured.given().get("/api/decisions/{loopId}/letter", loopId)
                .then().statusCode(401).contentType(PROBLEM);
    }
}
