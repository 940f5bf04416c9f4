package io.debrief.chaos.workload;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import io.debrief.chaos.check.Reference;

/**
 * One client of the steady workload: opens a loop, submits each panel member's scorecard, sometimes amends one (also
 * after the decision) and sometimes cancels the loop, one write at a time, with think time between writes. Every
 * write carries an Idempotency-Key and is sent again with the same key (to any scorecard-service instance) while its
 * answer is lost or a 5xx, within the retry budget.
 */
public final class Client implements Runnable {

    private static final List<String> LEVELS = List.of("JUNIOR", "MID", "SENIOR");
    private static final List<String> STAGES = List.of("TECHNICAL_SCREEN", "TECHNICAL_DEEP_DIVE", "SYSTEM_DESIGN",
            "CODING_PRACTICAL", "TECHNICAL_LEADERSHIP", "ARCHITECTURE_REVIEW", "CULTURAL_FIT");
    private static final List<String> RED_FLAGS = List.of("NO_MONITORING_MINDSET", "IGNORES_SECURITY", "BLAMES_OTHERS");
    private static final List<String> GREEN_FLAGS = List.of("PRODUCTION_EXPERIENCE", "AUTOMATION_MINDSET", "COLLABORATIVE");
    private static final List<String> RECOMMENDATIONS = List.of("STRONG_NO", "NO", "YES", "STRONG_YES");
    static final int INTERVIEWERS = 16;

    private final int number;
    private final History history;
    private final Http http;
    private final Supplier<List<String>> scorecardUrls;
    private final Function<String, String> tokenOf;
    private final String recruiterToken;
    private final Duration retryBudget;
    private final Duration thinkTime;
    private final AtomicBoolean running;
    private final Random random;

    public Client(int number, History history, Http http, Supplier<List<String>> scorecardUrls,
                  Function<String, String> interviewerTokens, String recruiterToken, Duration retryBudget,
                  Duration thinkTime, AtomicBoolean running, long seed) {
        this.number = number;
        this.history = history;
        this.http = http;
        this.scorecardUrls = scorecardUrls;
        this.tokenOf = interviewerTokens;
        this.recruiterToken = recruiterToken;
        this.retryBudget = retryBudget;
        this.thinkTime = thinkTime;
        this.running = running;
        this.random = new Random(seed);
    }

    public static String interviewer(int i) {
        return String.format("iv-%02d", i);
    }

    @Override
    public void run() {
        try {
            while (running.get()) {
                oneLoop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void oneLoop() throws InterruptedException {
        String level = LEVELS.get(random.nextInt(LEVELS.size()));
        List<String> pool = new ArrayList<>();
        for (int i = 1; i <= INTERVIEWERS; i++) {
            pool.add(interviewer(i));
        }
        Collections.shuffle(pool, random);
        List<String> panel = pool.subList(0, 2 + random.nextInt(2));
        long id = history.newId();
        Map<String, Object> openBody = new LinkedHashMap<>();
        openBody.put("candidate", Map.of("id", "cand-op-" + id, "name", "Candidate op-" + id));
        openBody.put("position", "MLOps Engineer");
        openBody.put("level", level);
        openBody.put("panel", panel.stream().map(iv -> Map.of("interviewerId", iv,
                "stage", STAGES.get(random.nextInt(STAGES.size())))).toList());
        Op open = write(id, Op.Kind.OPEN, null, null, "POST", "/api/loops", recruiterToken, openBody);
        if (open.status() != Op.Status.OK) {
            return;
        }
        String loopId = open.response().path("loopId").asText();
        open.loopId(loopId);
        LoopModel loop = new LoopModel(loopId, level, panel);
        history.loop(loop);
        if (!acknowledge(loop, open)) {
            return;
        }
        Map<String, Set<String>> areasOf = coverage(panel);
        if (random.nextDouble() < 0.05 && !cancel(loop)) {
            return;
        }
        List<String> order = new ArrayList<>(panel);
        Collections.shuffle(order, random);
        List<String> submitted = new ArrayList<>();
        for (String interviewer : order) {
            if (!running.get() || loop.cancelled()) {
                return;
            }
            pause();
            if (!scorecard(loop, Op.Kind.SUBMIT, interviewer, areasOf.get(interviewer))) {
                return;
            }
            submitted.add(interviewer);
            if (random.nextDouble() < 0.1) {
                pause();
                String again = submitted.get(random.nextInt(submitted.size()));
                if (!scorecard(loop, Op.Kind.AMEND, again, areasOf.get(again))) {
                    return;
                }
            }
            if (random.nextDouble() < 0.04) {
                pause();
                cancel(loop);
                return;
            }
        }
        // after the decision: amendments (some change it, some do not) and now and then a cancellation
        int amendments = random.nextDouble() < 0.5 ? 1 + random.nextInt(2) : 0;
        for (int i = 0; i < amendments && running.get(); i++) {
            pause();
            String again = panel.get(random.nextInt(panel.size()));
            if (!scorecard(loop, Op.Kind.AMEND, again, areasOf.get(again))) {
                return;
            }
        }
        if (random.nextDouble() < 0.08 && running.get()) {
            pause();
            cancel(loop);
        }
    }

    /** Which areas each interviewer scores: every area by someone, some by two; now and then one by nobody. */
    private Map<String, Set<String>> coverage(List<String> panel) {
        Map<String, Set<String>> areas = new LinkedHashMap<>();
        panel.forEach(iv -> areas.put(iv, new TreeSet<>()));
        boolean leaveOneOut = random.nextDouble() < 0.08;
        List<String> all = new ArrayList<>(Reference.AREAS);
        if (leaveOneOut) {
            all.remove(random.nextInt(all.size()));
        }
        for (String area : all) {
            areas.get(panel.get(random.nextInt(panel.size()))).add(area);
            if (random.nextDouble() < 0.3) {
                areas.get(panel.get(random.nextInt(panel.size()))).add(area);
            }
        }
        // a scorecard scores at least one area
        panel.stream().filter(iv -> areas.get(iv).isEmpty()).forEach(iv -> areas.get(iv).add(all.get(random.nextInt(all.size()))));
        return areas;
    }

    private boolean scorecard(LoopModel loop, Op.Kind kind, String interviewer, Set<String> areas) throws InterruptedException {
        int low = switch (loop.level()) {
            case "JUNIOR" -> 1;
            case "MID" -> 2;
            default -> 3;
        };
        long id = history.newId();
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (String area : areas) {
            scores.put(area, low + random.nextInt(Math.min(5, low + 3) - low + 1));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("interviewerId", interviewer);
        body.put("scores", scores);
        body.put("redFlags", random.nextDouble() < 0.25 ? List.of(RED_FLAGS.get(random.nextInt(RED_FLAGS.size()))) : List.of());
        body.put("greenFlags", random.nextDouble() < 0.3 ? List.of(GREEN_FLAGS.get(random.nextInt(GREEN_FLAGS.size()))) : List.of());
        body.put("recommendation", RECOMMENDATIONS.get(random.nextInt(RECOMMENDATIONS.size())));
        body.put("notes", "op-" + id);
        Op op = kind == Op.Kind.SUBMIT
                ? write(id, kind, loop.loopId(), interviewer, "POST", "/api/loops/" + loop.loopId() + "/scorecards",
                        tokenOf.apply(interviewer), body)
                : write(id, kind, loop.loopId(), interviewer, "PUT",
                        "/api/loops/" + loop.loopId() + "/scorecards/" + interviewer, tokenOf.apply(interviewer), body);
        return acknowledge(loop, op);
    }

    private boolean cancel(LoopModel loop) throws InterruptedException {
        long id = history.newId();
        Op op = write(id, Op.Kind.CANCEL, loop.loopId(), null, "POST", "/api/loops/" + loop.loopId() + "/cancel",
                recruiterToken, null);
        return acknowledge(loop, op);
    }

    /** Records the outcome in the loop; false when the loop cannot go on (refused, or unknown whether it happened). */
    private boolean acknowledge(LoopModel loop, Op op) {
        switch (op.status()) {
            case OK -> {
                Expected decision = loop.acknowledged(op);
                if (decision != null) {
                    history.decisionExpected(decision);
                }
                return true;
            }
            case INDETERMINATE -> {
                loop.markIndeterminate();
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    private Op write(long id, Op.Kind kind, String loopId, String interviewer, String method, String path, String token,
                     Map<String, Object> body) throws InterruptedException {
        String key = UUID.randomUUID().toString();
        Op op = history.begin(id, number, kind, key, loopId, interviewer, body);
        long deadline = System.nanoTime() + retryBudget.toNanos();
        int attempt = 0;
        String lastError = null;
        int lastStatus = 0;
        while (true) {
            List<String> urls = scorecardUrls.get();
            String url = urls.get(Math.floorMod(random.nextInt() + attempt, urls.size())) + path;
            try {
                Http.Answer answer = http.send(method, url, token, body, Map.of("Idempotency-Key", key), Duration.ofSeconds(10));
                lastStatus = answer.status();
                if (answer.ok()) {
                    op.attempted(false);
                    op.complete(Op.Status.OK, answer.status(), answer.body(), null, history.clock().now());
                    return op;
                }
                if (answer.status() < 500 && answer.status() != 408 && answer.status() != 429) {
                    op.attempted(false);
                    op.complete(Op.Status.FAILED, answer.status(), answer.body(), null, history.clock().now());
                    return op;
                }
                lastError = "HTTP " + answer.status();
            } catch (IOException e) {
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            op.attempted(true);
            attempt++;
            if (System.nanoTime() > deadline) {
                op.complete(Op.Status.INDETERMINATE, lastStatus, null, lastError, history.clock().now());
                return op;
            }
            Thread.sleep(Math.min(2000, 100L << Math.min(attempt, 5)));
        }
    }

    private void pause() throws InterruptedException {
        long millis = thinkTime.toMillis();
        Thread.sleep(millis / 2 + (millis == 0 ? 0 : random.nextLong(millis)));
    }
}
