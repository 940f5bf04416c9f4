package io.debrief.notification.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.debrief.notification.support.Api;
import io.debrief.notification.support.Decisions;
import io.debrief.notification.support.Kafka;
import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** hiring-decisions on the real broker: stored once, relayed unchanged with a summary, poison to the DLQ. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class DecisionConsumerIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void decisionIsStoredOnceAndRelayedUnchangedWithASummary() {
        String loopId = Kafka.newLoopId("stored");
        String version1 = Decisions.json(loopId, 1, "NO_HIRE", "SENIOR");

        Kafka.publishDecision(loopId, 1, version1);
        Kafka.publishDecision(loopId, 1, version1);
        Kafka.publishDecision(loopId, 2, Decisions.json(loopId, 2, "HIRE", "SENIOR"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(Api.decisions(loopId)).hasSize(2));
        List<Map<String, Object>> decisions = Api.decisions(loopId);
        assertThat(decisions).extracting(decision -> decision.get("decisionVersion")).containsExactly(2, 1);
        Map<String, Object> first = decisions.get(1);
        assertThat(first).containsEntry("loopId", loopId)
                .containsEntry("outcome", "NO_HIRE")
                .containsEntry("level", "SENIOR")
                .containsEntry("position", "MLOps Engineer")
                .containsEntry("nearMiss", true)
                .containsEntry("decidedAt", "2026-11-26T10:15:30Z")
                .containsEntry("futureField", Map.of("kept", true))
                .containsEntry("strengths", List.of("CONTAINERIZATION", "ORCHESTRATION"))
                .containsEntry("summary", "No hire — Ada Lovelace, SENIOR MLOps Engineer, average 4.25; "
                        + "strengths: Containerization, Orchestration; near miss: encourage reapplication");
        // numbers are relayed as received, not through binary floating point
        String raw = Api.asHiringManager().queryParam("loopId", loopId).get("/api/decisions").then().statusCode(200)
                .extract().asString();
        assertThat(raw).contains("\"average\":4.25").contains("\"COMMUNICATION\":4.0");
    }

    @Test
    void upstreamSummaryIsRelayedAsItIs() {
        String loopId = Kafka.newLoopId("summary");
        String json = Decisions.json(loopId, 1, "HIRE", "MID")
                .replaceFirst("\\{", "{\"summary\":\"Upstream words\",");

        Kafka.publishDecision(loopId, 1, json);

        await().atMost(WAIT).untilAsserted(() -> assertThat(Api.decisions(loopId)).singleElement()
                .satisfies(decision -> assertThat(decision).containsEntry("summary", "Upstream words")));
    }

    @Test
    void malformedRecordGoesToTheDeadLetterTopicAndConsumptionContinues() {
        String loopId = Kafka.newLoopId("poison");

        // same key as the valid decision after them: same partition, so the valid one waits behind them
        Kafka.sendDecisionRecord(loopId, "{this is not json", loopId + ":1", "hiring.decision.made.v1");
        Kafka.sendDecisionRecord(loopId, "{\"loopId\":\"" + loopId + "\"}", loopId + ":1", "hiring.decision.made.v1");
        Kafka.publishDecision(loopId, 1, Decisions.json(loopId, 1, "HIRE", "JUNIOR"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(Api.decisions(loopId)).hasSize(1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(Kafka.deadLetters(loopId, 2))
                .extracting(ConsumerRecord::value)
                .containsExactly("{this is not json", "{\"loopId\":\"" + loopId + "\"}"));
        ConsumerRecord<String, String> notJson = Kafka.deadLetters(loopId, 2).get(0);
        assertThat(new String(notJson.headers().lastHeader("dead-letter-reason").value(),
                java.nio.charset.StandardCharsets.UTF_8)).contains("not JSON");
        assertThat(notJson.headers().lastHeader("ce_id")).isNotNull();
    }

    @Test
    void aDecisionTheDatabaseRefusesGoesToTheDeadLetterTopicAloneAndTheRestOfItsBatchIsStored() {
        String loopId = Kafka.newLoopId("refused");
        // well-formed JSON that PostgreSQL's jsonb refuses (an escaped NUL), between two good decisions of the loop
        String refused = Decisions.json(loopId, 2, "HIRE", "MID")
                .replaceFirst("\\{", "{\"note\":\"a\\\\u0000b\",");
        Kafka.publishDecision(loopId, 1, Decisions.json(loopId, 1, "HIRE", "MID"));
        Kafka.publishDecision(loopId, 2, refused);
        Kafka.publishDecision(loopId, 3, Decisions.json(loopId, 3, "NO_HIRE", "MID"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(Api.decisions(loopId))
                .extracting(decision -> decision.get("decisionVersion")).containsExactlyInAnyOrder(1, 3));
        await().atMost(WAIT).untilAsserted(() -> assertThat(Kafka.deadLetters(loopId, 1))
                .extracting(ConsumerRecord::value).containsExactly(refused));
        assertThat(new String(Kafka.deadLetters(loopId, 1).get(0).headers().lastHeader("dead-letter-reason")
                .value(), java.nio.charset.StandardCharsets.UTF_8)).contains("cannot be stored");
    }

    @Test
    void otherEventTypesOnTheTopicAreIgnored() {
        String loopId = Kafka.newLoopId("other-type");

        Kafka.sendDecisionRecord(loopId, Decisions.json(loopId, 1, "HIRE", "MID"), loopId + ":1",
                "hiring.something.else.v1");
        Kafka.publishDecision(loopId, 2, Decisions.json(loopId, 2, "HIRE", "MID"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(Api.decisions(loopId)).extracting(
                decision -> decision.get("decisionVersion")).containsExactly(2));
    }

    @Test
    void latestDecisionsOfAllLoopsComeNewestFirst() {
        String older = Kafka.newLoopId("latest");
        String newer = Kafka.newLoopId("latest");
        Kafka.publishDecision(older, 1, Decisions.json(older, 1, "HIRE", "MID"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(Api.decisions(older)).hasSize(1));
        Kafka.publishDecision(newer, 1, Decisions.json(newer, 1, "HIRE", "MID"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(Api.decisions(newer)).hasSize(1));

        List<String> loops = Api.asHiringManager().get("/api/decisions").then().statusCode(200)
                .extract().jsonPath().getList("loopId", String.class);
        assertThat(loops).hasSizeLessThanOrEqualTo(100);
        assertThat(loops.indexOf(newer)).isNotNegative().isLessThan(loops.indexOf(older));
    }
}
