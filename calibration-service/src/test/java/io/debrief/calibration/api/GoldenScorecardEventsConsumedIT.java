package io.debrief.calibration.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.debrief.calibration.Api;
import io.debrief.calibration.Events;
import io.debrief.calibration.LoopKeyService;
import io.debrief.contract.GoldenEvent;
import io.debrief.calibration.LoopKeyService;
import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The consumer side of the contract fixtures: scorecard-service's golden {@code hiring.loop.opened.v1},
 * {@code hiring.scorecard.submitted.v1}, {@code hiring.scorecard.overdue.v1}, {@code hiring.loop.cancelled.v1} and
 * {@code hiring.candidate.erased.v1}, exactly as they travel (fresh ids), go onto the real {@code scorecard-events}
 * and each is applied; the opening both plain (events from before encryption) and with its name sealed.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "calibration"))
@WithTestResource(LoopKeyService.class)
class GoldenScorecardEventsConsumedIT {

    private static final Duration EVENTUALLY = Events.EVENTUALLY;

    @Test
    void theGoldenLoopScorecardAndCancellationAreEachApplied() {
        String loopId = Events.newLoopId();
        try (Events events = new Events()) {
            send(events, "hiring.loop.opened.v1", loopId);
            await().atMost(EVENTUALLY).untilAsserted(() -> Api.asRecruiter().get("/api/calibrations/" + loopId)
                    .then().statusCode(200).body("status", is("PENDING")).body("level", is("MID"))
                    .body("candidate.id", is("cand-42")).body("candidate.name", is("Nguyễn Thị Lan"))
                    .body("position", is("MLOps Engineer"))
                    .body("pendingInterviewers", contains("ivan", "sara", "chen")));

            send(events, "hiring.scorecard.overdue.v1", loopId);
            await().atMost(EVENTUALLY).untilAsserted(() -> Api.asRecruiter().get("/api/calibrations/" + loopId)
                    .then().statusCode(200).body("overdueInterviewers", contains("sara")));

            send(events, "hiring.scorecard.submitted.v1", loopId);
            await().atMost(EVENTUALLY).untilAsserted(() -> Api.asRecruiter().get("/api/calibrations/" + loopId)
                    .then().statusCode(200).body("submitted", contains("ivan"))
                    .body("pendingInterviewers", contains("sara", "chen"))
                    .body("overdueInterviewers", contains("sara"))
                    .body("areas.CONTAINERIZATION.scores", contains(4)).body("areas.CI_CD.scores", contains(3))
                    .body("areas.PROBLEM_SOLVING.interviewers", contains("ivan"))
                    .body("missingAreas", contains("SYSTEM_DESIGN", "COMMUNICATION"))
                    .body("updatedAt", is("2026-12-01T10:15:00Z")));

            // sara submits (the golden scorecard, as hers): no longer overdue
            GoldenEvent sara = GoldenEvent.of("hiring.scorecard.submitted.v1").with(Map.of("key", loopId,
                    "value.loopId", loopId, "value.interviewerId", "sara", "value.stage", "SYSTEM_DESIGN",
                    "value.submittedAt", "2026-12-01T10:30:00Z", "headers.ce_subject", loopId,
                    "headers.ce_id", UUID.randomUUID().toString()));
            events.send(sara.key(), sara.headers(), sara.valueText());
            await().atMost(EVENTUALLY).untilAsserted(() -> Api.asRecruiter().get("/api/calibrations/" + loopId)
                    .then().statusCode(200).body("submitted", contains("ivan", "sara"))
                    .body("overdueInterviewers", org.hamcrest.Matchers.empty()));

            send(events, "hiring.loop.cancelled.v1", loopId);
            await().atMost(EVENTUALLY).untilAsserted(() -> Api.asRecruiter().get("/api/calibrations/" + loopId)
                    .then().statusCode(200).body("status", is("CANCELLED")).body("outcome", nullValue())
                    .body("updatedAt", is("2026-12-01T11:00:00Z")));
        }
    }

    @Test
    void theGoldenOpeningWithItsNameSealedIsShownOpenedAndTheGoldenErasureErasesIt() {
        String loopId = Events.newLoopId();
        try (Events events = new Events()) {
            GoldenEvent opened = GoldenEvent.of("hiring.loop.opened.v1").with(Map.of("key", loopId,
                    "value.loopId", loopId, "headers.ce_subject", loopId, "headers.ce_id", UUID.randomUUID().toString()))
                    .sealedWith(text -> LoopKeyService.seal(loopId, text));
            events.send(opened.key(), opened.headers(), opened.valueText());
            await().atMost(EVENTUALLY).untilAsserted(() -> Api.asRecruiter().get("/api/calibrations/" + loopId)
                    .then().statusCode(200).body("status", is("PENDING"))
                    .body("candidate.id", is("cand-42")).body("candidate.name", is("Nguyễn Thị Lan")));

            // the golden erasure, of this loop (loopIds is generated), keyed by its candidate
            LoopKeyService.erase(loopId);
            GoldenEvent erased = GoldenEvent.of("hiring.candidate.erased.v1");
            com.fasterxml.jackson.databind.node.ObjectNode value = erased.value().deepCopy();
            value.putArray("loopIds").add(loopId);
            events.send(erased.key(), erased.headers(), value.toString());
            await().atMost(EVENTUALLY).untilAsserted(() -> Api.asRecruiter().get("/api/calibrations/" + loopId)
                    .then().statusCode(200).body("candidate.id", is("cand-42")).body("candidate.name", nullValue())
                    .body("status", is("PENDING")).body("pendingInterviewers", contains("ivan", "sara", "chen")));
        }
    }

    private static void send(Events events, String type, String loopId) {
        GoldenEvent golden = GoldenEvent.of(type).with(Map.of("key", loopId, "value.loopId", loopId,
                "headers.ce_subject", loopId, "headers.ce_id", UUID.randomUUID().toString()));
        events.send(golden.key(), golden.headers(), golden.valueText());
    }
}
