package io.debrief.scorecard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
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

/** Part 2's interview process on the real database: plans, loops from a plan, coverage, the rubric, my loops. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scorecard"))
class InterviewProcessIT {

    @Inject
    DataSource db;

    @Test
    void plansAreServedAsConfiguredToAnySignedInRole() {
        JsonPath plans = Api.as("alice").get("/api/plans").then().statusCode(200).extract().jsonPath();
        assertThat(plans.getList("MID.stages.stage")).containsExactly("TECHNICAL_DEEP_DIVE", "SYSTEM_DESIGN",
                "CULTURAL_FIT");
        assertThat(plans.getList("MID.stages.minutes")).containsExactly(45, 30, 15);
        assertThat(plans.getList("SENIOR.stages[0].focusAreas")).containsExactly("ORCHESTRATION", "MONITORING",
                "SYSTEM_DESIGN");
        assertThat(plans.getMap("JUNIOR.questionRanges[0]")).isEqualTo(Map.of("topic", "Docker", "from", 1, "to", 5));
    }

    @Test
    void aLoopFromAPlanGetsThePlansStagesInOrderWithTheirScheduledEnds() {
        Map<String, Object> body = planBody("MID", "ivan", "sara", "chen");
        body.put("scheduledEnds", List.of("2099-12-02T09:45:00Z", "2099-12-02T10:15:00Z", "2099-12-02T10:30:00+07:00"));
        Response opened = Api.open(body);
        assertThat(opened.statusCode()).as(opened.asString()).isEqualTo(201);
        JsonPath loop = opened.jsonPath();
        assertThat(loop.getList("panel.interviewerId")).containsExactly("ivan", "sara", "chen");
        assertThat(loop.getList("panel.stage")).containsExactly("TECHNICAL_DEEP_DIVE", "SYSTEM_DESIGN", "CULTURAL_FIT");
        assertThat(loop.getList("panel.scheduledEnd")).containsExactly("2099-12-02T09:45:00Z", "2099-12-02T10:15:00Z",
                "2099-12-02T03:30:00Z");
        assertThat(loop.getList("panel.overdue")).containsExactly(false, false, false);
        assertThat(loop.getList("panel.reminders")).containsExactly(0, 0, 0);
        assertThat(loop.getList("coverageWarnings")).isEmpty();
        // what was stored is what was answered
        assertThat(Api.getLoop(loop.getString("loopId"))).isEqualTo(opened.asString());
    }

    @Test
    void aPanelThatLeavesAreasUncoveredIsAcceptedWithAWarningOnEveryAnswer() {
        String loopId = Api.openLoop("sara", "SYSTEM_DESIGN", "chen", "CULTURAL_FIT");
        List<String> warning = List.of("CONTAINERIZATION", "CI_CD", "ML_TOOLS");
        assertThat(Api.asRecruiter().get("/api/loops/" + loopId).jsonPath().getList("coverageWarnings"))
                .isEqualTo(warning);
        assertThat(Api.cancel(loopId).jsonPath().getList("coverageWarnings")).isEqualTo(warning);
        Map<String, Object> planned = new LinkedHashMap<>(planBody("JUNIOR"));
        planned.put("panel", List.of(Map.of("interviewerId", "ivan", "stage", "TECHNICAL_SCREEN")));
        Response onePlanStage = Api.open(planned);
        assertThat(onePlanStage.statusCode()).isEqualTo(201);
        assertThat(onePlanStage.jsonPath().getList("coverageWarnings")).containsExactly("MONITORING", "SYSTEM_DESIGN");
    }

    @Test
    void aPlanWithTheWrongInterviewersOrAnUnknownStageIs400AndStoresNothing() {
        assertInvalid(planBody("MID", "ivan", "sara"), "interviewers");
        assertInvalid(planBody("JUNIOR", "a", "b", "c"), "interviewers");
        assertInvalid(planBody("SENIOR"), "interviewers");
        Map<String, Object> noList = planBody("SENIOR");
        noList.remove("interviewers");
        assertInvalid(noList, "interviewers");
        assertInvalid(planBody("JUNIOR", "a", "a"), "interviewers");
        Map<String, Object> wrongStage = planBody("JUNIOR");
        wrongStage.put("panel", List.of(Map.of("interviewerId", "a", "stage", "CULTURAL_FIT")));
        assertInvalid(wrongStage, "panel[0].stage");
        Map<String, Object> unknownStage = planBody("JUNIOR");
        unknownStage.put("panel", List.of(Map.of("interviewerId", "a", "stage", "LUNCH")));
        assertInvalid(unknownStage, "panel[0].stage");
        Map<String, Object> badEnd = planBody("JUNIOR", "a", "b");
        badEnd.put("scheduledEnds", List.of("tomorrow", "2026-12-02T10:15:00Z"));
        assertInvalid(badEnd, "scheduledEnds[0]");
        Map<String, Object> noPanel = Api.loopBody();
        assertInvalid(noPanel, "panel");
    }

    @Test
    void theRubricIsServedInEnglishOrVietnameseByAcceptLanguage() {
        Response en = Api.as("alice").get("/api/rubric?level=MID");
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.header("Content-Language")).isEqualTo("en");
        JsonPath rubric = en.jsonPath();
        assertThat(rubric.getString("level")).isEqualTo("MID");
        assertThat(rubric.getMap("scale")).containsOnlyKeys("1", "2", "3", "4", "5");
        assertThat(rubric.getMap("areas")).hasSize(8);
        assertThat(rubric.getList("areas.CONTAINERIZATION.expectations", String.class))
                .anySatisfy(e -> assertThat(e).contains("multi-stage"));
        assertThat(rubric.getString("areas.CONTAINERIZATION.assessment")).isNotBlank();
        assertThat(rubric.getString("areas.MONITORING.assessment")).isNull();

        Response vi = Api.as("alice").header("Accept-Language", "vi-VN, vi;q=0.9, en;q=0.5").get("/api/rubric?level=MID");
        assertThat(vi.header("Content-Language")).isEqualTo("vi");
        assertThat(vi.jsonPath().getString("scale.1")).startsWith("Không");
        assertThat(Api.as("alice").header("Accept-Language", "en;q=0.4, vi;q=0.8").get("/api/rubric?level=SENIOR")
                .jsonPath().getString("language")).isEqualTo("vi");
        // a language without texts falls back to English; lang= overrides the header
        assertThat(Api.as("alice").header("Accept-Language", "fr-FR").get("/api/rubric?level=JUNIOR")
                .header("Content-Language")).isEqualTo("en");
        assertThat(Api.as("alice").header("Accept-Language", "en").get("/api/rubric?level=JUNIOR&lang=vi")
                .jsonPath().getString("language")).isEqualTo("vi");
    }

    @Test
    void anUnknownLevelOrLanguageIs400() {
        assertProblem(Api.as("alice").get("/api/rubric?level=PRINCIPAL"), "level");
        assertProblem(Api.as("alice").get("/api/rubric"), "level");
        assertProblem(Api.as("alice").get("/api/rubric?level=MID&lang=fr"), "lang");
        assertProblem(Api.as("alice").header("Accept-Language", "en;q=abc").get("/api/rubric?level=MID"),
                "Accept-Language");
    }

    @Test
    void myLoopsAreTheLoopsWhosePanelHoldsMeNewestFirstFilteredByStatus() {
        String me = "ines-" + UUID.randomUUID();
        String first = Api.openLoop(me, "TECHNICAL_SCREEN", "bob", "SYSTEM_DESIGN");
        String second = Api.openLoop("alice", "CULTURAL_FIT", me, "CODING_PRACTICAL");
        Api.openLoop("alice", "CULTURAL_FIT");
        String third = Api.openLoop(me, "CULTURAL_FIT");
        assertThat(Api.cancel(second).statusCode()).isEqualTo(200);

        assertThat(Api.as(me).get("/api/loops?interviewer=" + me).jsonPath().getList("loopId"))
                .containsExactly(third, second, first);
        assertThat(Api.as(me).get("/api/loops?status=OPEN").jsonPath().getList("loopId"))
                .containsExactly(third, first);
        assertThat(Api.asRecruiter().get("/api/loops?interviewer=" + me + "&status=CANCELLED").jsonPath()
                .getList("loopId")).containsExactly(second);
        JsonPath listed = Api.as(me).get("/api/loops").jsonPath();
        assertThat(listed.getList("[0].panel.interviewerId")).containsExactly(me);
        assertThat(listed.getList("[0].coverageWarnings")).isNotEmpty();
    }

    private static Map<String, Object> planBody(String level, String... interviewers) {
        Map<String, Object> body = Api.loopBody();
        body.remove("panel");
        body.put("level", level);
        body.put("plan", true);
        body.put("interviewers", List.of(interviewers));
        return body;
    }

    private void assertInvalid(Map<String, Object> body, String field) {
        String sequence = Api.outboxSequence(db);
        long loops = Api.count(db, "SELECT count(*) FROM hiring_loop");
        assertProblem(Api.open(body), field);
        assertThat(Api.count(db, "SELECT count(*) FROM hiring_loop")).isEqualTo(loops);
        assertThat(Api.outboxSequence(db)).isEqualTo(sequence);
    }

    private static void assertProblem(Response response, String field) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getList("violations.field")).as(response.asString()).contains(field);
    }
}
