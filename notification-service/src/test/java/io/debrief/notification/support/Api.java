package io.debrief.notification.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** REST calls the tests share. */
public final class Api {

    private Api() {
    }

    /** Creates a subscription for the endpoint and gives the endpoint its secret. */
    public static String subscribe(WebhookReceiver receiver, WebhookReceiver.Endpoint endpoint, List<String> outcomes,
            List<String> levels) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("url", receiver.url(endpoint));
        body.put("description", "test endpoint");
        if (outcomes != null) {
            body.put("outcomes", outcomes);
        }
        if (levels != null) {
            body.put("levels", levels);
        }
        JsonPath created = given().contentType(ContentType.JSON).body(body)
                .post("/api/subscriptions")
                .then().statusCode(201)
                .extract().jsonPath();
        endpoint.secret(created.getString("secret"));
        return created.getString("id");
    }

    public static List<Map<String, Object>> deliveries(String subscriptionId) {
        return given().get("/api/subscriptions/{id}/deliveries", subscriptionId)
                .then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    public static List<Map<String, Object>> decisions(String loopId) {
        return given().queryParam("loopId", loopId).get("/api/decisions")
                .then().statusCode(200)
                .extract().jsonPath().getList("$");
    }
}
