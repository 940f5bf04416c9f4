package io.debrief.scorecard.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.debrief.contract.GoldenEvent;
import io.debrief.scorecard.testing.Api;
import io.debrief.scorecard.testing.ReadsScorecardEvents;
import io.debrief.scorecard.testing.ScorecardEvents;
import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The producer's side of the golden event fixtures (deploy/contract): the real API is driven with each fixture's
 * inputs, and the record that reaches the real {@code scorecard-events} topic must match the fixture exactly (ids and
 * times only by presence).
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scorecard"))
class GoldenEventsIT extends ReadsScorecardEvents {

    @Test
    void openingSubmittingAndCancellingEmitExactlyTheGoldenEvents() {
        GoldenEvent opened = GoldenEvent.of("hiring.loop.opened.v1");
        GoldenEvent submitted = GoldenEvent.of("hiring.scorecard.submitted.v1");
        GoldenEvent cancelled = GoldenEvent.of("hiring.loop.cancelled.v1");

        String loopId = Api.openLoop(loopBody(opened.value()));
        assertThat(Api.submit(loopId, scorecardBody(submitted.value())).statusCode()).isEqualTo(201);
        assertThat(Api.cancel(loopId).statusCode()).isEqualTo(200);

        List<ScorecardEvents.Event> events = ScorecardEvents.shared().await(loopId, e -> e.size() == 3);
        assertThat(opened.mismatches(ScorecardEvents.TOPIC, events.get(0).key(), events.get(0).headers(),
                events.get(0).value(), sealed -> Api.unseal(loopId, sealed))).as(opened.type()).isEmpty();
        assertMatches(submitted, events.get(1));
        assertMatches(cancelled, events.get(2));
        assertThat(events.get(0).data().get("loopId").asText()).isEqualTo(loopId);
    }

    @Test
    void aReminderOfAMissingScorecardIsExactlyTheGoldenEvent() {
        GoldenEvent overdue = GoldenEvent.of("hiring.scorecard.overdue.v1");
        JsonNode fixture = overdue.value();
        // the fixture's interview, long over: with the default cadence (first reminder an hour after) one is due now
        Map<String, Object> body = Api.loopBody(fixture.get("interviewerId").asText(), fixture.get("stage").asText());
        @SuppressWarnings("unchecked")
        Map<String, Object> seat = ((List<Map<String, Object>>) body.get("panel")).get(0);
        seat.put("scheduledEnd", fixture.get("scheduledEnd").asText());
        String loopId = Api.openLoop(body);

        String firstReminder = loopId + ":" + fixture.get("interviewerId").asText() + ":overdue:1";
        ScorecardEvents.Event event = ScorecardEvents.shared()
                .await(loopId, e -> e.stream().anyMatch(x -> x.id().equals(firstReminder))).stream()
                .filter(x -> x.id().equals(firstReminder)).findFirst().orElseThrow();
        assertMatches(overdue, event);
    }

    private static void assertMatches(GoldenEvent golden, ScorecardEvents.Event event) {
        assertThat(golden.mismatches(ScorecardEvents.TOPIC, event.key(), event.headers(), event.value()))
                .as(golden.type()).isEmpty();
    }

    /** The request that opens the fixture's loop: its candidate, position, level and panel. */
    private static Map<String, Object> loopBody(JsonNode fixture) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("candidate", Map.of("id", fixture.get("candidate").get("id").asText(),
                "name", fixture.get("candidate").get("name").asText()));
        body.put("position", fixture.get("position").asText());
        body.put("level", fixture.get("level").asText());
        body.put("panel", Api.JSON.convertValue(fixture.get("panel"), List.class));
        return body;
    }

    /** The fixture's scorecard, with evidence and notes that must not reach the event. */
    private static Map<String, Object> scorecardBody(JsonNode fixture) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("interviewerId", fixture.get("interviewerId").asText());
        body.put("scores", Api.JSON.convertValue(fixture.get("scores"), Map.class));
        body.put("evidence", Map.of("CONTAINERIZATION", "private evidence"));
        body.put("redFlags", Api.JSON.convertValue(fixture.get("redFlags"), List.class));
        body.put("greenFlags", Api.JSON.convertValue(fixture.get("greenFlags"), List.class));
        body.put("recommendation", fixture.get("recommendation").asText());
        body.put("notes", "private notes");
        return body;
    }
}
