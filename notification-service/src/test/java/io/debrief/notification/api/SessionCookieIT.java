package io.debrief.notification.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.debrief.testsupport.LocalStackTestResource;
import io.debrief.testsupport.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * How {@code POST /api/session} (the platform's session resource, enabled here) reads the Authorization header: the
 * scheme in any case, and nothing but a base64url-and-dots token, which is all that may reach {@code Set-Cookie}.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class SessionCookieIT {

    private static final String COOKIE = "debrief_token";

    @ParameterizedTest(name = "\"{0} <token>{1}\"")
    @ValueSource(strings = { "Bearer ", "bearer ", "BEARER  " })
    void bearerTokenIsTakenFromTheAuthorizationHeaderWhateverTheSchemesCase(String scheme) {
        String token = TestIdentity.token("rita", "recruiter");

        Response response = given().header("Authorization", scheme + token + " ").post("/api/session");

        response.then().statusCode(204);
        assertThat(response.header("Set-Cookie")).startsWith(COOKIE + "=" + token + ";");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = { "", "Bearer", "Bearer   ", "Basic cml0YTpzZWNyZXQ=", "TOKEN" })
    void otherSchemesAndEmptyTokensAreNoBearerToken(String authorization) {
        String header = authorization.replace("TOKEN", TestIdentity.token("rita", "recruiter"));

        Response response = given().header("Authorization", header).post("/api/session");

        response.then().statusCode(401).contentType("application/problem+json");
        assertThat(response.header("Set-Cookie")).isNull();
    }

    /** A CR or LF cannot reach the server inside a header at all (HTTP splits lines first): these are what can. */
    @ParameterizedTest(name = "\"Bearer <token>{0}\"")
    @ValueSource(strings = { "; Domain=evil.example", " b", ",x=y", "; Max-Age=99999999" })
    void valueThatCouldAddCookieAttributesIsNoBearerToken(String suffix) {
        String token = TestIdentity.token("rita", "recruiter");

        Response response = given().header("Authorization", "Bearer " + token + suffix).post("/api/session");

        response.then().statusCode(401).contentType("application/problem+json");
        assertThat(response.header("Set-Cookie")).isNull();
    }
}
