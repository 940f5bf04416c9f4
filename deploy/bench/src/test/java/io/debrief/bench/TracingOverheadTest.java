package io.debrief.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class TracingOverheadTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theCollectorsEnvironmentTurnsTracingOnAndExportsToIt() throws Exception {
        try (TracingOverhead.Collector collector = TracingOverhead.Collector.start()) {
            Map<String, String> env = collector.environment();
            assertThat(env).containsEntry("QUARKUS_OTEL_SDK_DISABLED", "false")
                    .containsEntry("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
            HttpResponse<Void> answer = export(env.get("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") + "/v1/traces", 2_000_000);
            assertThat(answer.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aWatchCountsTheExportsDuringItsRunOnly() throws Exception {
        try (TracingOverhead.Collector collector = TracingOverhead.Collector.start()) {
            String endpoint = collector.environment().get("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") + "/v1/traces";
            export(endpoint, 10); // before the run: not its export
            AtomicLong counted = new AtomicLong();
            Supplier<String> note = collector.watch(true, counted::addAndGet).start();
            export(endpoint, 1_500_000);
            export(endpoint, 500_000);
            assertThat(note.get()).isEqualTo("; 2 OTLP exports, 2.0 MB of spans received");
            assertThat(counted).hasValue(2);
        }
    }

    @Test
    void aRunsNoteSaysLoudlyWhenItsExportsContradictItsMode() {
        assertThat(TracingOverhead.Collector.exportNote(true, 0, 0)).isEqualTo("; NO OTLP export received: tracing was not on");
        assertThat(TracingOverhead.Collector.exportNote(false, 3, 900)).isEqualTo("; 3 OTLP exports received: tracing was not off");
        assertThat(TracingOverhead.Collector.exportNote(false, 0, 0)).isEqualTo("; 0 OTLP exports, 0.0 MB of spans received");
        assertThat(TracingOverhead.Collector.exportNote(true, 80, 15_600_000)).isEqualTo("; 80 OTLP exports, 15.6 MB of spans received");
    }

    private static HttpResponse<Void> export(String endpoint, int bytes) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(endpoint)).header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[bytes])).build(), HttpResponse.BodyHandlers.discarding());
    }
}
