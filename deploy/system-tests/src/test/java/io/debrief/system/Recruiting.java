package io.debrief.system;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.debrief.testsupport.ServiceProcess;
import io.debrief.testsupport.Tokens;
import io.restassured.http.ContentType;

/** What recruiters and interviewers do over scorecard-service's REST API, each with a token of their own. */
final class Recruiting {

    private final String baseUrl;
    private final Tokens tokens;

    Recruiting(ServiceProcess scorecards, Tokens tokens) {
        this.baseUrl = scorecards.baseUrl();
        this.tokens = tokens;
    }

    String recruiter() {
        return "Bearer " + tokens.mint("rita-recruiter", "recruiter");
    }

    String hiringManager() {
        return "Bearer " + tokens.mint("harry-manager", "hiring-manager");
    }

    private String interviewer(String id) {
        return "Bearer " + tokens.mint(id, "interviewer");
    }

    /** Opens a loop for an MLOps Engineer with the panel alice (deep dive), bob (system design), carol (cultural fit). */
    String openLoop(String candidate, String level) {
        return openLoop(candidate, level, "alice", "bob", "carol");
    }

    /** Opens a loop for an MLOps Engineer with the panel deepDive, systemDesign, culturalFit (one per MID stage). */
    String openLoop(String candidate, String level, String deepDive, String systemDesign, String culturalFit) {
        return openLoopFor("cand-" + UUID.randomUUID(), candidate, level, deepDive, systemDesign, culturalFit);
    }

    /** As {@link #openLoop(String, String, String, String, String)}, for a candidate whose id is given (several loops). */
    String openLoopFor(String candidateId, String candidate, String level, String deepDive, String systemDesign,
                       String culturalFit) {
        Map<String, Object> loop = Map.of(
                "candidate", Map.of("id", candidateId, "name", candidate),
                "position", "MLOps Engineer",
                "level", level,
                "panel", List.of(
                        Map.of("interviewerId", deepDive, "stage", "TECHNICAL_DEEP_DIVE"),
                        Map.of("interviewerId", systemDesign, "stage", "SYSTEM_DESIGN"),
                        Map.of("interviewerId", culturalFit, "stage", "CULTURAL_FIT")));
        return given().baseUri(baseUrl).header("Authorization", recruiter()).contentType(ContentType.JSON).body(loop)
                .post("/api/loops").then().statusCode(201).extract().path("loopId");
    }

    /**
     * Opens a MID loop with the panel deepDive, systemDesign, culturalFit whose interviews end at {@code scheduledEnds}
     * (one per seat, in that order): the reminder cadence counts from there.
     */
    String openLoop(String candidate, List<String> panel, List<Instant> scheduledEnds) {
        List<String> stages = List.of("TECHNICAL_DEEP_DIVE", "SYSTEM_DESIGN", "CULTURAL_FIT");
        List<Map<String, Object>> seats = new java.util.ArrayList<>();
        for (int seat = 0; seat < stages.size(); seat++) {
            seats.add(Map.of("interviewerId", panel.get(seat), "stage", stages.get(seat),
                    "scheduledEnd", scheduledEnds.get(seat).toString()));
        }
        Map<String, Object> loop = Map.of(
                "candidate", Map.of("id", "cand-" + UUID.randomUUID(), "name", candidate),
                "position", "MLOps Engineer",
                "level", "MID",
                "panel", seats);
        return given().baseUri(baseUrl).header("Authorization", recruiter()).contentType(ContentType.JSON).body(loop)
                .post("/api/loops").then().statusCode(201).extract().path("loopId");
    }

    void submit(String loopId, String interviewer, Map<String, Integer> scores, String recommendation) {
        given().baseUri(baseUrl).header("Authorization", interviewer(interviewer)).contentType(ContentType.JSON)
                .body(scorecard(interviewer, scores, recommendation))
                .post("/api/loops/" + loopId + "/scorecards").then().statusCode(201);
    }

    /** Submits as {@link #submit} does, the request carrying this W3C {@code traceparent} (a traced client's call). */
    void submit(String loopId, String interviewer, Map<String, Integer> scores, String recommendation, String traceparent) {
        given().baseUri(baseUrl).header("Authorization", interviewer(interviewer)).header("traceparent", traceparent)
                .contentType(ContentType.JSON).body(scorecard(interviewer, scores, recommendation))
                .post("/api/loops/" + loopId + "/scorecards").then().statusCode(201);
    }

    /** Submits a scorecard with the free text given: evidence per area and notes. */
    void submit(String loopId, String interviewer, Map<String, Integer> scores, String recommendation,
                Map<String, String> evidence, String notes) {
        Map<String, Object> body = new java.util.HashMap<>(scorecard(interviewer, scores, recommendation));
        body.put("evidence", evidence);
        body.put("notes", notes);
        given().baseUri(baseUrl).header("Authorization", interviewer(interviewer)).contentType(ContentType.JSON)
                .body(body).post("/api/loops/" + loopId + "/scorecards").then().statusCode(201);
    }

    void amend(String loopId, String interviewer, Map<String, Integer> scores, String recommendation) {
        given().baseUri(baseUrl).header("Authorization", interviewer(interviewer)).contentType(ContentType.JSON)
                .body(scorecard(interviewer, scores, recommendation))
                .put("/api/loops/" + loopId + "/scorecards/" + interviewer).then().statusCode(200);
    }

    /** A hiring manager records the final decision of a decided loop against the decision version they saw. */
    void finalDecision(String calibrationsBaseUrl, String loopId, String outcome, String reason, int decisionVersion) {
        given().baseUri(calibrationsBaseUrl).header("Authorization", hiringManager()).contentType(ContentType.JSON)
                .body(Map.of("outcome", outcome, "reason", reason, "decisionVersion", decisionVersion))
                .post("/api/calibrations/" + loopId + "/final-decision").then().statusCode(201);
    }

    private static Map<String, Object> scorecard(String interviewer, Map<String, Integer> scores, String recommendation) {
        return Map.of("interviewerId", interviewer, "scores", scores, "recommendation", recommendation,
                "notes", "private notes of " + interviewer);
    }
}
