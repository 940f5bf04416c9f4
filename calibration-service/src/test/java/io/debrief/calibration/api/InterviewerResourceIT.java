package io.debrief.calibration.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.debrief.calibration.Api;
import io.debrief.calibration.Events;
import io.debrief.calibration.LoopKeyService;
import io.debrief.testsupport.LocalStackTestResource;
import io.debrief.testsupport.TestIdentity;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

/**
 * Interviewer calibration on the real broker and database: three interviewers of their own (a lenient, a harsh and a
 * calibrated one) on five decided MID loops, then an amendment that changes a decided loop (its decision flips to
 * HIRE, version 2) and with it every deviation of that loop: the statistics follow, exactly.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "calibration"))
@WithTestResource(LoopKeyService.class)
class InterviewerResourceIT {

    private static final Instant SCHEDULED_END = Instant.parse("2026-11-26T08:00:00Z");

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String lenient = "lena-" + run;
    private final String harsh = "hugo-" + run;
    private final String calibrated = "cleo-" + run;

    @Test
    void statisticsFollowAmendmentsThatChangeADecidedLoop() {
        List<String> loops = new ArrayList<>();
        Map<String, List<Long>> feedbackSeconds = new LinkedHashMap<>();
        try (Events events = new Events()) {
            for (int i = 0; i < 5; i++) {
                String loopId = Events.newLoopId();
                loops.add(loopId);
                List<Map<String, Object>> panel = new ArrayList<>();
                for (String id : List.of(lenient, harsh, calibrated)) {
                    panel.add(Map.of("interviewerId", id, "stage", "SYSTEM_DESIGN", "scheduledEnd", SCHEDULED_END.toString()));
                }
                events.opened(loopId, "MID", panel);
                submitAll(events, loopId, lenient, 1, 5, "YES", feedbackSeconds);
                submitAll(events, loopId, harsh, 1, 2, "NO", feedbackSeconds);
                submitAll(events, loopId, calibrated, 1, 3, "NO", feedbackSeconds);
            }
            // every area: (5 + 2 + 3) / 3 = 10/3 < 3.5: NO_HIRE; lenient 5 - 5/2 = +2.5, harsh 2 - 4 = -2, calibrated -0.5
            for (String loopId : loops) {
                await().atMost(Events.EVENTUALLY).untilAsserted(() -> Api.asRecruiter().get("/api/calibrations/" + loopId)
                        .then().statusCode(200).body("outcome", is("NO_HIRE")));
            }
            await().atMost(Events.EVENTUALLY).untilAsserted(() -> assertThat(
                    Api.asRecruiter().get("/api/interviewers/" + calibrated).then().statusCode(200).extract().jsonPath()
                            .getInt("loops")).isEqualTo(5));
            assertStatistics(lenient, "2.5", "LENIENT", 0, feedbackSeconds.get(lenient));
            assertStatistics(harsh, "-2", "HARSH", 5, feedbackSeconds.get(harsh));
            assertStatistics(calibrated, "-0.5", "CALIBRATED", 5, feedbackSeconds.get(calibrated));

            // the harsh one amends the first loop to 5 everywhere, with YES: (5 + 5 + 3) / 3 = 13/3, HIRE (version 2)
            submitAll(events, loops.get(0), harsh, 2, 5, "YES", new LinkedHashMap<>());
            await().atMost(Events.EVENTUALLY).untilAsserted(() -> Api.asRecruiter().get("/api/calibrations/" + loops.get(0))
                    .then().statusCode(200).body("outcome", is("HIRE")).body("decisionVersion", is(2)));
            // in that loop now: lenient 5 - 4 = +1, harsh 5 - 4 = +1, calibrated 3 - 5 = -2 (8 areas each)
            // lenient (4*8*2.5 + 8*1)/40 = 2.2; harsh (4*8*-2 + 8*1)/40 = -1.4; calibrated (4*8*-0.5 + 8*-2)/40 = -0.8
            await().atMost(Events.EVENTUALLY).untilAsserted(() -> assertThat(new BigDecimal(Api.asRecruiter()
                    .get("/api/interviewers/" + calibrated).then().statusCode(200).extract().jsonPath()
                    .getString("meanDeviation"))).isEqualByComparingTo("-0.8"));
            assertStatistics(lenient, "2.2", "LENIENT", 1, feedbackSeconds.get(lenient));
            assertStatistics(harsh, "-1.4", "HARSH", 5, feedbackSeconds.get(harsh));
            assertStatistics(calibrated, "-0.8", "HARSH", 4, feedbackSeconds.get(calibrated));
        }

        // the list, most deviating first, of MID loops; and the same for the level and since filters: every page
        // followed through its next link, in small pages and in one, gives the same list
        for (String query : List.of("", "?level=MID", "?since=2026-01-01", "?level=MID&since=2026-11-01T00:00:00Z")) {
            List<Map<String, Object>> listed = everyPage("/api/interviewers" + query, 7);
            List<String> ids = listed.stream().map(entry -> (String) entry.get("interviewerId")).toList();
            assertThat(ids).as(query).containsSubsequence(lenient, harsh, calibrated);
            assertThat(ids).as(query).doesNotHaveDuplicates();
            assertThat(everyPage("/api/interviewers" + query, 1000).stream().map(entry -> entry.get("interviewerId")))
                    .as(query).containsExactlyElementsOf(ids);
            assertThat(Api.asRecruiter().get("/api/interviewers" + query).then().statusCode(200).extract().jsonPath()
                    .getList("interviewerId", String.class)).as(query + ", the default page")
                    .containsExactlyElementsOf(ids.subList(0, Math.min(100, ids.size())));
            Map<String, Object> entry = listed.get(ids.indexOf(calibrated));
            assertThat(new BigDecimal(String.valueOf(entry.get("meanDeviation")))).as(query).isEqualByComparingTo("-0.8");
            @SuppressWarnings("unchecked")
            Map<String, Object> ciCd = (Map<String, Object>) ((Map<String, Object>) entry.get("byArea")).get("CI_CD");
            assertThat(String.valueOf(ciCd.get("meanDeviation"))).as(query).isEqualTo("-0.8");
            assertThat(((Number) ciCd.get("pairs")).intValue()).as(query).isEqualTo(5);
        }
        assertThat(Api.asRecruiter().get("/api/interviewers?level=SENIOR").then().statusCode(200).extract().jsonPath()
                .getList("interviewerId", String.class)).doesNotContain(lenient, harsh, calibrated);
        assertThat(Api.asRecruiter().get("/api/interviewers?since=2999-01-01").then().statusCode(200).extract()
                .jsonPath().getList("interviewerId", String.class)).doesNotContain(lenient, harsh, calibrated);
        Api.asRecruiter().get("/api/interviewers/" + lenient + "?level=JUNIOR").then().statusCode(404)
                .contentType("application/problem+json");

        // an interviewer reads their own, and nobody else's
        given().header("Authorization", TestIdentity.bearer(lenient, "interviewer"))
                .get("/api/interviewers/" + lenient).then().statusCode(200).body("leniency", is("LENIENT"));
        given().header("Authorization", TestIdentity.bearer(lenient, "interviewer"))
                .get("/api/interviewers/" + harsh).then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", TestIdentity.bearer(lenient, "interviewer"))
                .get("/api/interviewers").then().statusCode(403);
    }

    /**
     * The median time to feedback over all levels is the middle of every level's times together: JUNIOR 1 h and 10 h,
     * MID 2 h and 20 h, SENIOR 3 h give 3 h over all levels (each level's times in turn would give 2 h), and 5.5, 11
     * and 3 h per level.
     */
    @Test
    void theMedianOverAllLevelsIsTheMiddleOfEveryLevelsTimesTogether() {
        String merged = "mira-" + run;
        String partner = "paul-" + run;
        List<String[]> loops = List.of(new String[] {"JUNIOR", "1"}, new String[] {"MID", "2"},
                new String[] {"SENIOR", "3"}, new String[] {"JUNIOR", "10"}, new String[] {"MID", "20"});
        try (Events events = new Events()) {
            for (String[] loop : loops) {
                String loopId = Events.newLoopId();
                // the opening moves the clock a minute, the scorecard another: it carries clock + 2 min
                Instant submittedAt = events.clock().plusSeconds(120);
                Instant scheduledEnd = submittedAt.minus(Duration.ofHours(Integer.parseInt(loop[1])));
                events.opened(loopId, loop[0], List.of(
                        Map.of("interviewerId", merged, "stage", "SYSTEM_DESIGN", "scheduledEnd", scheduledEnd.toString()),
                        Map.of("interviewerId", partner, "stage", "CULTURAL_FIT")));
                events.scorecard(loopId, merged, 1, Events.scores(0, 4, 4, 4, 4, 4, 4, 4, 4), "YES");
                assertThat(events.clock()).isEqualTo(submittedAt);
                events.scorecard(loopId, partner, 1, Events.scores(0, 3, 3, 3, 3, 3, 3, 3, 3), "NO");
            }
        }
        await().atMost(Events.EVENTUALLY).untilAsserted(() -> assertThat(Api.asRecruiter()
                .get("/api/interviewers/" + merged).then().statusCode(200).extract().jsonPath().getInt("loops")).isEqualTo(5));
        Map<String, String> medians = new LinkedHashMap<>();
        medians.put("", "3");
        medians.put("?level=JUNIOR", "5.5");
        medians.put("?level=MID", "11");
        medians.put("?level=SENIOR", "3");
        medians.forEach((query, median) -> {
            JsonPath stats = Api.asRecruiter().get("/api/interviewers/" + merged + query).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(new BigDecimal(stats.getString("timeToFeedback.medianHours"))).as(query)
                    .isEqualByComparingTo(median);
            Map<String, Object> listed = everyPage("/api/interviewers" + query, 1000).stream()
                    .filter(entry -> merged.equals(entry.get("interviewerId"))).findFirst().orElseThrow();
            Object listedMedian = ((Map<?, ?>) listed.get("timeToFeedback")).get("medianHours");
            assertThat(new BigDecimal(String.valueOf(listedMedian))).as("listed " + query)
                    .isEqualByComparingTo(median);
        });
    }

    @Test
    void badPagesAreBadRequestProblems() {
        for (String limit : List.of("0", "1001", "-3", "ten", "2.5")) {
            Api.asRecruiter().get("/api/interviewers?limit=" + limit).then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", is("limit"));
        }
        for (String after : List.of("not-a-position", "bm90IGEgbnVtYmVyLHg", "!!")) {
            Api.asRecruiter().get("/api/interviewers?after=" + after).then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", is("after"));
        }
        Api.asRecruiter().get("/api/interviewers?limit=1000").then().statusCode(200);
    }

    @Test
    void badFiltersAreBadRequestProblems() {
        Api.asRecruiter().get("/api/interviewers?level=PRINCIPAL").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", is("level"));
        Api.asRecruiter().get("/api/interviewers?since=yesterday").then().statusCode(400)
                .body("violations[0].field", is("since"));
        Api.asRecruiter().get("/api/interviewers/x?since=2026-13-45").then().statusCode(400)
                .body("violations[0].field", is("since"));
    }

    private static final Pattern NEXT = Pattern.compile("<(/api/interviewers\\?[^>]*after=[A-Za-z0-9_-]+[^>]*)>; rel=\"next\"");

    /** Every entry of a list, page after page through the RFC 8288 next links (numbers as BigDecimal). */
    private static List<Map<String, Object>> everyPage(String path, int limit) {
        List<Map<String, Object>> all = new ArrayList<>();
        String next = path + (path.contains("?") ? "&" : "?") + "limit=" + limit;
        while (next != null) {
            ExtractableResponse<Response> answer = Api.asRecruiter().urlEncodingEnabled(false).get(next).then()
                    .statusCode(200).contentType("application/json").extract();
            List<Map<String, Object>> page = JsonPath.from(answer.asString())
                    .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL)).getList("$");
            assertThat(page.size()).as(next).isLessThanOrEqualTo(limit);
            all.addAll(page);
            String link = answer.header("Link");
            if (link == null) {
                next = null;
            } else {
                Matcher matcher = NEXT.matcher(link);
                assertThat(matcher.matches()).as(link).isTrue();
                assertThat(page).as(next + ": a page with a next link is full").hasSize(limit);
                assertThat(matcher.group(1)).as(link).contains("limit=" + limit);
                next = matcher.group(1);
            }
        }
        return all;
    }

    private static void submitAll(Events events, String loopId, String interviewer, int version, int score,
                                  String recommendation, Map<String, List<Long>> feedbackSeconds) {
        events.scorecard(loopId, interviewer, version, Events.scores(0, score, score, score, score, score, score, score,
                score), recommendation);
        feedbackSeconds.computeIfAbsent(interviewer, id -> new ArrayList<>())
                .add(Duration.between(SCHEDULED_END, events.clock()).getSeconds());
    }

    private static void assertStatistics(String interviewer, String mean, String leniency, int agreed,
                                         List<Long> feedback) {
        JsonPath stats = Api.asRecruiter().get("/api/interviewers/" + interviewer).then().statusCode(200)
                .extract().jsonPath();
        assertThat(stats.getString("interviewerId")).isEqualTo(interviewer);
        assertThat(stats.getInt("loops")).isEqualTo(5);
        assertThat(stats.getInt("pairs")).isEqualTo(40);
        assertThat(new BigDecimal(stats.getString("meanDeviation"))).as(interviewer).isEqualByComparingTo(mean);
        assertThat(stats.getMap("byArea")).hasSize(8);
        assertThat(new BigDecimal(stats.getString("byArea.SYSTEM_DESIGN.meanDeviation"))).isEqualByComparingTo(mean);
        assertThat(stats.getString("leniency")).as(interviewer).isEqualTo(leniency);
        assertThat(stats.getInt("recommendationAgreement.agreed")).as(interviewer).isEqualTo(agreed);
        assertThat(stats.getInt("recommendationAgreement.total")).isEqualTo(5);
        List<Long> sorted = feedback.stream().sorted().toList();
        BigDecimal median = BigDecimal.valueOf(sorted.get(2)).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
        assertThat(new BigDecimal(stats.getString("timeToFeedback.medianHours"))).isEqualByComparingTo(median);
        assertThat(stats.getInt("timeToFeedback.total")).isEqualTo(5);
        assertThat(stats.getInt("timeToFeedback.within24h")).isEqualTo(5);
    }
}
