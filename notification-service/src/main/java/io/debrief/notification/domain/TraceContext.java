package io.debrief.notification.domain;

/**
 * The W3C trace context an event arrived with ({@code traceparent}, {@code tracestate}, each null when absent), kept
 * with what it started: a webhook attempt for it, even one retried after a restart, continues that trace. Both are
 * null while tracing is off.
 */
public record TraceContext(String traceparent, String tracestate) {

    public static final TraceContext NONE = new TraceContext(null, null);

    public static TraceContext of(String traceparent, String tracestate) {
        return traceparent == null && tracestate == null ? NONE : new TraceContext(traceparent, tracestate);
    }
}
