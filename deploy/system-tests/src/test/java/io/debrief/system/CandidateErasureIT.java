package io.debrief.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.debrief.testsupport.DebriefSystem;
import io.debrief.testsupport.Leaks;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Erasing a candidate on the real stack (issue 18): afterwards their name, every note and evidence text of their loops
 * and the final decision's reason are nowhere to be read (every API answer about their loops, every record of every
 * topic from offset 0, all three databases, every service log), while scores, checks, outcomes and versions stay.
 * Also when services stop in the middle, and when retention erases a decided loop on its own.
 */
class CandidateErasureIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EVENTUALLY = Duration.ofMinutes(3);
    private static final List<String> DATABASES = List.of("scorecard", "calibration", "notification");
    private static final List<String> TYPES = List.of("hiring.decision.made", "hiring.decision.finalized",
            "hiring.scorecard.overdue", "hiring.candidate.erased");
    /**
     * Retention as short as a test can watch: a decided loop is due seconds after its last decision, looked for every
     * second (scorecard-service's debrief.retention.* as environment variables).
     */
    static final Map<String, String> FAST_RETENTION = Map.of(
            "DEBRIEF_RETENTION_ERASE_AFTER", "PT5S",
            "DEBRIEF_RETENTION_CHECK_EVERY", "1s");

    private static DebriefSystem system;
    private static Recruiting recruiting;
    private static WebhookReceiver hooks;
    private static String subscriptionId;

    /** One candidate's personal text, each piece distinctive (random, with non-ASCII letters) so a search cannot miss. */
    record Probe(String tag, String candidateId, String name, List<String> loopIds, List<String> notes, List<String> evidence,
                 String reason) {

        List<String> secrets() {
            List<String> all = new ArrayList<>(List.of(name));
            if (reason != null) {
                all.add(reason);
            }
            all.addAll(notes);
            all.addAll(evidence);
            // the ASCII word of each that holds the tag too: found even where the rest was escaped or re-encoded
            for (String text : List.copyOf(all)) {
                all.add(java.util.Arrays.stream(text.split(" ")).filter(word -> word.contains(tag)).findFirst().orElseThrow());
            }
            return all;
        }
    }

    @BeforeAll
    static void subscribeToEveryType() throws IOException {
        system = RunningSystem.get();
        recruiting = new Recruiting(system.scorecards(), system.tokens());
        hooks = new WebhookReceiver();
        subscriptionId = given().baseUri(system.notifications().baseUrl()).header("Authorization", recruiting.recruiter())
                .contentType(ContentType.JSON)
                .body(Map.of("url", hooks.url(), "description", "erasure system test", "types", TYPES))
                .post("/api/subscriptions").then().statusCode(201).extract().path("id");
    }

    @AfterAll
    static void unsubscribe() {
        if (subscriptionId != null) {
            given().baseUri(system.notifications().baseUrl()).header("Authorization", recruiting.recruiter())
                    .delete("/api/subscriptions/" + subscriptionId);
        }
        if (hooks != null) {
            hooks.close();
        }
    }

    @Test
    void anErasedCandidatesTextIsNowhereWhileTheirScoresChecksAndDecisionsRemain() throws Exception {
        Probe probe = decidedCandidate(2, true);
        assertReadableBeforeErasure(probe);

        JsonNode first = erase(probe);
        assertErasedEverywhere(probe);

        // a repeat answers as the first did and emits nothing: still one erased record and one webhook
        JsonNode again = erase(probe);
        assertThat(again).as("the repeat's answer").isEqualTo(first);
        Thread.sleep(10_000); // long enough for a second event to be relayed, consumed and delivered
        assertThat(erasedRecords(probe)).as("hiring.candidate.erased.v1 records of the candidate").hasSize(1);
        assertThat(hooks.of("hiring.candidate.erased", probe.candidateId())).as("erased webhooks").hasSize(1);
    }

    @Test
    void anErasureCompletesWhenEveryServiceStopsInTheMiddleOfIt() throws Exception {
        Probe probe = decidedCandidate(2, true);
        assertReadableBeforeErasure(probe);

        // calibration-service and notification-service are stopped before they can consume the erasure, and
        // scorecard-service is killed right after its 202, possibly before its outbox relayed the event
        system.restart("notification-service", false, Map.of(), unchecked(() ->
                system.restart("calibration-service", false, Map.of(), unchecked(() -> {
                    erase(probe);
                    system.restart("scorecard-service", true, Map.of(), () -> { });
                }))));

        assertErasedEverywhere(probe);
    }

    @Test
    void retentionErasesADecidedLoopOnItsOwn() throws Exception {
        system.restart("scorecard-service", false, FAST_RETENTION, () -> { });
        try {
            // no final decision: it could come after the loop was already due
            Probe probe = decidedCandidate(1, false);
            // no erasure asked for: retention finds the loop due seconds after its last decision
            assertErasedEverywhere(probe);
            JsonNode erased = hooks.of("hiring.candidate.erased", probe.candidateId()).get(0).json().path("data");
            assertThat(texts(erased.path("loopIds"))).containsExactlyElementsOf(probe.loopIds());
        } finally {
            system.restart("scorecard-service", () -> { });
        }
    }

    // ---- the candidate, their loops, the decisions

    /**
     * A candidate with {@code loops} loops (MID, alice, bob and carol, every scorecard with notes and evidence), each
     * decided HIRE (DOMAIN.md worked example 1), the first with a final decision and its reason if {@code
     * finalDecision}; returns once the subscription got every decision's webhook.
     */
    private static Probe decidedCandidate(int loops, boolean finalDecision) throws IOException {
        String tag = HexFormat.of().toHexDigits(UUID.randomUUID().getLeastSignificantBits());
        String candidateId = "cand-" + UUID.randomUUID();
        String name = "Zyxwv Erasure-Probe-" + tag + " Nguyễn Thị Ánh";
        List<String> loopIds = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        Map<String, Map<String, Integer>> scores = Map.of(
                "alice", Map.of("CONTAINERIZATION", 4, "ORCHESTRATION", 4, "CI_CD", 4, "ML_TOOLS", 3),
                "bob", Map.of("SYSTEM_DESIGN", 4, "MONITORING", 3, "PROBLEM_SOLVING", 3),
                "carol", Map.of("COMMUNICATION", 3));
        for (int i = 0; i < loops; i++) {
            String loopId = recruiting.openLoopFor(candidateId, name, "MID", "alice", "bob", "carol");
            loopIds.add(loopId);
            for (String interviewer : List.of("alice", "bob", "carol")) {
                String note = "Qnotes-" + tag + "-" + i + "-" + interviewer + " ghi chú riêng về ứng viên";
                Map<String, String> evidenceOf = new LinkedHashMap<>();
                for (String area : scores.get(interviewer).keySet()) {
                    String text = "Vevidence-" + tag + "-" + i + "-" + area + " đã triển khai " + area.toLowerCase();
                    evidenceOf.put(area, text);
                    evidence.add(text);
                }
                notes.add(note);
                recruiting.submit(loopId, interviewer, scores.get(interviewer), "YES", evidenceOf, note);
            }
        }
        for (String loopId : loopIds) {
            await().atMost(EVENTUALLY).ignoreExceptions().until(() -> "DECIDED".equals(calibration(loopId).path("status").asText()));
        }
        String reason = null;
        if (finalDecision) {
            reason = "Wreason-" + tag + " ứng viên trao đổi rõ ràng, đạt chuẩn đội";
            int version = calibration(loopIds.get(0)).path("decisionVersion").asInt();
            recruiting.finalDecision(system.calibrations().baseUrl(), loopIds.get(0), "HIRE", reason, version);
        }
        for (String loopId : loopIds) {
            await().atMost(EVENTUALLY).ignoreExceptions().until(() -> !hooks.of("hiring.decision.made", loopId).isEmpty());
        }
        if (finalDecision) {
            await().atMost(EVENTUALLY).ignoreExceptions().until(() -> !hooks.of("hiring.decision.finalized", loopIds.get(0)).isEmpty());
        }
        return new Probe(tag, candidateId, name, List.copyOf(loopIds), List.copyOf(notes), List.copyOf(evidence), reason);
    }

    /**
     * Before the erasure: the people who read the loops see the name and the reason (the keys open them), the search
     * finds them there, and the topics carry the name sealed ({@code enc:v1:}) and none of the texts in the clear.
     */
    private static void assertReadableBeforeErasure(Probe probe) throws Exception {
        String loopId = probe.loopIds().get(0);
        JsonNode calibration = calibration(loopId);
        assertThat(calibration.path("candidate").path("name").asText()).isEqualTo(probe.name());
        assertThat(calibration.path("finalDecision").path("reason").asText()).isEqualTo(probe.reason());
        assertThat(decisions(loopId).get(0).path("candidate").path("name").asText()).isEqualTo(probe.name());
        Leaks answers = new Leaks(probe.secrets());
        apiAnswers(probe).forEach(answers::search);
        assertThat(answers.found()).as("the search finds the texts where they still are")
                .anyMatch(line -> line.contains(probe.name()))
                .anyMatch(line -> line.contains(probe.reason()))
                .anyMatch(line -> line.contains(probe.notes().get(0)))
                .anyMatch(line -> line.contains(probe.evidence().get(0)));

        List<TopicRecords.Raw> records = TopicRecords.all(system.stack().kafkaBootstrapServers());
        List<TopicRecords.Raw> opened = records.stream()
                .filter(r -> probe.loopIds().contains(r.keyText()) && "hiring.loop.opened.v1".equals(r.header("ce_type")))
                .toList();
        assertThat(opened).hasSize(probe.loopIds().size());
        for (TopicRecords.Raw record : opened) {
            assertThat(JSON.readTree(record.value()).path("candidate").path("name").asText()).as("the name on the topic")
                    .startsWith("enc:v1:");
        }
        Leaks onTopics = new Leaks(probe.secrets());
        records.forEach(record -> search(onTopics, record));
        assertThat(onTopics.found()).as("personal text in the clear on a topic").isEmpty();
    }

    private static JsonNode erase(Probe probe) throws IOException {
        Response answer = given().baseUri(system.scorecards().baseUrl())
                .header("Authorization", "Bearer " + system.tokens().mint("ada-admin", "admin"))
                .post("/api/candidates/" + probe.candidateId() + "/erasure");
        assertThat(answer.statusCode()).as("erasure: " + answer.asString()).isEqualTo(202);
        JsonNode body = JSON.readTree(answer.asString());
        assertThat(body.path("candidateId").asText()).isEqualTo(probe.candidateId());
        assertThat(texts(body.path("loopIds"))).containsExactlyInAnyOrderElementsOf(probe.loopIds());
        assertThat(body.path("erasedAt").asText()).isNotEmpty();
        return body;
    }

    // ---- after the erasure

    private static void assertErasedEverywhere(Probe probe) throws Exception {
        await().atMost(EVENTUALLY).ignoreExceptions().until(() -> !hooks.of("hiring.candidate.erased", probe.candidateId()).isEmpty());
        JsonNode erased = hooks.of("hiring.candidate.erased", probe.candidateId()).get(0).json().path("data");
        assertThat(erased.path("candidateId").asText()).isEqualTo(probe.candidateId());
        assertThat(texts(erased.path("loopIds"))).containsExactlyInAnyOrderElementsOf(probe.loopIds());
        // every service consumed it: names null, the reason null, the facts kept
        for (String loopId : probe.loopIds()) {
            await().atMost(EVENTUALLY).untilAsserted(() -> {
                JsonNode calibration = calibration(loopId);
                assertThat(calibration.path("candidate").has("name")).as("name still a field").isTrue();
                assertThat(calibration.path("candidate").path("name").isNull()).as("calibration's name").isTrue();
                assertThat(decisions(loopId).get(0).path("candidate").path("name").isNull()).as("decision's name").isTrue();
                JsonNode loop = scorecardsGet("/api/loops/" + loopId);
                assertThat(loop.path("candidate").path("name").isNull()).as("loop's name").isTrue();
            });
            JsonNode calibration = calibration(loopId);
            assertThat(calibration.path("candidate").path("id").asText()).isEqualTo(probe.candidateId());
            assertThat(calibration.path("status").asText()).isEqualTo("DECIDED");
            assertThat(calibration.path("outcome").asText()).isEqualTo("HIRE");
            assertThat(calibration.path("decisionVersion").asInt()).isEqualTo(1);
            assertThat(calibration.path("average").decimalValue()).isEqualByComparingTo("3.5");
            assertThat(calibration.path("checks")).isNotEmpty().allMatch(check -> check.path("passed").asBoolean());
            JsonNode decision = decisions(loopId).get(0);
            assertThat(decision.path("outcome").asText()).isEqualTo("HIRE");
            assertThat(decision.path("checks")).isNotEmpty();
            JsonNode scorecards = scorecardsGet("/api/loops/" + loopId + "/scorecards");
            assertThat(scorecards).hasSize(3);
            for (JsonNode scorecard : scorecards) {
                assertThat(scorecard.path("scores").size()).as("scores kept").isPositive();
                assertThat(scorecard.has("notes") && scorecard.path("notes").isNull()).as("notes null").isTrue();
                assertThat(scorecard.path("evidence").isObject() && scorecard.path("evidence").isEmpty()).as("evidence {}").isTrue();
            }
        }
        if (probe.reason() != null) {
            await().atMost(EVENTUALLY).ignoreExceptions().until(() -> calibration(probe.loopIds().get(0)).path("finalDecision").path("reason").isNull());
            JsonNode finalDecision = calibration(probe.loopIds().get(0)).path("finalDecision");
            assertThat(finalDecision.path("outcome").asText()).isEqualTo("HIRE");
            assertThat(finalDecision.path("decisionVersion").asInt()).isEqualTo(1);
            assertThat(finalDecision.has("reason")).as("reason still a field").isTrue();
        }

        Leaks leaks = new Leaks(probe.secrets());
        apiAnswers(probe).forEach(leaks::search);
        TopicRecords.all(system.stack().kafkaBootstrapServers()).forEach(record -> search(leaks, record));
        for (String database : DATABASES) {
            leaks.search("database " + database, system.stack().postgres().dump(database));
        }
        for (Path log : system.logs()) {
            leaks.search("log " + log.getFileName(), Files.readAllBytes(log));
        }
        assertThat(leaks.found()).as("the erased candidate's text, anywhere").isEmpty();
    }

    private static List<TopicRecords.Raw> erasedRecords(Probe probe) throws Exception {
        return TopicRecords.all(system.stack().kafkaBootstrapServers()).stream()
                .filter(r -> "hiring.candidate.erased.v1".equals(r.header("ce_type")))
                .filter(r -> probe.candidateId().equals(r.keyText()))
                .toList();
    }

    private static void search(Leaks leaks, TopicRecords.Raw record) {
        if (record.key() != null) {
            leaks.search(record.where() + " key", record.key());
        }
        if (record.value() != null) {
            leaks.search(record.where() + " value", record.value());
        }
        for (Map.Entry<String, byte[]> header : record.headers()) {
            leaks.search(record.where() + " header name", header.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            leaks.search(record.where() + " header " + header.getKey(), header.getValue());
        }
    }

    // ---- every API answer of the three services about the candidate's loops

    private static Map<String, byte[]> apiAnswers(Probe probe) {
        Map<String, byte[]> answers = new LinkedHashMap<>();
        String scorecards = system.scorecards().baseUrl();
        String calibrations = system.calibrations().baseUrl();
        String notifications = system.notifications().baseUrl();
        String recruiter = recruiting.recruiter();
        String manager = recruiting.hiringManager();
        for (String loopId : probe.loopIds()) {
            String of = " of loop " + loopId;
            answers.put("GET loop" + of, get(scorecards, "/api/loops/" + loopId, recruiter));
            answers.put("GET scorecards" + of, get(scorecards, "/api/loops/" + loopId + "/scorecards", recruiter));
            for (String interviewer : List.of("alice", "bob", "carol")) {
                answers.put("GET scorecard " + interviewer + of,
                        get(scorecards, "/api/loops/" + loopId + "/scorecards/" + interviewer, recruiter));
            }
            answers.put("GET audit" + of, get(scorecards, "/api/loops/" + loopId + "/audit", recruiter));
            answers.put("GET calibration" + of, get(calibrations, "/api/calibrations/" + loopId, manager));
            answers.put("GET decisions" + of, get(notifications, "/api/decisions?loopId=" + loopId, recruiter));
            for (String lang : List.of("en", "vi")) {
                answers.put("GET letter " + lang + of,
                        get(notifications, "/api/decisions/" + loopId + "/letter?lang=" + lang, recruiter));
            }
        }
        answers.put("GET loops of alice", get(scorecards, "/api/loops?interviewer=alice", recruiter));
        answers.put("GET calibrations", get(calibrations, "/api/calibrations", manager));
        answers.put("GET calibrations DECIDED MID", get(calibrations, "/api/calibrations?status=DECIDED&level=MID", manager));
        answers.put("GET deliveries", get(notifications, "/api/subscriptions/" + subscriptionId + "/deliveries", recruiter));
        return answers;
    }

    private static byte[] get(String baseUrl, String path, String authorization) {
        Response answer = given().baseUri(baseUrl).header("Authorization", authorization).get(path);
        assertThat(answer.statusCode()).as("GET " + baseUrl + path + ": " + answer.asString()).isEqualTo(200);
        return answer.asByteArray();
    }

    private static JsonNode calibration(String loopId) throws IOException {
        return JSON.readTree(get(system.calibrations().baseUrl(), "/api/calibrations/" + loopId, recruiting.hiringManager()));
    }

    private static JsonNode decisions(String loopId) throws IOException {
        return JSON.readTree(get(system.notifications().baseUrl(), "/api/decisions?loopId=" + loopId, recruiting.recruiter()));
    }

    private static JsonNode scorecardsGet(String path) throws IOException {
        return JSON.readTree(get(system.scorecards().baseUrl(), path, recruiting.recruiter()));
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private interface Step {
        void run() throws Exception;
    }

    private static Runnable unchecked(Step step) {
        return () -> {
            try {
                step.run();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
