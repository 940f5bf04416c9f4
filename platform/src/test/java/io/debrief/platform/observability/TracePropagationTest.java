package io.debrief.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

class TracePropagationTest {

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    private final TracePropagation tracing = new TracePropagation(sdk);

    @AfterEach
    void close() {
        sdk.close();
    }

    @Test
    void theRequestsTraceTravelsThroughTheOutboxRowToTheRelayedRecordAndItsConsumer() {
        Span request = sdk.getTracer("test").spanBuilder("POST /api/loops/{loopId}/scorecards").startSpan();
        String stored;
        try (Scope ignored = request.makeCurrent()) {
            stored = tracing.currentTraceparent();
        } finally {
            request.end();
        }
        assertThat(stored).matches("00-" + request.getSpanContext().getTraceId() + "-"
                + request.getSpanContext().getSpanId() + "-01");

        // the relay: a producer span child of the stored context, written onto the record
        Context parent = tracing.stored(stored, null);
        Span publish = tracing.publishSpan("scorecard-events", parent);
        RecordHeaders headers = new RecordHeaders();
        headers.add(TracePropagation.TRACEPARENT, "00-00000000000000000000000000000001-0000000000000001-01"
                .getBytes(StandardCharsets.UTF_8));
        tracing.inject(parent.with(publish), headers);
        publish.end();
        assertThat(headers.headers(TracePropagation.TRACEPARENT)).hasSize(1);

        // the consumer continues the same trace, from the publish span
        Span consumed = Span.fromContext(tracing.extract(headers));
        assertThat(consumed.getSpanContext().getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
        assertThat(consumed.getSpanContext().getSpanId()).isEqualTo(publish.getSpanContext().getSpanId());
        SpanData publishData = spans.getFinishedSpanItems().get(1);
        assertThat(publishData.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
    }

    @Test
    void aBatchSpanLinksEveryTracedRecordAndWhatItPublishesContinuesEachRecordsTrace() {
        Span first = sdk.getTracer("test").spanBuilder("first").startSpan();
        Span second = sdk.getTracer("test").spanBuilder("second").startSpan();
        first.end();
        second.end();
        ConsumerRecord<String, String> a = record(first);
        ConsumerRecord<String, String> b = record(second);
        ConsumerRecord<String, String> untraced = new ConsumerRecord<>("scorecard-events", 0, 2, "loop", "{}");

        Span batch = tracing.batchSpan("scorecard-events", List.of(a, b, untraced));
        Span decision = tracing.publishSpan("hiring-decisions", tracing.extract(b.headers()), batch);
        decision.end();
        batch.end();

        SpanData batchData = spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals("scorecard-events process"))
                .findFirst().orElseThrow();
        assertThat(batchData.getLinks()).extracting(link -> link.getSpanContext().getSpanId())
                .containsExactly(first.getSpanContext().getSpanId(), second.getSpanContext().getSpanId());
        assertThat(batchData.getAttributes().asMap().values()).contains(3L);
        SpanData decisionData = spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals("hiring-decisions publish"))
                .findFirst().orElseThrow();
        assertThat(decisionData.getTraceId()).isEqualTo(second.getSpanContext().getTraceId());
        assertThat(decisionData.getLinks()).extracting(link -> link.getSpanContext().getSpanId())
                .containsExactly(batch.getSpanContext().getSpanId());
    }

    @Test
    void aWebhookAttemptContinuesTheStoredTraceOfItsDecisionAndCarriesItsTraceparent() {
        Span decision = sdk.getTracer("test").spanBuilder("hiring-decisions process").startSpan();
        decision.end();
        String stored = "00-" + decision.getSpanContext().getTraceId() + "-" + decision.getSpanContext().getSpanId() + "-01";
        Context parent = tracing.stored(stored, null);
        Span attempt = tracing.clientSpan("webhook POST", parent);
        Map<String, String> httpHeaders = new LinkedHashMap<>();
        tracing.inject(parent.with(attempt), httpHeaders::put);
        attempt.end();
        assertThat(httpHeaders.get("traceparent")).isEqualTo("00-" + decision.getSpanContext().getTraceId() + "-"
                + attempt.getSpanContext().getSpanId() + "-01");
        assertThat(spans.getFinishedSpanItems().get(1).getParentSpanId()).isEqualTo(decision.getSpanContext().getSpanId());
    }

    @Test
    void withTracingOffNothingIsStoredInjectedOrLinked() {
        TracePropagation off = new TracePropagation(OpenTelemetry.noop());
        assertThat(off.current()).isEmpty();
        assertThat(off.currentTraceparent()).isNull();
        RecordHeaders headers = new RecordHeaders();
        Span publish = off.publishSpan("scorecard-events",
                off.stored("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", null));
        off.inject(Context.root().with(publish), headers);
        assertThat(headers.toArray()).isEmpty();
        assertThat(off.stored(null, null)).isSameAs(Context.root());
    }

    private ConsumerRecord<String, String> record(Span span) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("scorecard-events", 0, 1, "loop", "{}");
        tracing.inject(Context.root().with(span), record.headers());
        return record;
    }
}
