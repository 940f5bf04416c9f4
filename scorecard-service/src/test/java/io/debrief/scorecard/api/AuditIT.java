package io.debrief.scorecard.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.debrief.scorecard.testing.Api;
import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * {@code GET /api/loops/{loopId}/audit} on the real database (issue 18): every scorecard version is an entry written
 * with the version itself — who, when, what changed — never with its free text; who may read it.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scorecard"))
class AuditIT {

    private static final String HIRING_MANAGER = Api.bearer("harry-manager", "hiring-manager");
    private static final String ADMIN = Api.bearer("ann-admin", "admin");

    @Inject
    DataSource db;

    @Test
    void aSubmissionAndAnAmendmentAreTwoEntriesWithWhoWhenAndWhatChanged() {
        String loopId = Api.openLoop("ivan", "SYSTEM_DESIGN", "sara", "CULTURAL_FIT");
        Response submitted = Api.submit(loopId, Api.scorecardBody("ivan", 3));
        assertThat(submitted.statusCode()).isEqualTo(201);
        Map<String, Object> amendment = Api.scorecardBody("ivan", 4);
        amendment.put("recommendation", "NO");
        amendment.put("redFlags", List.of());
        amendment.put("evidence", Map.of("CI_CD", "Rebuilt the pipeline after the interview question"));
        amendment.put("notes", "second thoughts of ivan");
        Response amended = Api.amend(loopId, "ivan", amendment);
        assertThat(amended.statusCode()).isEqualTo(200);

        Response audit = Api.asRecruiter().get("/api/loops/" + loopId + "/audit");

        assertThat(audit.statusCode()).isEqualTo(200);
        JsonPath entries = audit.jsonPath();
        assertThat(entries.getList("action")).containsExactly("SCORECARD_SUBMITTED", "SCORECARD_AMENDED");
        assertThat(entries.getList("by")).containsExactly("ivan", "ivan");
        assertThat(entries.getList("interviewerId")).containsExactly("ivan", "ivan");
        assertThat(entries.getList("version", Integer.class)).containsExactly(1, 2);
        assertThat(entries.getList("loopId")).containsOnly(loopId);
        assertThat(entries.getString("[0].at")).isEqualTo(submitted.jsonPath().getString("submittedAt"));
        assertThat(entries.getString("[1].at")).isEqualTo(amended.jsonPath().getString("submittedAt"));

        assertThat(entries.getList("[0].changes")).containsExactly(
                change("scores.CI_CD", null, 3),
                change("scores.MONITORING", null, 3),
                change("recommendation", null, "YES"),
                change("redFlags", List.of(), List.of("RIGID")),
                change("greenFlags", List.of(), List.of("PROACTIVE")));
        assertThat(entries.getList("[0].freeTextChanged")).containsExactly("evidence.CI_CD", "notes");
        assertThat(entries.getList("[1].changes")).containsExactly(
                change("scores.CI_CD", 3, 4),
                change("recommendation", "YES", "NO"),
                change("redFlags", List.of("RIGID"), List.of()));
        assertThat(entries.getList("[1].freeTextChanged")).containsExactly("evidence.CI_CD", "notes");

        // nothing personal: not in the answer, not in the table
        assertThat(audit.asString()).doesNotContain("Ada Lovelace").doesNotContain("private notes of ivan")
                .doesNotContain("second thoughts").doesNotContain("GitOps").doesNotContain("Rebuilt the pipeline");
        assertThat(Api.count(db, "SELECT count(*) FROM audit_entry WHERE loop_id = '" + loopId + "' AND (audit_entry::text"
                + " LIKE '%Ada Lovelace%' OR audit_entry::text LIKE '%notes of ivan%' OR audit_entry::text LIKE "
                + "'%GitOps%' OR audit_entry::text LIKE '%second thoughts%' OR audit_entry::text LIKE '%Rebuilt%')"))
                .isZero();
    }

    @Test
    void aRefusedWriteAndAReplayedAmendmentRecordNothing() {
        String loopId = Api.openLoop("ivan", "SYSTEM_DESIGN", "sara", "CULTURAL_FIT");
        assertThat(Api.submit(loopId, Api.scorecardBody("ivan", 3)).statusCode()).isEqualTo(201);
        // a second submission is a 409: its transaction, audit entry included, is rolled back
        assertThat(Api.submit(loopId, Api.scorecardBody("ivan", 5)).statusCode()).isEqualTo(409);
        // a repeated amendment with the same Idempotency-Key replays the first and stores nothing
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            assertThat(Api.as("ivan").header("Idempotency-Key", key).contentType("application/json")
                    .body(Api.json(Api.scorecardBody("ivan", 4))).put("/api/loops/" + loopId + "/scorecards/ivan")
                    .statusCode()).isEqualTo(200);
        }
        assertThat(Api.cancel(loopId).statusCode()).isEqualTo(200);
        assertThat(Api.amend(loopId, "ivan", Api.scorecardBody("ivan", 5)).statusCode()).isEqualTo(409);

        JsonPath entries = Api.asRecruiter().get("/api/loops/" + loopId + "/audit").jsonPath();
        assertThat(entries.getList("version", Integer.class)).containsExactly(1, 2);
        assertThat(Api.count(db, "SELECT count(*) FROM audit_entry WHERE loop_id = '" + loopId + "'")).isEqualTo(2);
    }

    @Test
    void recruitersHiringManagersAndAdminsReadTheAuditInterviewersMayNot() {
        String loopId = Api.openLoop("ivan", "SYSTEM_DESIGN");
        assertThat(Api.submit(loopId, Api.scorecardBody("ivan", 3)).statusCode()).isEqualTo(201);
        String path = "/api/loops/" + loopId + "/audit";

        for (String reader : List.of(Api.recruiter(), HIRING_MANAGER, ADMIN)) {
            assertThat(given().header(Api.AUTHORIZATION, reader).get(path).then().statusCode(200).extract()
                    .jsonPath().getList("action")).containsExactly("SCORECARD_SUBMITTED");
        }
        // the interviewer on the panel, even after submitting: 403
        assertProblem(Api.as("ivan").get(path), 403);
        assertProblem(Api.as("mallory").get(path), 403);
        assertProblem(given().get(path), 401);
        assertProblem(given().header(Api.AUTHORIZATION, "Bearer not-a-token").get(path), 401);
        assertProblem(Api.asRecruiter().get("/api/loops/" + UUID.randomUUID() + "/audit"), 404);
        assertProblem(Api.asRecruiter().get("/api/loops/not-a-loop/audit"), 404);
    }

    @Test
    void theAuditHasATypedSchemaAndItsAnswersInTheOpenApiDocument() {
        JsonPath openApi = given().accept("application/json").get("/q/openapi").jsonPath();
        Map<String, Object> get = openApi.getMap("paths.'/api/loops/{loopId}/audit'.get");
        assertThat(get).isNotNull();
        assertThat(openApi.getMap("paths.'/api/loops/{loopId}/audit'.get.responses").keySet())
                .contains("200", "401", "403", "404", "503");
        assertThat(openApi.getString("paths.'/api/loops/{loopId}/audit'.get.responses.'200'.content."
                + "'application/json'.schema.items.'$ref'")).endsWith("/AuditEntry");
        assertThat(openApi.getMap("components.schemas.AuditEntry.properties").keySet())
                .containsExactlyInAnyOrder("loopId", "action", "by", "at", "interviewerId", "version", "changes",
                        "freeTextChanged");
        assertThat(openApi.getList("components.schemas.AuditAction.enum")).containsExactly("SCORECARD_SUBMITTED",
                "SCORECARD_AMENDED", "DECISION_MADE", "DECISION_FINALIZED", "ERASED");
        assertThat(openApi.getMap("components.schemas.AuditChange.properties").keySet())
                .containsExactlyInAnyOrder("field", "before", "after");
    }

    private static Map<String, Object> change(String field, Object before, Object after) {
        Map<String, Object> change = new java.util.LinkedHashMap<>();
        change.put("field", field);
        change.put("before", before);
        change.put("after", after);
        return change;
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
    }
}
