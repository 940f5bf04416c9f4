package io.debrief.notification.webhooks;

import static io.debrief.testsupport.Tracing.spanId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.debrief.contract.GoldenEvent;
import io.debrief.notification.support.Api;
import io.debrief.notification.support.Decisions;
import io.debrief.notification.support.Kafka;
import io.debrief.notification.support.ReceivesWebhooks;
import io.debrief.notification.support.WebhookReceiver;
import io.debrief.notification.support.WebhookReceiver.Received;
import io.debrief.notification.support.WebhookReceiver.Response;
import io.debrief.testsupport.LocalStackTestResource;
import io.debrief.testsupport.Tracing;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * With tracing on (issue 17, patches N3 and N4), on the real broker, database and an HTTP receiver: the trace context
 * a decision or event arrived with is kept with it, and every webhook attempt for it, retries included, is a new span of
 * that trace whose W3C {@code traceparent} the receiver gets, while the Standard Webhooks signature still verifies.
 */
@QuarkusTest
@TestProfile(Tracing.On.class)
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class TracedWebhooksIT extends ReceivesWebhooks {

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String DECISION_SPAN = "00f067aa0ba902b7";

    @Test
    void everyAttemptForADecisionIsASpanOfItsTraceAndSendsItsTraceparent() {
        WebhookReceiver.Endpoint endpoint = receiver.endpoint("traced-decision").answer(new Response(500, null));
        String subscriptionId = Api.subscribe(receiver, endpoint, null, null);
        String loopId = Kafka.newLoopId("traced");

        Kafka.send(Kafka.HIRING_DECISIONS, loopId, Decisions.json(loopId, 1, "HIRE", "MID"),
                traced(loopId + ":1", "hiring.decision.made.v1", "/calibration-service", loopId));

        await().atMost(WAIT).until(() -> endpoint.receivedFor(loopId).size() == 2);
        List<Received> attempts = endpoint.receivedFor(loopId);
        assertThat(attempts).extracting(Received::answeredWith).containsExactly(500, 204);
        assertThat(attempts).extracting(Received::signatureProblem).containsOnlyNulls();
        assertThat(attempts).allSatisfy(attempt -> assertThat(attempt.traceparents()).singleElement()
                .satisfies(traceparent -> {
                    assertThat(traceparent).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
                    assertThat(spanId(traceparent)).as("the attempt's own span").isNotEqualTo(DECISION_SPAN);
                }));
        assertThat(spanId(attempts.get(0).traceparents().get(0)))
                .as("each attempt is a span of its own").isNotEqualTo(spanId(attempts.get(1).traceparents().get(0)));
        Api.asRecruiter().delete("/api/subscriptions/{id}", subscriptionId);
    }

    @Test
    void anOverdueReminderWebhookContinuesTheTraceOfItsReminder() {
        WebhookReceiver.Endpoint endpoint = receiver.endpoint("traced-overdue");
        String subscriptionId = Api.subscribe(receiver, endpoint, Map.of("types", List.of("hiring.scorecard.overdue")));
        String loopId = Kafka.newLoopId("traced-overdue");
        GoldenEvent reminder = GoldenEvent.of("hiring.scorecard.overdue.v1").with(Map.of("key", loopId,
                "headers.ce_id", loopId + ":sara:overdue:1", "headers.ce_subject", loopId,
                "value.loopId", loopId, "value.interviewerId", "sara"));
        Map<String, String> headers = new HashMap<>(reminder.headers());
        headers.put("traceparent", Tracing.traceparent(TRACE_ID, DECISION_SPAN));

        Kafka.send(reminder.topic(), reminder.key(), reminder.valueText(), headers);

        await().atMost(WAIT).until(() -> endpoint.receivedFor(loopId).size() == 1);
        Received webhook = endpoint.receivedFor(loopId).get(0);
        assertThat(webhook.signatureProblem()).isNull();
        assertThat(webhook.traceparents()).singleElement().satisfies(traceparent ->
                assertThat(traceparent).startsWith("00-" + TRACE_ID + "-").doesNotContain(DECISION_SPAN));
        Api.asRecruiter().delete("/api/subscriptions/{id}", subscriptionId);
    }

    @Test
    void aDecisionThatCameWithoutATraceStartsOneForItsWebhook() {
        WebhookReceiver.Endpoint endpoint = receiver.endpoint("untraced-decision");
        String subscriptionId = Api.subscribe(receiver, endpoint, null, null);
        String loopId = Kafka.newLoopId("untraced");

        Kafka.publishDecision(loopId, 1, Decisions.json(loopId, 1, "NO_HIRE", "SENIOR"));

        await().atMost(WAIT).until(() -> endpoint.receivedFor(loopId).size() == 1);
        Received webhook = endpoint.receivedFor(loopId).get(0);
        assertThat(webhook.signatureProblem()).isNull();
        assertThat(webhook.traceparents()).singleElement().satisfies(traceparent ->
                assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").doesNotContain(TRACE_ID));
        Api.asRecruiter().delete("/api/subscriptions/{id}", subscriptionId);
    }

    private static Map<String, String> traced(String ceId, String ceType, String source, String subject) {
        Map<String, String> headers = new HashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", ceId);
        headers.put("ce_source", source);
        headers.put("ce_type", ceType);
        headers.put("ce_subject", subject);
        headers.put("ce_time", Instant.now().toString());
        headers.put("content-type", "application/json");
        headers.put("traceparent", Tracing.traceparent(TRACE_ID, DECISION_SPAN));
        return headers;
    }
}
