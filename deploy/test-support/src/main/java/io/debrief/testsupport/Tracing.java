package io.debrief.testsupport;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Tracing in a service's {@code @QuarkusTest}: the profile that turns it on ({@link On}) and the W3C
 * {@code traceparent} ({@code 00-<trace id>-<span id>-01}) that the tests send and take apart. A test checks the trace
 * on what the service sends on (records, webhook requests), not on an exporter.
 */
public final class Tracing {

    private Tracing() {
    }

    /** Tracing on, exporting to a port where nothing listens, the OpenTelemetry loggers silent about it. */
    public static class On implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:" + Ports.free(),
                    "quarkus.log.category.\"io.opentelemetry\".level", "OFF",
                    "quarkus.log.category.\"io.quarkus.opentelemetry\".level", "OFF");
        }
    }

    /** A sampled {@code traceparent} of this trace and parent span. */
    public static String traceparent(String traceId, String spanId) {
        return "00-" + traceId + "-" + spanId + "-01";
    }

    /** The trace id of a {@code traceparent}. */
    public static String traceId(String traceparent) {
        return traceparent.split("-")[1];
    }

    /** The span id of a {@code traceparent}: the span that sent it. */
    public static String spanId(String traceparent) {
        return traceparent.split("-")[2];
    }
}
