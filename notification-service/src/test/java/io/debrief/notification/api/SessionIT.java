package io.debrief.notification.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.debrief.notification.support.Api;
import io.debrief.notification.support.Decisions;
import io.debrief.notification.support.Kafka;
import io.debrief.notification.support.SseClient;
import io.debrief.testsupport.LocalStackTestResource;
import io.debrief.testsupport.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The recruiter page's session cookie: set from a bearer token, enough on its own for REST and the stream. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class SessionIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/api/decisions/stream")
    URL stream;

    @Test
    void signingInSetsAnHttpOnlyStrictCookieHoldingTheTokenUntilItExpires() {
        String token = TestIdentity.token("hank", "hiring-manager");

        Response response = given().header("Authorization", "Bearer " + token).post("/api/session");

        response.then().statusCode(204);
        List<String> attributes = attributes(response.header("Set-Cookie"));
        assertThat(attributes.get(0)).isEqualTo(Api.SESSION_COOKIE + "=" + token);
        assertThat(attributes).contains("Path=/", "HttpOnly", "SameSite=Strict").doesNotContain("Secure");
        // the token is valid for 12 hours: the cookie lives as long, not longer
        long maxAge = Long.parseLong(attributes.stream().filter(a -> a.startsWith("Max-Age="))
                .findFirst().orElseThrow().substring("Max-Age=".length()));
        assertThat(maxAge).isBetween(Duration.ofHours(12).minusMinutes(5).toSeconds(), Duration.ofHours(12).toSeconds());
    }

    @Test
    void signingInOverHttpsMarksTheCookieSecure() {
        Response response = given().header("Authorization", TestIdentity.bearer("rita", "recruiter"))
                .header("X-Forwarded-Proto", "https")
                .post("/api/session");

        response.then().statusCode(204);
        assertThat(attributes(response.header("Set-Cookie"))).contains("Secure", "HttpOnly", "SameSite=Strict");
    }

    @Test
    void sessionCookieAloneAuthenticatesRestCallsWithTheTokensRoles() {
        String hiringManager = sessionCookie(TestIdentity.bearer("hank", "hiring-manager"));
        String recruiter = sessionCookie(TestIdentity.bearer("rita", "recruiter"));

        given().cookie(Api.SESSION_COOKIE, hiringManager).get("/api/decisions").then().statusCode(200);
        // a session carries the token's roles, no more: a hiring manager does not manage subscriptions
        given().cookie(Api.SESSION_COOKIE, hiringManager).get("/api/subscriptions").then().statusCode(403)
                .contentType("application/problem+json");
        given().cookie(Api.SESSION_COOKIE, recruiter).get("/api/subscriptions").then().statusCode(200);
    }

    @Test
    void sessionCookieAloneAuthenticatesTheDecisionStream() {
        String cookie = sessionCookie(TestIdentity.bearer("rita", "recruiter"));
        String loopId = Kafka.newLoopId("session-stream");

        try (SseClient client = SseClient.connect(URI.create(stream.toString()), null,
                "Cookie", Api.SESSION_COOKIE + "=" + cookie)) {
            await().atMost(WAIT).until(() -> client.comments().contains("stream open"));
            assertThat(client.status()).isEqualTo(200);

            Kafka.publishDecision(loopId, 1, Decisions.json(loopId, 1, "HIRE", "SENIOR"));

            await().atMost(WAIT).until(() -> client.eventsWithIdPrefix(loopId).size() == 1);
            assertThat(client.eventsWithIdPrefix(loopId).get(0).name()).isEqualTo("decision");
        }
    }

    @Test
    void streamEndsWhenTheTokenExpires() {
        String shortLived = TestIdentity.tokens().mint("hank", Duration.ofSeconds(4), List.of("hiring-manager"));
        String twelveHours = TestIdentity.token("hank", "hiring-manager");

        try (SseClient expiring = SseClient.connect(URI.create(stream.toString()), null,
                "Cookie", Api.SESSION_COOKIE + "=" + shortLived);
                SseClient lasting = SseClient.connect(URI.create(stream.toString()), null,
                        "Authorization", "Bearer " + twelveHours)) {
            await().atMost(WAIT).until(() -> expiring.status() != null && lasting.comments().contains("stream open"));
            assertThat(expiring.status()).isEqualTo(200);

            await().atMost(WAIT).until(expiring::ended);
            assertThat(lasting.ended()).isFalse();
        }
    }

    @Test
    void expiredForgedOrInterviewerCookieIsRefused() {
        String expired = TestIdentity.expiredBearer("rita", "recruiter").substring("Bearer ".length());
        String forged = TestIdentity.wrongSignatureBearer("rita", "recruiter").substring("Bearer ".length());
        String interviewer = TestIdentity.token("ivan", "interviewer");

        given().cookie(Api.SESSION_COOKIE, expired).get("/api/decisions").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer").contentType("application/problem+json");
        given().cookie(Api.SESSION_COOKIE, forged).get("/api/decisions").then().statusCode(401)
                .contentType("application/problem+json");
        given().cookie(Api.SESSION_COOKIE, interviewer).get("/api/decisions").then().statusCode(403)
                .contentType("application/problem+json");
        try (SseClient client = SseClient.connect(URI.create(stream.toString()), null,
                "Cookie", Api.SESSION_COOKIE + "=" + expired)) {
            await().atMost(WAIT).until(() -> client.status() != null);
            assertThat(client.status()).isEqualTo(401);
        }
    }

    @Test
    void signingInUsesTheAuthorizationHeaderEvenWhenAStaleCookieIsPresent() {
        String stale = TestIdentity.expiredBearer("rita", "recruiter").substring("Bearer ".length());
        String fresh = TestIdentity.token("rita", "recruiter");

        Response response = given().cookie(Api.SESSION_COOKIE, stale).header("Authorization", "Bearer " + fresh)
                .post("/api/session");

        response.then().statusCode(204);
        assertThat(attributes(response.header("Set-Cookie")).get(0)).isEqualTo(Api.SESSION_COOKIE + "=" + fresh);
    }

    @Test
    void signingInWithoutABearerTokenIsUnauthorizedAndSetsNoCookie() {
        String token = TestIdentity.token("rita", "recruiter");
        // a cookie is not a sign-in: only the Authorization header is
        Response withCookieOnly = given().cookie(Api.SESSION_COOKIE, token).post("/api/session");
        withCookieOnly.then().statusCode(401).contentType("application/problem+json");
        assertThat(withCookieOnly.header("Set-Cookie")).isNull();

        Response basic = given().header("Authorization", "Basic cml0YTpzZWNyZXQ=").post("/api/session");
        basic.then().statusCode(401);
        assertThat(basic.header("Set-Cookie")).isNull();
    }

    @Test
    void signingOutExpiresTheCookie() {
        String cookie = sessionCookie(TestIdentity.bearer("rita", "recruiter"));

        Response response = given().cookie(Api.SESSION_COOKIE, cookie).delete("/api/session");

        response.then().statusCode(204);
        List<String> attributes = attributes(response.header("Set-Cookie"));
        assertThat(attributes.get(0)).isEqualTo(Api.SESSION_COOKIE + "=");
        assertThat(attributes).contains("Max-Age=0", "Path=/", "HttpOnly", "SameSite=Strict");
    }

    /** Signs in and returns the cookie's value. */
    private static String sessionCookie(String authorization) {
        Response response = given().header("Authorization", authorization).post("/api/session");
        response.then().statusCode(204);
        String value = attributes(response.header("Set-Cookie")).get(0);
        assertThat(value).startsWith(Api.SESSION_COOKIE + "=");
        return value.substring(Api.SESSION_COOKIE.length() + 1);
    }

    private static List<String> attributes(String setCookie) {
        assertThat(setCookie).isNotNull();
        return Arrays.stream(setCookie.split(";")).map(String::trim).toList();
    }
}
