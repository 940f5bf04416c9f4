package io.debrief.calibration.api;

import static io.debrief.calibration.Events.header;
import static io.debrief.calibration.Events.scores;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.debrief.calibration.Events;
import io.debrief.calibration.Api;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.debrief.calibration.LoopKeyService;
import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The service on the real broker and database: scorecard-events in, calibrations and decisions out. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "calibration"))
@WithTestResource(LoopKeyService.class)
class ScorecardEventsConsumerIT extends EventsInDecisionsOut {

    static final Duration EVENTUALLY = Events.EVENTUALLY;

    @Inject
    ScorecardEventsConsumer consumer;

    /** MID, worked example 1 spread over three interviewers: average exactly 3.5. */
    private void hireOnMid(String loopId) {
        events.opened(loopId, "MID", "alice", "bob", "carol");
        events.scorecard(loopId, "alice", 1, scores(0, 4, 4, 4, 3), "YES");
        events.scorecard(loopId, "bob", 1, scores(4, 3, 4, 3), "YES");
        events.scorecard(loopId, "carol", 1, scores(7, 3), "STRONG_YES");
    }

    private ConsumerRecord<String, String> decision(String loopId, int version) {
        return decisions.await(r -> (loopId + ":" + version).equals(header(r, "ce_id")), EVENTUALLY);
    }

    private static JsonPath calibrationOnceItShows(String loopId, String path, Object value) {
        await().atMost(EVENTUALLY).untilAsserted(() -> Api.asHiringManager().get("/api/calibrations/" + loopId)
                .then().statusCode(200).body(path, is(value)));
        return Api.asHiringManager().get("/api/calibrations/" + loopId).then().extract().jsonPath();
    }

    private static List<Integer> decisionVersions(String loopId) {
        return Api.asHiringManager().get("/api/calibrations/" + loopId + "/decisions").then().statusCode(200)
                .extract().jsonPath().getList("decisionVersion", Integer.class);
    }

    @Test
    void aCompleteLoopPublishesDecisionVersionOneWithCloudEventsHeaders() throws Exception {
        String loopId = Events.newLoopId();
        hireOnMid(loopId);

        ConsumerRecord<String, String> record = decision(loopId, 1);
        assertThat(record.key()).isEqualTo(loopId);
        assertThat(header(record, "ce_type")).isEqualTo("hiring.decision.made.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/calibration-service");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_subject")).isEqualTo(loopId);
        assertThat(header(record, "ce_time")).isNotBlank();
        assertThat(header(record, "content-type")).startsWith("application/json");
        JsonNode decision = Events.JSON.readTree(record.value());
        assertThat(decision.path("loopId").asText()).isEqualTo(loopId);
        assertThat(decision.path("decisionVersion").asInt()).isEqualTo(1);
        assertThat(decision.path("outcome").asText()).isEqualTo("HIRE");
        assertThat(decision.path("average").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(decision.path("level").asText()).isEqualTo("MID");
        assertThat(decision.path("candidate").path("name").asText()).isEqualTo("Nguyen Van A");
        assertThat(decision.path("position").asText()).isEqualTo("MLOps Engineer");
        assertThat(decision.path("areaScores").size()).isEqualTo(8);
        assertThat(decision.path("checks").size()).isEqualTo(9);
        assertThat(decision.path("missingAreas").size()).isZero();
        assertThat(decision.path("nearMiss").asBoolean()).isFalse();
        assertThat(decision.path("needsDiscussion").asBoolean()).isFalse();
        assertThat(decision.path("discussionReasons").isArray()).isTrue();
        assertThat(decision.path("strengths").get(0).asText()).isEqualTo("CONTAINERIZATION");
        assertThat(decision.path("areasToImprove").isArray()).isTrue();
        assertThat(decision.path("decidedAt").asText()).endsWith("Z");
        assertThat(decision.path("summary").asText()).startsWith("Hire — MID MLOps Engineer, average 3.5");

        JsonPath calibration = calibrationOnceItShows(loopId, "status", "DECIDED");
        assertThat(calibration.getString("outcome")).isEqualTo("HIRE");
        assertThat(calibration.getInt("decisionVersion")).isEqualTo(1);
        assertThat(calibration.getList("submitted")).containsExactly("alice", "bob", "carol");
        assertThat(calibration.getList("pendingInterviewers")).isEmpty();
        assertThat(calibration.getList("missingAreas")).isEmpty();
        assertThat(calibration.getList("areas.CONTAINERIZATION.scores")).containsExactly(4);
        assertThat(calibration.getList("areas.CONTAINERIZATION.interviewers")).containsExactly("alice");
        assertThat(calibration.getList("checks.rule")).contains("AVERAGE", "AREA_MINIMUM");
        assertThat(calibration.getString("checks[0].area")).isNull();
        assertThat(calibration.getString("checks[1].area")).isEqualTo("CONTAINERIZATION");
        assertThat(calibration.getString("updatedAt")).endsWith("Z");

        try (Events.Reader updates = Events.reader("calibration-updates")) {
            ConsumerRecord<String, String> update = updates.await(
                    r -> loopId.equals(r.key()) && r.value().contains("\"DECIDED\""), EVENTUALLY);
            assertThat(header(update, "ce_type")).isEqualTo("hiring.calibration.updated.v1");
            assertThat(header(update, "ce_subject")).isEqualTo(loopId);
            assertThat(Events.JSON.readTree(update.value()).path("decisionVersion").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aLoopInProgressShowsPendingInterviewersAndMissingAreasAndNoOutcome() {
        String loopId = Events.newLoopId();
        events.opened(loopId, "SENIOR", "alice", "bob");
        events.scorecard(loopId, "alice", 1, scores(0, 5, 5), "YES");

        JsonPath calibration = calibrationOnceItShows(loopId, "submitted.size()", 1);
        assertThat(calibration.getString("status")).isEqualTo("PENDING");
        assertThat(calibration.getList("pendingInterviewers")).containsExactly("bob");
        assertThat(calibration.getList("missingAreas")).hasSize(6).doesNotContain("CONTAINERIZATION");
        assertThat(calibration.getString("average")).isNull();
        assertThat(calibration.getString("outcome")).isNull();
        assertThat(calibration.getString("decisionVersion")).isNull();
        assertThat(calibration.getList("checks")).isEmpty();
    }

    @Test
    void aRedeliveredRecordMakesNoNewVersionAndCountsOnce() {
        String loopId = Events.newLoopId();
        ProducerRecord<String, String> opened = events.opened(loopId, "MID", "alice", "bob", "carol");
        ProducerRecord<String, String> alice = events.scorecard(loopId, "alice", 1, scores(0, 4, 4, 4, 3), "YES");
        events.resend(alice);
        events.resend(opened);
        events.scorecard(loopId, "bob", 1, scores(4, 3, 4, 3), "YES");
        ProducerRecord<String, String> carol = events.scorecard(loopId, "carol", 1, scores(7, 3), "YES");
        events.resend(carol); // may fall into the same batch as the first: the decision is then published once
        events.resend(alice);
        decision(loopId, 1);
        // carol's record delivered again after its decision was committed and published (as after a crash between
        // the commit and the acknowledgement): the same decision is published again
        events.resend(carol);
        // an amendment that changes a score but no result: it comes after the duplicates on the same partition
        events.scorecard(loopId, "bob", 2, scores(4, 3, 5, 3), "YES");

        JsonPath calibration = calibrationOnceItShows(loopId, "areas.SYSTEM_DESIGN.scores[0]", 5);
        assertThat(calibration.getList("areas.CONTAINERIZATION.scores")).containsExactly(4);
        assertThat(calibration.getList("areas.COMMUNICATION.scores")).containsExactly(3);
        assertThat(calibration.getList("submitted")).containsExactly("alice", "bob", "carol");
        assertThat(calibration.getInt("decisionVersion")).isEqualTo(1);
        assertThat(decisionVersions(loopId)).containsExactly(1);
        // the late redelivery republished the very same decision (same ce_id and data), which is what recovers a
        // crash between the commit and the publication
        await().atMost(EVENTUALLY).until(() ->
                decisions.records().stream().filter(r -> (loopId + ":1").equals(header(r, "ce_id"))).count() >= 2);
        List<ConsumerRecord<String, String>> seenDecisions = decisions.records();
        assertThat(seenDecisions.stream().filter(r -> loopId.equals(r.key())).map(ConsumerRecord::value).distinct())
                .hasSize(1);
        assertThat(seenDecisions.stream().filter(r -> loopId.equals(r.key())).map(r -> header(r, "ce_id")))
                .containsOnly(loopId + ":1");
    }

    @Test
    void anOlderScorecardVersionArrivingLateChangesNothing() {
        String loopId = Events.newLoopId();
        events.opened(loopId, "MID", "alice");
        events.scorecard(loopId, "alice", 2, scores(0, 4, 4, 4, 4, 4, 4, 4, 4), "YES");
        events.scorecard(loopId, "alice", 1, scores(0, 1, 1, 1, 1, 1, 1, 1, 1), "STRONG_NO");
        events.cancelled(loopId); // a marker behind the stale scorecard

        JsonPath calibration = calibrationOnceItShows(loopId, "status", "CANCELLED");
        assertThat(calibration.getList("areas.CI_CD.scores")).containsExactly(4);
    }

    @Test
    void aScorecardThatArrivesBeforeItsLoopIsAppliedWhenTheLoopArrives() throws Exception {
        String loopId = Events.newLoopId();
        events.scorecard(loopId, "alice", 1, scores(0, 4, 4, 4, 4, 4, 4, 4, 4), "YES");
        events.scorecard(loopId, "bob", 1, scores(7, 4), "YES");
        await().atMost(EVENTUALLY).untilAsserted(() -> Api.asHiringManager().get("/api/calibrations/" + loopId).then().statusCode(404));
        events.opened(loopId, "MID", "alice", "bob");

        JsonNode decision = Events.JSON.readTree(decision(loopId, 1).value());
        assertThat(decision.path("outcome").asText()).isEqualTo("HIRE");
        assertThat(decision.path("average").decimalValue()).isEqualByComparingTo("4");
        JsonPath calibration = calibrationOnceItShows(loopId, "status", "DECIDED");
        assertThat(calibration.getList("submitted")).containsExactly("alice", "bob");
        assertThat(calibration.getList("areas.COMMUNICATION.scores")).containsExactly(4, 4);
    }

    @Test
    void anAmendmentThatFlipsTheOutcomeMakesDecisionVersionTwoAndOneThatChangesNothingMakesNone() throws Exception {
        String loopId = Events.newLoopId();
        hireOnMid(loopId);
        assertThat(Events.JSON.readTree(decision(loopId, 1).value()).path("outcome").asText()).isEqualTo("HIRE");

        events.scorecard(loopId, "carol", 2, scores(7, 2), "NO"); // COMMUNICATION below MID's minimum of 3
        JsonNode second = Events.JSON.readTree(decision(loopId, 2).value());
        assertThat(second.path("outcome").asText()).isEqualTo("NO_HIRE");
        assertThat(second.path("decisionVersion").asInt()).isEqualTo(2);
        assertThat(second.path("areasToImprove").get(0).asText()).isEqualTo("COMMUNICATION");

        events.scorecard(loopId, "alice", 2, scores(0, 5, 3, 4, 3), "YES"); // same sum: NO_HIRE, same check results
        JsonPath calibration = calibrationOnceItShows(loopId, "areas.CONTAINERIZATION.scores[0]", 5);
        assertThat(calibration.getString("outcome")).isEqualTo("NO_HIRE");
        assertThat(calibration.getInt("decisionVersion")).isEqualTo(2);
        assertThat(decisionVersions(loopId)).containsExactly(1, 2);
    }

    @Test
    void aScorecardFromSomeoneNotOnThePanelIsIgnored() {
        String loopId = Events.newLoopId();
        double ignoredBefore = ignoredScorecards();
        events.opened(loopId, "JUNIOR", "alice", "bob");
        events.scorecard(loopId, "mallory", 1, scores(0, 1, 1, 1, 1, 1, 1, 1, 1), "STRONG_NO");
        events.scorecard(loopId, "alice", 1, scores(0, 3, 3), "YES");

        JsonPath calibration = calibrationOnceItShows(loopId, "submitted.size()", 1);
        assertThat(ignoredScorecards()).isGreaterThanOrEqualTo(ignoredBefore + 1);
        assertThat(calibration.getList("submitted")).containsExactly("alice");
        assertThat(calibration.getList("areas.CONTAINERIZATION.interviewers")).containsExactly("alice");
        assertThat(calibration.getList("pendingInterviewers")).containsExactly("bob");
    }

    @Test
    void aCancelledLoopGetsNoDecision() {
        String loopId = Events.newLoopId();
        events.opened(loopId, "MID", "alice", "bob");
        events.scorecard(loopId, "alice", 1, scores(0, 4, 4, 4, 4, 4, 4, 4, 4), "YES");
        events.cancelled(loopId);
        events.scorecard(loopId, "bob", 1, scores(0, 4), "YES");

        JsonPath calibration = calibrationOnceItShows(loopId, "submitted.size()", 2);
        assertThat(calibration.getString("status")).isEqualTo("CANCELLED");
        assertThat(calibration.getString("outcome")).isNull();
        assertThat(calibration.getString("decisionVersion")).isNull();
        assertThat(decisionVersions(loopId)).isEmpty();
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheReasonAndLaterRecordsAreStillProcessed() {
        String loopId = Events.newLoopId();
        events.send(loopId, "hiring.loop.opened.v1", "{not json");
        events.send(loopId, "hiring.loop.reopened.v9", Map.of("loopId", loopId));
        events.send(loopId, "hiring.scorecard.submitted.v1", Map.of("loopId", loopId, "interviewerId", "alice"));
        events.send(loopId, null, Map.of("loopId", loopId));
        events.send(loopId, "hiring.scorecard.submitted.v1", Map.of("loopId", loopId, "interviewerId", "alice",
                "version", 1, "recommendation", "YES", "scores", Map.of("CI_CD", 6)));
        hireOnMid(loopId);

        decision(loopId, 1);
        try (Events.Reader dlq = Events.reader("scorecard-events-dlq")) {
            await().atMost(EVENTUALLY).until(() -> dlq.records().stream().filter(r -> loopId.equals(r.key())).count() >= 5);
            List<ConsumerRecord<String, String>> seen = dlq.records();
            List<String> reasons = seen.stream().filter(r -> loopId.equals(r.key()))
                    .map(r -> header(r, "dead-letter-reason")).toList();
            assertThat(reasons).anyMatch(reason -> reason.contains("malformed JSON"));
            assertThat(reasons).anyMatch(reason -> reason.contains("unknown event type hiring.loop.reopened.v9"));
            assertThat(reasons).anyMatch(reason -> reason.contains("version"));
            assertThat(reasons).anyMatch(reason -> reason.contains("missing ce_type"));
            assertThat(reasons).anyMatch(reason -> reason.contains("from 1 to 5"));
            assertThat(seen.stream().filter(r -> loopId.equals(r.key())).map(ConsumerRecord::value))
                    .contains("{not json");
        }
    }

    @Test
    void batchesOfAPartitionAreProcessedStrictlyOneAfterAnother() {
        List<String> loops = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String loopId = Events.newLoopId();
            loops.add(loopId);
            events.opened(loopId, "JUNIOR", "alice");
            events.scorecard(loopId, "alice", 1, scores(0, 3, 3, 3, 3, 3, 3, 3, 3), "YES");
        }
        for (String loopId : loops) {
            calibrationOnceItShows(loopId, "status", "DECIDED");
        }
        assertThat(consumer.mostBatchesInFlightOnOnePartition()).isEqualTo(1);
    }

    /** The Prometheus counter of scorecards ignored because their interviewer is not on the panel. */
    private static double ignoredScorecards() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("calibration_scorecards_ignored_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
