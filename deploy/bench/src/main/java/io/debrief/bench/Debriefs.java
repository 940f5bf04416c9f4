package io.debrief.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.debrief.testsupport.Tokens;

/**
 * The benchmark's traffic, over scorecard-service's public API: loops of four interviewers who together cover the
 * eight areas, two areas each, all scoring 4 (a MID hire), so every loop ends in a decision downstream.
 */
final class Debriefs {

    static final int PANEL = 4;
    static final String[][] AREAS = {
            {"CONTAINERIZATION", "ORCHESTRATION"}, {"CI_CD", "ML_TOOLS"},
            {"MONITORING", "SYSTEM_DESIGN"}, {"PROBLEM_SOLVING", "COMMUNICATION"}};
    private static final String[] STAGES = {"TECHNICAL_SCREEN", "TECHNICAL_DEEP_DIVE", "SYSTEM_DESIGN", "CULTURAL_FIT"};
    private static final Pattern LOOP_ID = Pattern.compile("\"loopId\"\\s*:\\s*\"([^\"]+)\"");

    private final LoadClient http;
    private final String baseUrl;
    private final String recruiter;
    private final String[] interviewers = new String[PANEL];
    private final String[] scorecards = new String[PANEL];

    /** Tokens are minted once: signing one per request would measure RSA, not Debrief. */
    Debriefs(LoadClient http, String baseUrl, Tokens tokens) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.recruiter = "Bearer " + tokens.mint("bench-recruiter", "recruiter");
        for (int seat = 0; seat < PANEL; seat++) {
            interviewers[seat] = "Bearer " + tokens.mint(interviewer(seat), "interviewer");
            scorecards[seat] = scorecardBody(seat);
        }
    }

    /**
     * Opens {@code count} loops with at most {@code concurrency} requests in flight; returns their ids. A loop the
     * service sheds (503) is opened again after its {@code Retry-After}: setting up is not what is measured.
     */
    List<String> openLoops(int count, int concurrency) throws InterruptedException {
        Semaphore permits = new Semaphore(concurrency);
        List<CompletableFuture<String>> opened = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            permits.acquire();
            CompletableFuture<String> loop = openLoop(i, 0);
            loop.whenComplete((id, error) -> permits.release());
            opened.add(loop);
        }
        List<String> ids = new ArrayList<>(count);
        for (CompletableFuture<String> loop : opened) {
            ids.add(loop.join());
        }
        return ids;
    }

    private CompletableFuture<String> openLoop(int i, int shed) {
        return http.postForAnswer(baseUrl + "/api/loops", recruiter, loopBody(i)).toCompletableFuture()
                .thenCompose(answer -> answer.status() == 503 && shed < 30
                        ? CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS))
                                .thenCompose(later -> openLoop(i, shed + 1))
                        : CompletableFuture.completedFuture(loopId(answer)));
    }

    /** Interviewer {@code seat} (0..3) of {@code loopId} submits; true when the service answered 201. */
    CompletionStage<Boolean> submit(String loopId, int seat) {
        return submitForStatus(loopId, seat).thenApply(status -> status == 201);
    }

    /** Interviewer {@code seat} (0..3) of {@code loopId} submits; completes with the answer's status code. */
    CompletionStage<Integer> submitForStatus(String loopId, int seat) {
        return http.post(baseUrl + "/api/loops/" + loopId + "/scorecards", interviewers[seat], scorecards[seat]);
    }

    static String loopId(LoadClient.Answer answer) {
        Matcher matcher = LOOP_ID.matcher(answer.body() == null ? "" : answer.body());
        if (answer.status() != 201 || !matcher.find()) {
            throw new IllegalStateException("opening a loop failed: " + answer.status() + " " + answer.body());
        }
        return matcher.group(1);
    }

    static String interviewer(int seat) {
        return "bench-interviewer-" + seat;
    }

    private static String loopBody(int i) {
        StringBuilder panel = new StringBuilder();
        for (int seat = 0; seat < PANEL; seat++) {
            panel.append(seat == 0 ? "" : ",")
                    .append("{\"interviewerId\":\"").append(interviewer(seat)).append("\",\"stage\":\"").append(STAGES[seat]).append("\"}");
        }
        return "{\"candidate\":{\"id\":\"bench-candidate-" + i + "\",\"name\":\"Bench Candidate " + i + "\"},"
                + "\"position\":\"MLOps Engineer\",\"level\":\"MID\",\"panel\":[" + panel + "]}";
    }

    private static String scorecardBody(int seat) {
        return "{\"interviewerId\":\"" + interviewer(seat) + "\",\"scores\":{\"" + AREAS[seat][0] + "\":4,\"" + AREAS[seat][1]
                + "\":4},\"greenFlags\":[\"PRODUCTION_EXPERIENCE\"],\"recommendation\":\"YES\","
                + "\"notes\":\"Walked through a production rollout and its monitoring in detail.\"}";
    }
}
