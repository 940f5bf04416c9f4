package io.debrief.notification.events;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.debrief.notification.domain.TraceContext;
import io.debrief.platform.observability.TracePropagation;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;

/**
 * The trace contexts of consumed records (issue 17, patch N3): each record's, kept with the decision or event it
 * carried so that its webhook attempts continue the trace that produced it, and one span per consumed batch linking
 * them all (as calibration's batch consumer does). Nothing while tracing is off.
 */
@ApplicationScoped
public class RecordTraces {

    private final TracePropagation tracing;

    public RecordTraces(TracePropagation tracing) {
        this.tracing = tracing;
    }

    /** The W3C context in the record's headers, as the configured propagator reads it; {@link TraceContext#NONE} if none. */
    public TraceContext of(ConsumerRecord<?, ?> record) {
        Context context = tracing.extract(record.headers());
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return TraceContext.NONE;
        }
        Map<String, String> carrier;
        try (Scope ignored = context.makeCurrent()) {
            carrier = tracing.current();
        }
        return TraceContext.of(carrier.get(TracePropagation.TRACEPARENT), carrier.get(TracePropagation.TRACESTATE));
    }

    /**
     * Builds the batch's processing with one CONSUMER span {@code <topic> process} current, linked to every record's
     * context, and ends the span when that processing terminates.
     */
    public Uni<Void> inBatchSpan(String topic, Iterable<? extends ConsumerRecord<?, ?>> records,
            java.util.function.Supplier<Uni<Void>> processing) {
        Span batch = tracing.batchSpan(topic, records);
        Uni<Void> processed;
        try (Scope ignored = batch.makeCurrent()) {
            processed = processing.get();
        } catch (RuntimeException e) {
            batch.end();
            throw e;
        }
        return processed.onTermination().invoke(batch::end);
    }
}
