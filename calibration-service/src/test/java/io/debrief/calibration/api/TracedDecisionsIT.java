package io.debrief.calibration.api;

import static io.debrief.calibration.Events.header;
import static io.debrief.calibration.Events.scores;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.debrief.calibration.Events;
import io.debrief.calibration.LoopKeyService;
import io.debrief.testsupport.LocalStackTestResource;
import io.debrief.testsupport.Tracing;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * With tracing on (issue 17, patch C3): the decision and the calibration a batch publishes for a loop continue the trace
 * of the loop's record that completed it, so one trace leads from the scorecard's POST to hiring-decisions.
 */
@QuarkusTest
@TestProfile(Tracing.On.class)
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "calibration"))
@WithTestResource(LoopKeyService.class)
class TracedDecisionsIT {

    static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    static final String SCORECARD_SPAN = "b7ad6b7169203331";

    @Test
    void theDecisionContinuesTheTraceOfTheScorecardThatCompletedIt() {
        String loopId = Events.newLoopId();
        try (Events events = new Events(); Events.Reader decisions = Events.reader("hiring-decisions");
             Events.Reader calibrations = Events.reader("calibration-updates")) {
            // MID, worked example 1 over three interviewers: carol's scorecard completes it (HIRE)
            events.opened(loopId, "MID", "alice", "bob", "carol");
            events.scorecard(loopId, "alice", 1, scores(0, 4, 4, 4, 3), "YES");
            events.scorecard(loopId, "bob", 1, scores(4, 3, 4, 3), "YES");
            events.send(loopId, tracedHeaders(loopId), Events.write(carol(loopId)));

            ConsumerRecord<String, String> decision = decisions.await(
                    r -> (loopId + ":1").equals(header(r, "ce_id")), Events.EVENTUALLY);
            assertThat(traceIdOf(decision)).as("the decision's trace").isEqualTo(TRACE_ID);
            assertThat(header(decision, "traceparent")).doesNotContain(SCORECARD_SPAN);

            ConsumerRecord<String, String> calibration = calibrations.await(
                    r -> loopId.equals(r.key()) && r.value().contains("\"HIRE\""), Events.EVENTUALLY);
            assertThat(traceIdOf(calibration)).as("the calibration's trace").isEqualTo(TRACE_ID);
        }
    }

    private static String traceIdOf(ConsumerRecord<String, String> record) {
        String traceparent = header(record, "traceparent");
        assertThat(traceparent).as("traceparent of " + record.topic()).isNotNull();
        return Tracing.traceId(traceparent);
    }

    private static Map<String, String> tracedHeaders(String loopId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_type", "hiring.scorecard.submitted.v1");
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_source", "/scorecard-service");
        headers.put("ce_subject", loopId);
        headers.put("ce_time", Instant.now().toString());
        headers.put("content-type", "application/json");
        headers.put("traceparent", Tracing.traceparent(TRACE_ID, SCORECARD_SPAN));
        return headers;
    }

    private static Map<String, Object> carol(String loopId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("loopId", loopId);
        data.put("scorecardId", UUID.randomUUID().toString());
        data.put("interviewerId", "carol");
        data.put("stage", "TECHNICAL_DEEP_DIVE");
        data.put("version", 1);
        data.put("scores", scores(7, 3));
        data.put("redFlags", List.of());
        data.put("greenFlags", List.of("PRAGMATIC"));
        data.put("recommendation", "STRONG_YES");
        data.put("submittedAt", Instant.now().toString());
        return data;
    }
}
