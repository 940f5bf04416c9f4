package io.debrief.notification.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.debrief.notification.support.Api;
import io.debrief.notification.support.SseClient;
import io.debrief.testsupport.LocalStackTestResource;
import io.debrief.testsupport.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * CONTRACT.md, "Identity and access": every endpoint of the service against every kind of caller. Without a valid
 * token 401, with a valid token but not the role 403 (both problem+json), otherwise what the endpoint answers.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class AuthorizationIT {

    private static final String PROBLEM = "application/problem+json";
    private static final Duration WAIT = Duration.ofSeconds(30);

    enum Caller {
        NO_TOKEN, MALFORMED_TOKEN, WRONG_SIGNATURE, EXPIRED, NO_ROLE, INTERVIEWER, RECRUITER, HIRING_MANAGER, ADMIN;

        /** The Authorization header value, null for none. Invalid tokens claim the strongest role. */
        String authorization() {
            return switch (this) {
                case NO_TOKEN -> null;
                case MALFORMED_TOKEN -> "Bearer not-a-jwt";
                case WRONG_SIGNATURE -> TestIdentity.wrongSignatureBearer("mallory", "admin");
                case EXPIRED -> TestIdentity.expiredBearer("eve", "admin");
                case NO_ROLE -> TestIdentity.bearer("nobody");
                case INTERVIEWER -> TestIdentity.bearer("ivan", "interviewer");
                case RECRUITER -> TestIdentity.bearer("rita", "recruiter");
                case HIRING_MANAGER -> TestIdentity.bearer("hank", "hiring-manager");
                case ADMIN -> TestIdentity.bearer("ada", "admin");
            };
        }

        boolean authenticated() {
            return ordinal() >= NO_ROLE.ordinal();
        }
    }

    private static final Set<Caller> SUBSCRIPTION_MANAGERS = EnumSet.of(Caller.RECRUITER, Caller.ADMIN);
    private static final Set<Caller> DECISION_READERS = EnumSet.of(Caller.RECRUITER, Caller.HIRING_MANAGER,
            Caller.ADMIN);
    private static final Set<Caller> ANYONE = EnumSet.allOf(Caller.class);

    /** Each endpoint, who may call it, and what it answers them (with the fixtures below). */
    enum Endpoint {
        CREATE_SUBSCRIPTION("POST /api/subscriptions", SUBSCRIPTION_MANAGERS, 201),
        LIST_SUBSCRIPTIONS("GET /api/subscriptions", SUBSCRIPTION_MANAGERS, 200),
        GET_SUBSCRIPTION("GET /api/subscriptions/{id}", SUBSCRIPTION_MANAGERS, 200),
        DELETE_SUBSCRIPTION("DELETE /api/subscriptions/{id}", SUBSCRIPTION_MANAGERS, 204),
        DELIVERY_LOG("GET /api/subscriptions/{id}/deliveries", SUBSCRIPTION_MANAGERS, 200),
        // an unknown delivery: the allowed callers get past the check to the 404
        REDELIVER("POST /api/subscriptions/{id}/deliveries/{webhookId}/redeliver", SUBSCRIPTION_MANAGERS, 404),
        LIST_DECISIONS("GET /api/decisions", DECISION_READERS, 200),
        LOOP_DECISIONS("GET /api/decisions?loopId=", DECISION_READERS, 200),
        DECISION_STREAM("GET /api/decisions/stream", DECISION_READERS, 200),
        // a loop without a decision: the allowed callers get past the check to the 404
        LETTER("GET /api/decisions/{loopId}/letter", SUBSCRIPTION_MANAGERS, 404),
        SIGN_IN("POST /api/session", DECISION_READERS, 204),
        SIGN_OUT("DELETE /api/session", ANYONE, 204);

        final String route;
        final Set<Caller> allowed;
        final int success;

        Endpoint(String route, Set<Caller> allowed, int success) {
            this.route = route;
            this.allowed = allowed;
            this.success = success;
        }

        int expectedFor(Caller caller) {
            if (allowed.contains(caller)) {
                return success;
            }
            return caller.authenticated() ? 403 : 401;
        }
    }

    @TestHTTPResource("/api/decisions/stream")
    URL stream;

    static Stream<Arguments> everyEndpointAndCaller() {
        return Stream.of(Endpoint.values()).flatMap(endpoint -> Stream.of(Caller.values())
                .map(caller -> Arguments.of(endpoint.route, endpoint, caller, endpoint.expectedFor(caller))));
    }

    @ParameterizedTest(name = "{0} by {2}: {3}")
    @MethodSource("everyEndpointAndCaller")
    void everyEndpointAnswersEachCallerAsTheContractSays(String route, Endpoint endpoint, Caller caller,
            int expected) {
        if (endpoint == Endpoint.DECISION_STREAM) {
            assertStream(caller, expected);
            return;
        }
        String subscription = endpoint.route.contains("{id}") ? newSubscription() : null;
        try {
            Response response = call(endpoint, as(caller), subscription);

            response.then().statusCode(expected);
            if (expected == 401) {
                response.then().contentType(PROBLEM).header("WWW-Authenticate", "Bearer")
                        .body("status", is(401)).body("title", is("Unauthorized")).body("detail", notNullValue());
            } else if (expected == 403) {
                response.then().contentType(PROBLEM)
                        .body("status", is(403)).body("title", is("Forbidden")).body("detail", notNullValue());
            }
            if (endpoint == Endpoint.SIGN_IN) {
                assertThat(response.header("Set-Cookie") != null).as("a cookie is set").isEqualTo(expected == 204);
            }
            if (endpoint == Endpoint.CREATE_SUBSCRIPTION && expected == 201) {
                Api.asRecruiter().delete("/api/subscriptions/{id}", response.jsonPath().getString("id"))
                        .then().statusCode(204);
            }
            if (endpoint == Endpoint.DELETE_SUBSCRIPTION && expected != 204) {
                // a refused deletion deleted nothing
                Api.asRecruiter().get("/api/subscriptions/{id}", subscription).then().statusCode(200);
            }
        } finally {
            if (subscription != null) {
                Api.asRecruiter().delete("/api/subscriptions/{id}", subscription);
            }
        }
    }

    @Test
    void healthMetricsOpenApiAndThePageAnswerWithoutAToken() {
        for (String path : new String[] { "/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi", "/",
                "/recruiter.js", "/recruiter.css" }) {
            given().get(path).then().statusCode(200);
            // a stale header does not break a probe either
            given().header("Authorization", Caller.EXPIRED.authorization()).get(path).then().statusCode(200);
        }
    }

    @Test
    void openApiDocumentsTheBearerScheme() {
        String openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        assertThat(openApi).contains("\"bearer\"").contains("\"JWT\"");
    }

    private void assertStream(Caller caller, int expected) {
        String authorization = caller.authorization();
        try (SseClient client = authorization == null
                ? SseClient.connect(URI.create(stream.toString()), null)
                : SseClient.connect(URI.create(stream.toString()), null, "Authorization", authorization)) {
            await().atMost(WAIT).until(() -> client.status() != null);
            assertThat(client.status()).isEqualTo(expected);
            if (expected == 200) {
                assertThat(client.contentType()).startsWith("text/event-stream");
                await().atMost(WAIT).until(() -> client.comments().contains("stream open"));
            } else {
                assertThat(client.contentType()).startsWith(PROBLEM);
                assertThat(client.events()).isEmpty();
            }
        }
    }

    private static RequestSpecification as(Caller caller) {
        String authorization = caller.authorization();
        return authorization == null ? given() : given().header("Authorization", authorization);
    }

    private static Response call(Endpoint endpoint, RequestSpecification request, String subscription) {
        return switch (endpoint) {
            case CREATE_SUBSCRIPTION -> request.contentType(ContentType.JSON)
                    .body("{\"url\":\"http://127.0.0.1:9/authz-" + UUID.randomUUID() + "\"}")
                    .post("/api/subscriptions");
            case LIST_SUBSCRIPTIONS -> request.get("/api/subscriptions");
            case GET_SUBSCRIPTION -> request.get("/api/subscriptions/{id}", subscription);
            case DELETE_SUBSCRIPTION -> request.delete("/api/subscriptions/{id}", subscription);
            case DELIVERY_LOG -> request.get("/api/subscriptions/{id}/deliveries", subscription);
            case REDELIVER -> request.post("/api/subscriptions/{id}/deliveries/{webhookId}/redeliver", subscription,
                    "no-such-webhook");
            case LIST_DECISIONS -> request.get("/api/decisions");
            case LOOP_DECISIONS -> request.queryParam("loopId", "authz-" + UUID.randomUUID()).get("/api/decisions");
            case LETTER -> request.get("/api/decisions/{loopId}/letter", "authz-" + UUID.randomUUID());
            case SIGN_IN -> request.post("/api/session");
            case SIGN_OUT -> request.delete("/api/session");
            case DECISION_STREAM -> throw new IllegalArgumentException("the stream is read with an SSE client");
        };
    }

    /** Points nowhere (discard port) and lives for one case only. */
    private static String newSubscription() {
        return Api.asRecruiter().contentType(ContentType.JSON)
                .body("{\"url\":\"http://127.0.0.1:9/authz-" + UUID.randomUUID() + "\"}")
                .post("/api/subscriptions")
                .then().statusCode(201).extract().jsonPath().getString("id");
    }
}
