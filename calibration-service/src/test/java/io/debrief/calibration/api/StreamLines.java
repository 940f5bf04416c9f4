package io.debrief.calibration.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.debrief.calibration.Events;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** An open {@code text/event-stream} of the calibration stream, its lines read on a daemon thread as they arrive. */
final class StreamLines implements AutoCloseable {

    final List<String> lines = new CopyOnWriteArrayList<>();
    private final HttpResponse<InputStream> response;

    private StreamLines(HttpResponse<InputStream> response) {
        this.response = response;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (Exception closed) {
                // the test is over
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream; it must answer 200 with {@code text/event-stream}. */
    static StreamLines open(HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<InputStream> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        return new StreamLines(response);
    }

    /**
     * Opens a loop with alice alone on its panel, resending the event until the stream shows the loop (the stream's
     * consumer starts at the end of calibration-updates), then decides it with alice's scorecard and waits for the
     * decided calibration on the stream. Returns the index of that line.
     */
    int openAndDecide(Events events, String loopId, String level, Map<String, Integer> scores) {
        var opened = events.opened(loopId, level, "alice");
        await().atMost(Events.EVENTUALLY).pollInterval(Duration.ofSeconds(2)).until(() -> {
            if (lines.stream().noneMatch(l -> l.contains(loopId))) {
                events.resend(opened);
                return false;
            }
            return true;
        });
        events.scorecard(loopId, "alice", 1, scores, "YES");
        await().atMost(Events.EVENTUALLY).until(() -> decidedLine(loopId) >= 0);
        return decidedLine(loopId);
    }

    private int decidedLine(String loopId) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(loopId) && lines.get(i).contains("\"DECIDED\"")) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws Exception {
        response.body().close();
    }
}
