package io.debrief.calibration.observability;

import static io.debrief.calibration.Events.scores;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.debrief.calibration.Events;
import io.debrief.calibration.LoopKeyService;
import io.debrief.testsupport.LocalStackTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The pipeline meters move on the real broker and database (issue 17, patches C1 and C2): a decision made by a batch
 * counts once by outcome and records its submit-to-decision latency; a poison record counts as dead-lettered by the
 * topic it came from; the loop gauges are polled from the start.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "calibration"))
@WithTestResource(LoopKeyService.class)
class PipelineMetricsIT {

    @Inject
    MeterRegistry registry;

    @Test
    void aDecisionCountsByOutcomeAndRecordsItsLatencyFromTheLastScorecard() {
        double hires = registry.get("debrief.decisions").tag("outcome", "HIRE").counter().count();
        long latencies = registry.get("debrief.decision.latency").timer().count();
        String loopId = Events.newLoopId();
        try (Events events = new Events()) {
            // MID, worked example 1 spread over three interviewers: average exactly 3.5, HIRE
            events.opened(loopId, "MID", "alice", "bob", "carol");
            events.scorecard(loopId, "alice", 1, scores(0, 4, 4, 4, 3), "YES");
            events.scorecard(loopId, "bob", 1, scores(4, 3, 4, 3), "YES");
            events.scorecard(loopId, "carol", 1, scores(7, 3), "STRONG_YES");
        }
        await().atMost(Events.EVENTUALLY).untilAsserted(() ->
                assertThat(registry.get("debrief.decisions").tag("outcome", "HIRE").counter().count())
                        .isEqualTo(hires + 1));
        assertThat(registry.get("debrief.decision.latency").timer().count()).isEqualTo(latencies + 1);
        assertThat(registry.get("debrief.decisions").tag("outcome", "NO_HIRE").counter()).isNotNull();
    }

    @Test
    void aPoisonRecordCountsAsDeadLetteredByItsTopic() {
        double before = registry.get("debrief.dead.letters").tag("topic", "scorecard-events").counter().count();
        String loopId = Events.newLoopId();
        try (Events events = new Events()) {
            events.send(loopId, "hiring.loop.opened.v1", "{not json");
            events.send(loopId, "hiring.loop.reopened.v9", Map.of("loopId", loopId));
        }
        await().atMost(Events.EVENTUALLY).untilAsserted(() ->
                assertThat(registry.get("debrief.dead.letters").tag("topic", "scorecard-events").counter().count())
                        .isEqualTo(before + 2));
    }

    @Test
    void everyPipelineSeriesIsScrapedAndTheLoopGaugesHoldNumbers() {
        await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            String scraped = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(scraped).contains("debrief_decisions_total{", "debrief_decision_latency_seconds_bucket{",
                    "debrief_dead_letters_total{");
            assertThat(scraped).containsPattern("(?m)^debrief_loops\\{[^}]*status=\"PENDING\"[^}]*} [0-9.]+$");
            assertThat(scraped).containsPattern("(?m)^debrief_decided_loops\\{[^}]*outcome=\"HIRE\"[^}]*} [0-9.]+$");
        });
    }
}
