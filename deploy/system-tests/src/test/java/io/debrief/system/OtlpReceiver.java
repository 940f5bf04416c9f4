package io.debrief.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenTelemetry collector's OTLP/HTTP traces endpoint ({@code POST /v1/traces}, binary protobuf, as the services
 * export with {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/protobuf}) in the test JVM: it keeps every span it
 * receives, so a test can follow one trace across the three services. It decodes the few fields of
 * {@code ExportTraceServiceRequest} it needs straight from the protobuf wire format (opentelemetry-proto's field
 * numbers, noted below) instead of depending on generated classes.
 */
final class OtlpReceiver implements AutoCloseable {

    /** SpanKind of opentelemetry-proto's trace.proto. */
    enum Kind { UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER }

    /** One received span; ids in lower-case hex, parent empty for a root; {@code links} as {@code traceId-spanId}. */
    record Span(String service, String traceId, String spanId, String parentSpanId, String name, Kind kind,
                Map<String, String> attributes, List<String> links) {
    }

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** What a service's {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} points at (the exporter adds /v1/traces). */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The environment that makes a service export its traces here, without delay. */
    Map<String, String> environment() {
        return Map.of("QUARKUS_OTEL_SDK_DISABLED", "false",
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", endpoint(),
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
    }

    List<Span> spans() {
        return List.copyOf(spans);
    }

    List<Span> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            if (!"POST".equals(exchange.getRequestMethod())) { // the exporter posts to {endpoint}/v1/traces
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.readAllBytes();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                    bytes = unzipped.readAllBytes();
                }
            }
            try {
                spans.addAll(exportRequest(bytes));
            } catch (RuntimeException malformed) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse: all accepted
        }
    }

    // ---- opentelemetry-proto, read by field number

    /** ExportTraceServiceRequest: 1 = repeated ResourceSpans. */
    static List<Span> exportRequest(byte[] message) {
        List<Span> spans = new ArrayList<>();
        for (Wire field : Wire.fields(message)) {
            if (field.number == 1) {
                spans.addAll(resourceSpans(field.bytes));
            }
        }
        return spans;
    }

    /** ResourceSpans: 1 = Resource (1 = repeated KeyValue attributes), 2 = repeated ScopeSpans (2 = repeated Span). */
    private static List<Span> resourceSpans(byte[] message) {
        String service = "";
        List<byte[]> spans = new ArrayList<>();
        for (Wire field : Wire.fields(message)) {
            if (field.number == 1) {
                Map<String, String> resource = new LinkedHashMap<>();
                for (Wire attribute : Wire.fields(field.bytes)) {
                    if (attribute.number == 1) {
                        keyValue(attribute.bytes, resource);
                    }
                }
                service = resource.getOrDefault("service.name", "");
            } else if (field.number == 2) {
                for (Wire scoped : Wire.fields(field.bytes)) {
                    if (scoped.number == 2) {
                        spans.add(scoped.bytes);
                    }
                }
            }
        }
        List<Span> decoded = new ArrayList<>();
        for (byte[] span : spans) {
            decoded.add(span(service, span));
        }
        return decoded;
    }

    /** Span: 1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 6 kind, 9 repeated KeyValue attributes, 13 repeated Link. */
    private static Span span(String service, byte[] message) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        Kind kind = Kind.UNSPECIFIED;
        Map<String, String> attributes = new LinkedHashMap<>();
        List<String> links = new ArrayList<>();
        for (Wire field : Wire.fields(message)) {
            switch (field.number) {
                case 1 -> traceId = HexFormat.of().formatHex(field.bytes);
                case 2 -> spanId = HexFormat.of().formatHex(field.bytes);
                case 4 -> parent = HexFormat.of().formatHex(field.bytes);
                case 5 -> name = new String(field.bytes, StandardCharsets.UTF_8);
                case 6 -> kind = Kind.values()[(int) Math.min(field.varint, Kind.values().length - 1)];
                case 9 -> keyValue(field.bytes, attributes);
                case 13 -> links.add(link(field.bytes));
                default -> { }
            }
        }
        return new Span(service, traceId, spanId, parent, name, kind, Map.copyOf(attributes), List.copyOf(links));
    }

    /** Link: 1 trace_id, 2 span_id. */
    private static String link(byte[] message) {
        String traceId = "";
        String spanId = "";
        for (Wire field : Wire.fields(message)) {
            if (field.number == 1) {
                traceId = HexFormat.of().formatHex(field.bytes);
            } else if (field.number == 2) {
                spanId = HexFormat.of().formatHex(field.bytes);
            }
        }
        return traceId + "-" + spanId;
    }

    /** KeyValue: 1 key, 2 AnyValue (1 string, 2 bool, 3 int64; others kept as their kind only). */
    private static void keyValue(byte[] message, Map<String, String> into) {
        String key = null;
        String value = "";
        for (Wire field : Wire.fields(message)) {
            if (field.number == 1) {
                key = new String(field.bytes, StandardCharsets.UTF_8);
            } else if (field.number == 2) {
                for (Wire any : Wire.fields(field.bytes)) {
                    value = switch (any.number) {
                        case 1 -> new String(any.bytes, StandardCharsets.UTF_8);
                        case 2 -> Boolean.toString(any.varint != 0);
                        case 3 -> Long.toString(any.varint);
                        default -> "(value of kind " + any.number + ")";
                    };
                }
            }
        }
        if (key != null) {
            into.put(key, value);
        }
    }

    /** One field of a protobuf message: its number and either its varint or its length-delimited bytes. */
    private record Wire(int number, long varint, byte[] bytes) {

        static List<Wire> fields(byte[] message) {
            List<Wire> fields = new ArrayList<>();
            int[] at = {0};
            while (at[0] < message.length) {
                long tag = varint(message, at);
                int number = (int) (tag >>> 3);
                switch ((int) (tag & 7)) {
                    case 0 -> fields.add(new Wire(number, varint(message, at), null));
                    case 1 -> at[0] += 8; // fixed64: times
                    case 2 -> {
                        int length = (int) varint(message, at);
                        if (length < 0 || at[0] + length > message.length) {
                            throw new IllegalArgumentException("truncated field " + number);
                        }
                        byte[] bytes = java.util.Arrays.copyOfRange(message, at[0], at[0] + length);
                        at[0] += length;
                        fields.add(new Wire(number, 0, bytes));
                    }
                    case 5 -> at[0] += 4; // fixed32: flags
                    default -> throw new IllegalArgumentException("unsupported wire type in field " + number);
                }
            }
            return fields;
        }

        private static long varint(byte[] message, int[] at) {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (at[0] >= message.length) {
                    throw new IllegalArgumentException("truncated varint");
                }
                byte b = message[at[0]++];
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("varint too long");
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
