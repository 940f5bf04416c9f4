package io.debrief.calibration.api;

import static io.debrief.calibration.Events.scores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.debrief.calibration.Events;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.debrief.calibration.LoopKeyService;
import io.debrief.testsupport.LocalStackTestResource;
import io.debrief.testsupport.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's session: {@code POST /api/session} turns a bearer token into an HttpOnly same-site cookie, the cookie
 * alone then authenticates API calls and the event stream (an EventSource cannot send a header), and
 * {@code DELETE /api/session} ends it. The HTTP client keeps cookies like a browser does.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "calibration"))
@WithTestResource(LoopKeyService.class)
class SessionIT {

    @TestHTTPResource("/")
    URI root;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

    private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<HttpCookie> sessionCookies() {
        return cookies.getCookieStore().get(root).stream().filter(c -> c.getName().equals("debrief_token")).toList();
    }

    /** The attributes of a Set-Cookie header (names lower case, a flag with ""), however the server spaces them. */
    private static Map<String, String> attributes(String setCookie) {
        Map<String, String> attributes = new java.util.HashMap<>();
        String[] parts = setCookie.split(";");
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            int eq = part.indexOf('=');
            attributes.put((eq < 0 ? part : part.substring(0, eq)).trim().toLowerCase(java.util.Locale.ROOT),
                    eq < 0 ? "" : part.substring(eq + 1).trim());
        }
        return attributes;
    }

    @Test
    void signingInSetsAnHttpOnlySameSiteCookieWithTheTokenUntilTheTokenExpires() throws Exception {
        String token = TestIdentity.token("rita", "recruiter"); // valid 12 hours
        HttpResponse<String> response = send("POST", "/api/session", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(204);
        String setCookie = response.headers().firstValue("set-cookie").orElseThrow();
        assertThat(setCookie).startsWith("debrief_token=" + token + ";");
        Map<String, String> attributes = attributes(setCookie);
        assertThat(attributes).containsEntry("path", "/").containsEntry("httponly", "").containsEntry("samesite", "Strict")
                .doesNotContainKey("secure"); // the test talks plain http
        long maxAge = Long.parseLong(attributes.get("max-age"));
        assertThat(maxAge).isBetween(Duration.ofHours(12).minusMinutes(5).toSeconds(), Duration.ofHours(12).toSeconds());
    }

    @Test
    void theCookieAloneAuthenticatesAnApiCallAndSigningOutEndsIt() throws Exception {
        assertThat(send("GET", "/api/bars", null).statusCode()).isEqualTo(401);

        assertThat(send("POST", "/api/session", TestIdentity.bearer("hank", "hiring-manager")).statusCode()).isEqualTo(204);
        assertThat(sessionCookies()).hasSize(1);
        HttpResponse<String> bars = send("GET", "/api/bars", null);
        assertThat(bars.statusCode()).isEqualTo(200);
        assertThat(Events.JSON.readTree(bars.body()).path("SENIOR").path("expertAreas").asInt()).isEqualTo(3);
        assertThat(send("GET", "/api/calibrations?status=DECIDED", null).statusCode()).isEqualTo(200);

        HttpResponse<String> signOut = send("DELETE", "/api/session", null);
        assertThat(signOut.statusCode()).isEqualTo(204);
        String cleared = signOut.headers().firstValue("set-cookie").orElseThrow();
        assertThat(cleared).startsWith("debrief_token=;");
        assertThat(attributes(cleared)).containsEntry("max-age", "0").containsEntry("path", "/");
        assertThat(sessionCookies()).isEmpty();
        HttpResponse<String> afterwards = send("GET", "/api/bars", null);
        assertThat(afterwards.statusCode()).isEqualTo(401);
        assertThat(afterwards.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void signingInAgainReplacesTheCookieOfAnotherUser() throws Exception {
        // an interviewer's token cannot start a session, and a stale session does not decide a new sign-in
        assertThat(send("POST", "/api/session", TestIdentity.bearer("alice", "interviewer")).statusCode()).isEqualTo(403);
        assertThat(sessionCookies()).isEmpty();
        assertThat(send("POST", "/api/session", TestIdentity.bearer("ada", "admin")).statusCode()).isEqualTo(204);
        String admin = sessionCookies().get(0).getValue();
        String recruiter = TestIdentity.token("rita", "recruiter");
        assertThat(send("POST", "/api/session", "Bearer " + recruiter).statusCode()).isEqualTo(204);
        assertThat(sessionCookies()).extracting(HttpCookie::getValue).containsExactly(recruiter).doesNotContain(admin);
    }

    @Test
    void theCookieAloneAuthenticatesTheEventStream() throws Exception {
        assertThat(send("POST", "/api/session", TestIdentity.bearer("rita", "recruiter")).statusCode()).isEqualTo(204);
        String loopId = Events.newLoopId();
        HttpRequest request = HttpRequest.newBuilder(root.resolve("/api/calibrations/stream"))
                .header("Accept", "text/event-stream").build(); // no Authorization header: the cookie only
        try (StreamLines open = StreamLines.open(browser, request); Events events = new Events()) {
            int decided = open.openAndDecide(events, loopId, "JUNIOR", scores(0, 3, 3, 3, 3, 3, 3, 3, 3));
            assertThat(open.lines.get(decided)).startsWith("data:");
        }
    }
}
