package io.debrief.calibration.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.debrief.calibration.Events;
import io.debrief.calibration.Api;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.debrief.calibration.LoopKeyService;
import io.debrief.testsupport.LocalStackTestResource;
import io.debrief.testsupport.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CONTRACT.md "Identity and access", as a table: every endpoint of this service × every kind of caller. Calibrations,
 * decisions, the bars and the stream are for {@code recruiter}, {@code hiring-manager} and {@code admin}: without a
 * valid token 401, with a valid token of another role 403, both as problem+json. The token may come as a bearer header
 * or as the session cookie. Health, metrics, OpenAPI and the page itself stay open.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "calibration"))
@WithTestResource(LoopKeyService.class)
class AuthorizationIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String knownLoop;
    private static boolean knownLoopFailed;

    @TestHTTPResource("/")
    URI root;

    /** The endpoints, with what a permitted caller gets. */
    enum Endpoint {
        CALIBRATIONS("GET", "/api/calibrations", 200),
        FILTERED_CALIBRATIONS("GET", "/api/calibrations?status=PENDING&level=MID", 200),
        CALIBRATION("GET", "/api/calibrations/{loopId}", 200),
        UNKNOWN_CALIBRATION("GET", "/api/calibrations/no-such-loop", 404),
        DECISIONS("GET", "/api/calibrations/{loopId}/decisions", 200),
        STREAM("GET", "/api/calibrations/stream", 200),
        BARS("GET", "/api/bars", 200),
        INTERVIEWERS("GET", "/api/interviewers", 200),
        OWN_INTERVIEWER_CALIBRATION("GET", "/api/interviewers/alice", 404),
        OTHERS_INTERVIEWER_CALIBRATION("GET", "/api/interviewers/someone-else", 404),
        SIGN_IN("POST", "/api/session", 204),
        SIGN_OUT("DELETE", "/api/session", 204);

        final String method;
        final String path;
        final int permitted;

        Endpoint(String method, String path, int permitted) {
            this.method = method;
            this.path = path;
            this.permitted = permitted;
        }
    }

    /** Who calls, and how the token travels. */
    enum Caller {
        NO_TOKEN(Kind.INVALID, null),
        MALFORMED_TOKEN(Kind.INVALID, () -> "Bearer not.a.jwt"),
        WRONG_SIGNATURE(Kind.INVALID, () -> TestIdentity.wrongSignatureBearer("rita", "recruiter")),
        EXPIRED(Kind.INVALID, () -> TestIdentity.expiredBearer("rita", "recruiter")),
        INTERVIEWER(Kind.OTHER_ROLE, () -> TestIdentity.bearer("alice", "interviewer")),
        NO_ROLE(Kind.OTHER_ROLE, () -> TestIdentity.bearer("nobody")),
        RECRUITER(Kind.READER, () -> TestIdentity.bearer("rita", "recruiter")),
        HIRING_MANAGER(Kind.READER, () -> TestIdentity.bearer("hank", "hiring-manager")),
        ADMIN(Kind.READER, () -> TestIdentity.bearer("ada", "admin")),
        INTERVIEWER_AND_RECRUITER(Kind.READER, () -> TestIdentity.bearer("iris", "interviewer", "recruiter")),
        RECRUITER_COOKIE(Kind.READER, () -> "cookie " + TestIdentity.token("rita", "recruiter")),
        INTERVIEWER_COOKIE(Kind.OTHER_ROLE, () -> "cookie " + TestIdentity.token("alice", "interviewer")),
        EXPIRED_COOKIE(Kind.INVALID, () -> "cookie " + TestIdentity.expiredBearer("rita", "recruiter").substring(7)),
        WRONG_SIGNATURE_COOKIE(Kind.INVALID, () -> "cookie " + TestIdentity.wrongSignatureBearer("rita", "admin").substring(7));

        enum Kind { INVALID, OTHER_ROLE, READER }

        final Kind kind;
        final Supplier<String> credential;

        Caller(Kind kind, Supplier<String> credential) {
            this.kind = kind;
            this.credential = credential;
        }

        boolean viaCookie() {
            return name().endsWith("_COOKIE");
        }
    }

    /** The contract's answer for this caller on this endpoint. */
    static int expected(Endpoint endpoint, Caller caller) {
        if (endpoint == Endpoint.SIGN_OUT) {
            return 204; // signing out needs nothing: it only expires the cookie
        }
        if (endpoint == Endpoint.SIGN_IN && caller.viaCookie()) {
            return 401; // signing in takes the token from the Authorization header only
        }
        if (endpoint == Endpoint.OWN_INTERVIEWER_CALIBRATION
                && (caller == Caller.INTERVIEWER || caller == Caller.INTERVIEWER_COOKIE)) {
            return endpoint.permitted; // an interviewer reads their own calibration (alice has none: 404)
        }
        return switch (caller.kind) {
            case INVALID -> 401;
            case OTHER_ROLE -> 403;
            case READER -> endpoint.permitted;
        };
    }

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            for (Caller caller : Caller.values()) {
                rows.add(Arguments.of(endpoint.name(), caller.name(), expected(endpoint, caller)));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} by {1}: {2}")
    @MethodSource("table")
    void everyEndpointAnswersEveryCallerAsTheContractSays(String endpointName, String callerName, int status) throws Exception {
        Endpoint endpoint = Endpoint.valueOf(endpointName);
        Caller caller = Caller.valueOf(callerName);
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(endpoint.path.replace("{loopId}", knownLoop())))
                .timeout(Duration.ofSeconds(30))
                .method(endpoint.method, HttpRequest.BodyPublishers.noBody());
        if (caller.credential != null) {
            String credential = caller.credential.get();
            if (caller.viaCookie()) {
                request.header("Cookie", "debrief_token=" + credential.substring("cookie ".length()));
            } else {
                request.header("Authorization", credential);
            }
        }
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(status);
            String contentType = response.headers().firstValue("content-type").orElse("");
            if (status == 401 || status == 403) {
                assertThat(contentType).startsWith("application/problem+json");
                JsonNode problem = Events.JSON.readTree(new String(body.readAllBytes(), StandardCharsets.UTF_8));
                assertThat(problem.path("status").asInt()).isEqualTo(status);
                assertThat(problem.path("title").asText()).isEqualTo(status == 401 ? "Unauthorized" : "Forbidden");
                assertThat(problem.path("detail").asText()).isNotBlank();
                assertThat(response.headers().firstValue("www-authenticate").orElse(null))
                        .isEqualTo(status == 401 ? "Bearer" : null);
                assertThat(response.headers().firstValue("set-cookie")).isEmpty();
            } else if (endpoint == Endpoint.STREAM) {
                assertThat(contentType).startsWith("text/event-stream"); // the body stays open: closed unread
            } else if (status == 404) {
                assertThat(contentType).startsWith("application/problem+json");
            } else if (status == 200) {
                assertThat(contentType).startsWith("application/json");
                assertThat(Events.JSON.readTree(body.readAllBytes()).isContainerNode()).isTrue();
            } else if (status == 204) {
                assertThat(response.headers().firstValue("set-cookie").orElse("")).startsWith("debrief_token=");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi", "/q/swagger-ui/", "/",
            "/index.html", "/dashboard.js", "/dashboard.css"})
    void healthMetricsOpenApiAndThePageAnswerWithoutAToken(String path) throws Exception {
        assertThat(get(path, null).statusCode()).isEqualTo(200);
        // and a bad token on the way does not lock them either
        assertThat(get(path, TestIdentity.expiredBearer("rita", "recruiter")).statusCode()).isEqualTo(200);
    }

    @org.junit.jupiter.api.Test
    void anEndpointWithoutASecurityAnnotationIsDeniedEvenToAReader() throws Exception {
        // platform's quarkus.security.jaxrs.deny-unannotated-endpoints=true, picked up by this service's build
        assertThat(get(UnannotatedResource.PATH, null).statusCode()).isEqualTo(401);
        assertThat(get(UnannotatedResource.PATH, TestIdentity.bearer("ada", "admin")).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One loop the service knows (opened, no scorecards yet), made on first use and shared by every row. */
    private static synchronized String knownLoop() {
        assertThat(knownLoopFailed).as("the known loop could not be made").isFalse();
        if (knownLoop == null) {
            knownLoopFailed = true;
            String loopId = Events.newLoopId();
            try (Events events = new Events()) {
                events.opened(loopId, "MID", "alice", "bob");
            }
            await().atMost(Events.EVENTUALLY)
                    .untilAsserted(() -> Api.asAdmin().get("/api/calibrations/" + loopId).then().statusCode(200));
            knownLoop = loopId;
            knownLoopFailed = false;
        }
        return knownLoop;
    }
}
