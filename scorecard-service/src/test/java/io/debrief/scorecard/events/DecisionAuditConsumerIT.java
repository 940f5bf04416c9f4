package io.debrief.scorecard.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.debrief.contract.GoldenEvent;
import io.debrief.scorecard.store.LoopDecisions;
import io.debrief.scorecard.testing.Api;
import io.debrief.scorecard.testing.HiringDecisions;
import io.debrief.scorecard.usecase.AuditTrail;
import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

/**
 * The audit's consumer of {@code hiring-decisions} on the real broker and database, fed the golden fixtures of
 * calibration-service's two decision types: each decision is one audit entry however often it is delivered, its
 * personal text stays out, the loop's last decision time is kept for retention, and an unreadable record goes to
 * {@code hiring-decisions-scorecard-dlq} while consumption goes on.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scorecard"))
class DecisionAuditConsumerIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String POISON = "{this is not json";

    @Inject
    DataSource db;

    @Inject
    LoopDecisions decisions;

    @Inject
    AuditTrail trail;

    @Inject
    Pool pool;

    @Test
    void aDecisionAndAFinalDecisionAreOneEntryEachEvenWhenDeliveredTwice() {
        String loopId = Api.openLoop("ivan", "TECHNICAL_DEEP_DIVE");
        GoldenEvent made = HiringDecisions.golden(HiringDecisions.MADE, loopId, Map.of());
        GoldenEvent madeAgain = HiringDecisions.withNumber(HiringDecisions.golden(HiringDecisions.MADE, loopId, Map.of(
                "headers.ce_id", loopId + ":2", "value.outcome", "NO_HIRE", "value.decidedAt",
                "2026-12-01T10:50:00Z")), "decisionVersion", 2);
        GoldenEvent finalized = HiringDecisions.withNumber(HiringDecisions.golden(HiringDecisions.FINALIZED, loopId,
                Map.of("value.computedOutcome", "NO_HIRE", "value.outcome", "HIRE")), "decisionVersion", 2);

        HiringDecisions.publish(made);
        HiringDecisions.publish(made);
        HiringDecisions.publish(madeAgain);
        HiringDecisions.publish(finalized);
        HiringDecisions.publish(finalized);
        // same key, same partition, after all of them: once it is dead-lettered, they have all been consumed
        HiringDecisions.send(loopId, POISON, Map.of("ce_id", loopId + ":9", "ce_type", HiringDecisions.MADE));
        await().atMost(WAIT).untilAsserted(() -> assertThat(HiringDecisions.deadLetters(loopId, 1)).hasSize(1));

        String body = Api.asRecruiter().get("/api/loops/" + loopId + "/audit").then().statusCode(200).extract()
                .asString();
        JsonPath audit = new JsonPath(body);
        assertThat(audit.getList("action")).containsExactly("DECISION_MADE", "DECISION_MADE", "DECISION_FINALIZED");
        assertThat(audit.getList("by")).containsExactly("calibration-service", "calibration-service", "hank");
        assertThat(audit.getList("at")).containsExactly("2026-12-01T10:45:00Z", "2026-12-01T10:50:00Z",
                "2026-12-01T11:30:00Z");
        assertThat(audit.getList("version", Integer.class)).containsExactly(1, 2, 2);
        assertThat(audit.getList("[0].changes.field")).containsExactly("outcome", "average", "nearMiss",
                "needsDiscussion", "discussionReasons");
        assertThat(audit.getString("[0].changes[0].after")).isEqualTo("HIRE");
        assertThat(audit.getDouble("[0].changes[1].after")).isEqualTo(3.5);
        // the second version says only what changed: the outcome
        assertThat(audit.getList("[1].changes")).hasSize(1);
        assertThat(audit.getString("[1].changes[0].field")).isEqualTo("outcome");
        assertThat(audit.getString("[1].changes[0].before")).isEqualTo("HIRE");
        assertThat(audit.getString("[1].changes[0].after")).isEqualTo("NO_HIRE");
        assertThat(audit.getList("[2].changes.field")).containsExactly("outcome", "decisionVersion",
                "computedOutcome", "override");
        assertThat(audit.getList("[2].changes.after")).containsExactly("HIRE", 2, "NO_HIRE", true);
        assertThat(audit.getList("[2].freeTextChanged")).containsExactly("reason");
        assertThat(Api.count(db, "SELECT count(*) FROM audit_entry WHERE loop_id = '" + loopId + "'")).isEqualTo(3);

        String name = made.value().get("candidate").get("name").asText();
        String reason = finalized.value().get("reason").asText();
        assertThat(body).doesNotContain(name).doesNotContain(reason);
        assertThat(Api.count(db, "SELECT count(*) FROM audit_entry WHERE audit_entry::text LIKE '%"
                + name + "%' OR audit_entry::text LIKE '%" + reason.substring(0, 40) + "%'")).isZero();
    }

    @Test
    void theLastDecisionTimeIsKeptForRetentionClaimedByOneInstanceAndAnErasureIsRecordedOnce() {
        String loopId = Api.openLoop("ivan", "TECHNICAL_DEEP_DIVE");
        UUID loop = UUID.fromString(loopId);
        HiringDecisions.publish(HiringDecisions.golden(HiringDecisions.FINALIZED, loopId, Map.of()));
        HiringDecisions.publish(HiringDecisions.golden(HiringDecisions.MADE, loopId, Map.of()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(Api.asRecruiter().get("/api/loops/" + loopId + "/audit")
                .jsonPath().getList("action")).hasSize(2));

        // the latest of the two decidedAt, whatever the order they came in
        Instant last = Instant.parse("2026-12-01T11:30:00Z");
        assertThat(decisions.lastDecidedAt(loop).await().atMost(WAIT)).contains(last);
        assertThat(decisions.lastDecidedAt(UUID.randomUUID()).await().atMost(WAIT)).isEmpty();
        assertThat(decisions.decidedBefore(last.plusSeconds(1), 100_000).await().atMost(WAIT)).contains(loop);
        assertThat(decisions.decidedBefore(last, 100_000).await().atMost(WAIT)).doesNotContain(loop);

        // retention on two instances: a due loop one transaction claimed is skipped by the other until it ends
        Instant cutoff = last.plusSeconds(1);
        List<UUID> second = pool.withTransaction(first -> decisions.claimDue(first, cutoff, 100_000)
                .invoke(held -> assertThat(held).contains(loop))
                .chain(() -> pool.withTransaction(other -> decisions.claimDue(other, cutoff, 100_000))))
                .await().atMost(WAIT);
        assertThat(second).doesNotContain(loop);
        assertThat(pool.withTransaction(tx -> decisions.claimDue(tx, cutoff, 100_000)).await().atMost(WAIT))
                .contains(loop);

        Instant erasedAt = Instant.parse("2026-12-02T09:00:00Z");
        for (int i = 0; i < 2; i++) { // a resumed erasure records it again with its own erasedAt: still one entry
            pool.withTransaction(tx -> trail.erased(tx, loop, "ann-admin", erasedAt)).await().atMost(WAIT);
        }

        JsonPath audit = Api.asRecruiter().get("/api/loops/" + loopId + "/audit").jsonPath();
        assertThat(audit.getList("action")).containsExactly("DECISION_MADE", "DECISION_FINALIZED", "ERASED");
        assertThat(audit.getString("[2].by")).isEqualTo("ann-admin");
        assertThat(audit.getString("[2].at")).isEqualTo("2026-12-02T09:00:00Z");
        assertThat(audit.getList("[2].changes")).isEmpty();
        assertThat(decisions.decidedBefore(erasedAt.plusSeconds(3600), 100_000).await().atMost(WAIT))
                .doesNotContain(loop);
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndConsumptionContinues() {
        String loopId = Api.openLoop("ivan", "TECHNICAL_DEEP_DIVE");
        String notAUuid = "{\"loopId\":\"not-a-loop\",\"decisionVersion\":1,\"outcome\":\"HIRE\"}";
        HiringDecisions.send(loopId, POISON, Map.of("ce_id", loopId + ":1", "ce_type", HiringDecisions.MADE));
        HiringDecisions.send(loopId, notAUuid, Map.of("ce_id", loopId + ":1", "ce_type", HiringDecisions.MADE));
        HiringDecisions.send(loopId, "{}", Map.of("ce_id", "x", "ce_type", "hiring.something.else.v1"));
        HiringDecisions.publish(HiringDecisions.golden(HiringDecisions.MADE, loopId, Map.of()));

        await().atMost(WAIT).untilAsserted(() -> assertThat(Api.asRecruiter().get("/api/loops/" + loopId + "/audit")
                .jsonPath().getList("action")).containsExactly("DECISION_MADE"));
        List<ConsumerRecord<String, String>> letters = HiringDecisions.deadLetters(loopId, 2);
        assertThat(letters).extracting(ConsumerRecord::value).containsExactly(POISON, notAUuid);
        assertThat(HiringDecisions.header(letters.get(0), "dead-letter-reason")).contains("not JSON");
        assertThat(HiringDecisions.header(letters.get(1), "dead-letter-reason")).contains("loopId");
        assertThat(HiringDecisions.header(letters.get(0), "dead-letter-topic")).isEqualTo(HiringDecisions.TOPIC);
        assertThat(HiringDecisions.header(letters.get(0), "ce_id")).isEqualTo(loopId + ":1");
    }
}
