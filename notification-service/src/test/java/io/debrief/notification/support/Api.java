package io.debrief.notification.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.debrief.testsupport.TestIdentity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** REST calls the tests share, each with the token of a caller allowed to make it. */
public final class Api {

    public static final String SESSION_COOKIE = "debrief_token";

    private Api() {
    }

    /** Manages subscriptions (and may read decisions). */
    public static RequestSpecification asRecruiter() {
        return given().header("Authorization", TestIdentity.bearer("rita-recruiter", "recruiter"));
    }

    /** Reads decisions. */
    public static RequestSpecification asHiringManager() {
        return given().header("Authorization", TestIdentity.bearer("hank-manager", "hiring-manager"));
    }

    /** The Authorization header value of a hiring manager, for the stream. */
    public static String hiringManagerBearer() {
        return TestIdentity.bearer("hank-manager", "hiring-manager");
    }

    /** Creates a subscription for the endpoint and gives the endpoint its secret. */
    public static String subscribe(WebhookReceiver receiver, WebhookReceiver.Endpoint endpoint, List<String> outcomes,
            List<String> levels) {
        Map<String, Object> fields = new java.util.HashMap<>();
        fields.put("description", "test endpoint");
        if (outcomes != null) {
            fields.put("outcomes", outcomes);
        }
        if (levels != null) {
            fields.put("levels", levels);
        }
        return subscribe(receiver, endpoint, fields);
    }

    /** Creates a subscription for the endpoint with these fields besides its URL, and gives the endpoint its secret. */
    public static String subscribe(WebhookReceiver receiver, WebhookReceiver.Endpoint endpoint, Map<String, Object> fields) {
        Map<String, Object> body = new java.util.HashMap<>(fields);
        body.put("url", receiver.url(endpoint));
        JsonPath created = asRecruiter().contentType(ContentType.JSON).body(body)
                .post("/api/subscriptions")
                .then().statusCode(201)
                .extract().jsonPath();
        endpoint.secret(created.getString("secret"));
        return created.getString("id");
    }

    public static List<Map<String, Object>> deliveries(String subscriptionId) {
        return asRecruiter().get("/api/subscriptions/{id}/deliveries", subscriptionId)
                .then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    public static List<Map<String, Object>> decisions(String loopId) {
        return asHiringManager().queryParam("loopId", loopId).get("/api/decisions")
                .then().statusCode(200)
                .extract().jsonPath().getList("$");
    }
}
