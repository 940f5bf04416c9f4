package io.debrief.calibration.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.debrief.calibration.Events;
import io.debrief.calibration.LoopKeyService;
import io.debrief.contract.GoldenEvent;
import io.debrief.calibration.LoopKeyService;
import io.debrief.testsupport.LocalStackTestResource;
import io.debrief.testsupport.TestIdentity;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The producer side of the contract fixtures: the golden input (DOMAIN.md worked example 1 on the golden loop, as
 * the fixtures' descriptions say) goes onto the real {@code scorecard-events}, and what the service publishes on
 * {@code hiring-decisions} and {@code calibration-updates} must be exactly the golden {@code hiring.decision.made.v1}
 * and {@code hiring.calibration.updated.v1} (ids and times only for presence). The candidate's name is fed sealed under
 * the loop's key, as scorecard-service sends it, and must be passed on as that very text; the final decision's reason
 * must be sealed and open to the fixture's text under the loop's key ({@link LoopKeyService}).
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "calibration"))
@WithTestResource(LoopKeyService.class)
class GoldenEventsProducedIT {

    private static final Duration EVENTUALLY = Events.EVENTUALLY;

    @Test
    void workedExampleOneIsPublishedExactlyAsTheGoldenDecisionAndCalibration() throws Exception {
        String loopId = Events.newLoopId();
        try (Events.Reader decisions = Events.reader("hiring-decisions");
             Events.Reader calibrations = Events.reader("calibration-updates");
             Events events = new Events()) {
            String sealedName = feedWorkedExampleOne(events, loopId);

            ConsumerRecord<String, String> decision = decisions.await(r -> loopId.equals(r.key()), EVENTUALLY);
            assertThat(GoldenEvent.of("hiring.decision.made.v1").mismatches(decision.topic(), decision.key(),
                    Events.headers(decision.headers()), decision.value(), opener(loopId))).isEmpty();
            assertThat(Events.JSON.readTree(decision.value()).path("candidate").path("name").asText())
                    .as("the name as it arrived").isEqualTo(sealedName);
            assertThat(Events.header(decision, "ce_id")).isEqualTo(loopId + ":1");
            assertThat(Events.header(decision, "ce_subject")).isEqualTo(loopId);
            assertThat(Events.header(decision, "ce_time")).isEqualTo("2026-12-01T10:45:00Z");
            assertThat(Events.JSON.readTree(decision.value()).path("decidedAt").asText()).isEqualTo("2026-12-01T10:45:00Z");

            ConsumerRecord<String, String> calibration = calibrations.await(
                    r -> loopId.equals(r.key()) && r.value().contains("\"DECIDED\""), EVENTUALLY);
            assertThat(GoldenEvent.of("hiring.calibration.updated.v1").mismatches(calibration.topic(),
                    calibration.key(), Events.headers(calibration.headers()), calibration.value(), opener(loopId)))
                    .isEmpty();
            assertThat(Events.JSON.readTree(calibration.value()).path("candidate").path("name").asText())
                    .as("the name as it arrived").isEqualTo(sealedName);
            assertThat(Events.header(calibration, "ce_id")).startsWith(loopId + ":").hasSize(loopId.length() + 17);
            assertThat(Events.JSON.readTree(calibration.value()).path("updatedAt").asText())
                    .isEqualTo("2026-12-01T10:45:00Z");
        }
    }

    @Test
    void theHiringManagersOverrideIsPublishedExactlyAsTheGoldenFinalDecision() throws Exception {
        String loopId = Events.newLoopId();
        GoldenEvent golden = GoldenEvent.of("hiring.decision.finalized.v1");
        try (Events.Reader decisions = Events.reader("hiring-decisions"); Events events = new Events()) {
            feedWorkedExampleOne(events, loopId);
            decisions.await(r -> (loopId + ":1").equals(Events.header(r, "ce_id")), EVENTUALLY);
            given().header("Authorization", TestIdentity.bearer(golden.value().path("decidedBy").asText(), "hiring-manager"))
                    .contentType("application/json")
                    .body(Map.of("outcome", golden.value().path("outcome").asText(),
                            "reason", golden.value().path("reason").asText(), "decisionVersion", 1))
                    .post("/api/calibrations/" + loopId + "/final-decision").then().statusCode(201);

            ConsumerRecord<String, String> record = decisions.await(
                    r -> (loopId + ":final").equals(Events.header(r, "ce_id")), EVENTUALLY);
            assertThat(golden.mismatches(record.topic(), record.key(), Events.headers(record.headers()), record.value(),
                    opener(loopId))).isEmpty();
            // The same instant; the connector writes ce_time with the fewest fraction digits, Jackson with 3, 6 or 9.
            assertThat(Instant.parse(Events.header(record, "ce_time")))
                    .isEqualTo(Instant.parse(Events.JSON.readTree(record.value()).path("decidedAt").asText()));
        }
    }

    /** Opens sealed text of the loop as a reader with its key would (null when it does not open). */
    private static java.util.function.Function<String, String> opener(String loopId) {
        return sealed -> LoopKeyService.open(loopId, sealed);
    }

    /**
     * The golden loop (panel ivan, sara, chen), its name sealed under the loop's key, and three golden scorecards with
     * worked example 1's scores; the sealed name as sent.
     */
    static String feedWorkedExampleOne(Events events, String loopId) {
        GoldenEvent opened = GoldenEvent.of("hiring.loop.opened.v1").with(Map.of("key", loopId, "value.loopId", loopId,
                "headers.ce_subject", loopId, "headers.ce_id", UUID.randomUUID().toString()))
                .sealedWith(text -> LoopKeyService.seal(loopId, text));
        events.send(opened.key(), opened.headers(), opened.valueText());
        submit(events, loopId, "ivan", "TECHNICAL_DEEP_DIVE", "2026-12-01T10:15:00Z", "YES",
                Map.of("CONTAINERIZATION", 4, "ORCHESTRATION", 4, "CI_CD", 4, "ML_TOOLS", 4), "OVERENGINEERING");
        submit(events, loopId, "sara", "SYSTEM_DESIGN", "2026-12-01T10:30:00Z", "YES",
                Map.of("MONITORING", 3, "SYSTEM_DESIGN", 3));
        submit(events, loopId, "chen", "CULTURAL_FIT", "2026-12-01T10:45:00Z", "STRONG_NO",
                Map.of("PROBLEM_SOLVING", 3, "COMMUNICATION", 3));
        return opened.value().path("candidate").path("name").asText();
    }

    private static void submit(Events events, String loopId, String interviewer, String stage, String at,
                               String recommendation, Map<String, Integer> scores, String... redFlags) {
        GoldenEvent golden = GoldenEvent.of("hiring.scorecard.submitted.v1").with(Map.of("key", loopId,
                "value.loopId", loopId, "value.scorecardId", UUID.randomUUID().toString(),
                "value.interviewerId", interviewer, "value.stage", stage, "value.submittedAt", at,
                "value.recommendation", recommendation, "headers.ce_subject", loopId,
                "headers.ce_id", UUID.randomUUID().toString(), "headers.ce_time", at));
        ObjectNode value = golden.value().deepCopy();
        ObjectNode scoreNode = value.putObject("scores");
        scores.forEach(scoreNode::put);
        var flags = value.putArray("redFlags");
        for (String flag : redFlags) {
            flags.add(flag);
        }
        events.send(golden.key(), golden.headers(), value.toString());
    }
}
