package io.debrief.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * What every service's load-shedding test checks (platform's {@code admission.Admission} in front of its API): with
 * {@link #NO_ROOM} every {@code /api} request and stream is answered 503 with {@code Retry-After: 2} and a problem at
 * once, {@code /q/health/live} still answers, and the shed counters moved. A service's test runs with {@link NoRoom}.
 */
public final class LoadShedding {

    /** Settings that leave no room at all. */
    public static final Map<String, String> NO_ROOM = Map.of("debrief.admission.max-in-flight", "0",
            "debrief.admission.max-streams", "0", "debrief.admission.retry-after", "2s");

    /** The test profile of {@link #NO_ROOM}. */
    public static class NoRoom implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return NO_ROOM;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private LoadShedding() {
    }

    /** Fails unless {@code request} and {@code stream} (paths under /api) are shed and the service still reports. */
    public static void assertEverythingShed(URI service, String request, String stream)
            throws IOException, InterruptedException {
        for (String path : List.of(request, stream)) {
            HttpResponse<String> shed = get(service, path);
            check(shed.statusCode() == 503, path + " answered " + shed.statusCode() + ", not 503");
            check(shed.headers().firstValue("Retry-After").orElse("").equals("2"), path + " has no Retry-After: 2");
            check(shed.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    path + " is not a problem");
            check(shed.body().contains("\"status\":503") && shed.body().contains("at capacity"),
                    path + " says " + shed.body());
        }
        check(get(service, "/q/health/live").statusCode() == 200, "/q/health/live does not answer 200");
        String metrics = get(service, "/q/metrics").body();
        check(metrics.contains("debrief_admission_shed_total 1.0"), "the request shed counter did not move");
        check(metrics.contains("debrief_admission_streams_shed_total 1.0"), "the stream shed counter did not move");
    }

    private static HttpResponse<String> get(URI service, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(service.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void check(boolean holds, String failure) {
        if (!holds) {
            throw new AssertionError(failure);
        }
    }
}
