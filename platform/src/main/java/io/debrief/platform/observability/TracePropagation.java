package io.debrief.platform.observability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.smallrye.reactive.messaging.TracingMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * W3C trace context ({@code traceparent}, {@code tracestate}) where the framework does not carry it by itself: into an
 * outbox row and from it onto the relayed Kafka record (as Debezium's outbox router does with its
 * {@code tracingspancontext} column), from the records of a consumed batch into one span linking them all, and into an
 * outgoing webhook request. Uses the service's configured propagators: while tracing is off
 * ({@code quarkus.otel.sdk.disabled=true}) it stores, injects and links nothing, and every span is a no-op.
 */
@ApplicationScoped
public class TracePropagation {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    static final String INSTRUMENTATION = "io.debrief";

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static final TextMapGetter<Headers> KAFKA = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            List<String> keys = new ArrayList<>();
            carrier.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final TextMapPropagator propagator;
    private final Tracer tracer;

    @Inject
    public TracePropagation(OpenTelemetry openTelemetry) {
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION);
    }

    /**
     * The current context as W3C headers ({@code traceparent}, and {@code tracestate} when there is one): what a write
     * stores beside its outbox row. Empty while tracing is off or no span is current.
     */
    public Map<String, String> current() {
        return carrier(Context.current());
    }

    /** The current {@code traceparent}, or null: the value of the outbox row's {@code traceparent} column. */
    public String currentTraceparent() {
        return current().get(TRACEPARENT);
    }

    /** The context a stored {@code traceparent} (and {@code tracestate}, may be null) names; the root context if none. */
    public Context stored(String traceparent, String tracestate) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        Map<String, String> carrier = new LinkedHashMap<>();
        carrier.put(TRACEPARENT, traceparent);
        if (tracestate != null && !tracestate.isBlank()) {
            carrier.put(TRACESTATE, tracestate);
        }
        return propagator.extract(Context.root(), carrier, MAP);
    }

    /** The context a Kafka record carries in its headers; the root context if none. */
    public Context extract(Headers headers) {
        return propagator.extract(Context.root(), headers, KAFKA);
    }

    /** Writes {@code context} into a record's headers, replacing any trace headers it had. */
    public void inject(Context context, Headers headers) {
        headers.remove(TRACEPARENT);
        headers.remove(TRACESTATE);
        propagator.inject(context, headers, (carrier, key, value) ->
                carrier.add(key, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes {@code context} as headers through {@code setter}, e.g. into an outgoing webhook request. */
    public void inject(Context context, BiConsumer<String, String> setter) {
        propagator.inject(context, setter, (carrier, key, value) -> carrier.accept(key, value));
    }

    /**
     * A span of the relay publishing one outbox row: a child of the context stored with the row, so the record's
     * consumers continue the trace of the request that wrote it. The caller injects it into the record
     * ({@link #inject(Context, Headers)} with {@code parent.with(span)}) and ends it when the broker acknowledged.
     */
    public Span publishSpan(String topic, Context parent) {
        return publishSpan(topic, parent, null);
    }

    /** As {@link #publishSpan(String, Context)}, also linked to {@code batch} (the batch span that produced it). */
    public Span publishSpan(String topic, Context parent, Span batch) {
        var builder = tracer.spanBuilder(topic + " publish").setParent(parent).setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.operation.type", "send");
        if (batch != null && batch.getSpanContext().isValid()) {
            builder.addLink(batch.getSpanContext());
        }
        return builder.startSpan();
    }

    /**
     * A span of an outgoing call made for earlier work, e.g. a webhook attempt for the decision whose context was
     * stored with it: a child of {@code parent}. Make {@code parent.with(span)} current while sending and
     * {@link #inject(Context, BiConsumer) inject} it into the request's headers; end it with the response.
     */
    public Span clientSpan(String name, Context parent) {
        return tracer.spanBuilder(name).setParent(parent).setSpanKind(SpanKind.CLIENT).startSpan();
    }

    /**
     * A message for a SmallRye channel whose producer span (made by the connector, which also writes its
     * {@code traceparent} header) is a child of {@code parent}, e.g. the context of the consumed record that caused
     * it, instead of whatever context is current when the emitter sends it.
     */
    public static <T> Message<T> withParent(Message<T> message, Context parent) {
        return message.addMetadata(TracingMetadata.withCurrent(parent));
    }

    /**
     * A span for processing one consumed batch, linked to the context of every record in it (OpenTelemetry's
     * messaging conventions for batch processing: one span, one link per message), so each record's trace leads to
     * the batch that applied it. Make it current ({@code span.makeCurrent()}) while the batch publishes, so what it
     * publishes continues from it, and end it when the batch is done.
     */
    public Span batchSpan(String topic, Iterable<? extends ConsumerRecord<?, ?>> records) {
        var builder = tracer.spanBuilder(topic + " process").setNoParent().setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.operation.type", "process");
        int count = 0;
        for (ConsumerRecord<?, ?> record : records) {
            SpanContext linked = Span.fromContext(extract(record.headers())).getSpanContext();
            if (linked.isValid()) {
                builder.addLink(linked);
            }
            count++;
        }
        return builder.setAttribute("messaging.batch.message_count", (long) count).startSpan();
    }

    private Map<String, String> carrier(Context context) {
        Map<String, String> carrier = new LinkedHashMap<>();
        propagator.inject(context, carrier, Map::put);
        return carrier;
    }
}
