package io.debrief.notification.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.debrief.notification.support.Api;
import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** The subscriptions API: creation, secrecy of the secret, validation as problem details. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class SubscriptionApiIT {

    private static final String PROBLEM = "application/problem+json";

    /** These subscriptions point nowhere: remove them so that later decisions are not sent there. */
    @AfterEach
    void removeSubscriptions() {
        Api.asRecruiter().get("/api/subscriptions").then().extract().jsonPath().getList("findAll { it.url.contains('example.com') || it.url.contains(':9/') }.id", String.class)
                .forEach(id -> Api.asRecruiter().delete("/api/subscriptions/{id}", id));
    }

    @Test
    void secretIsShownOnlyInTheCreationResponse() {
        JsonPath created = Api.asRecruiter().contentType(ContentType.JSON)
                .body("{\"url\":\"https://hooks.example.com/debrief\",\"description\":\"ATS\","
                        + "\"outcomes\":[\"HIRE\",\"NO_HIRE\"],\"levels\":[\"SENIOR\"]}")
                .post("/api/subscriptions")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .extract().jsonPath();
        String id = created.getString("id");
        String secret = created.getString("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(created.getString("url")).isEqualTo("https://hooks.example.com/debrief");
        assertThat(created.getString("description")).isEqualTo("ATS");
        assertThat(created.getList("outcomes")).containsExactly("HIRE", "NO_HIRE");
        assertThat(created.getList("levels")).containsExactly("SENIOR");
        assertThat(created.getString("createdAt")).isNotBlank();

        Api.asRecruiter().get("/api/subscriptions/{id}", id).then().statusCode(200)
                .body("id", is(id))
                .body("url", is("https://hooks.example.com/debrief"))
                .body("$", not(hasKey("secret")));
        String list = Api.asRecruiter().get("/api/subscriptions").then().statusCode(200)
                .body("id", hasItem(id))
                .extract().asString();
        assertThat(list).doesNotContain(secret).doesNotContain("secret");
    }

    @Test
    void creationAnswersWithTheLocationOfTheNewSubscription() {
        var response = Api.asRecruiter().contentType(ContentType.JSON).body("{\"url\":\"http://127.0.0.1:9/x\"}")
                .post("/api/subscriptions");
        response.then().statusCode(201).body("outcomes", is(java.util.List.of())).body("secret", notNullValue());
        String id = response.jsonPath().getString("id");
        assertThat(response.header("Location")).endsWith("/api/subscriptions/" + id);
    }

    @Test
    void eachSubscriptionGetsItsOwnSecret() {
        String first = create("{\"url\":\"https://a.example.com/\"}").getString("secret");
        String second = create("{\"url\":\"https://a.example.com/\"}").getString("secret");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void deletedSubscriptionIsGoneAndDeletingItAgainIsNotFound() {
        String id = create("{\"url\":\"https://b.example.com/hook\"}").getString("id");

        Api.asRecruiter().delete("/api/subscriptions/{id}", id).then().statusCode(204);
        Api.asRecruiter().get("/api/subscriptions/{id}", id).then().statusCode(404).contentType(PROBLEM);
        Api.asRecruiter().delete("/api/subscriptions/{id}", id).then().statusCode(404).contentType(PROBLEM)
                .body("status", is(404)).body("title", notNullValue()).body("detail", notNullValue());
        Api.asRecruiter().get("/api/subscriptions/{id}/deliveries", id).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void unknownOrMalformedIdIsNotFound() {
        Api.asRecruiter().get("/api/subscriptions/{id}", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        Api.asRecruiter().get("/api/subscriptions/{id}", "not-a-uuid").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void unknownOutcomeIsABadRequestNamingTheField() {
        rejected("{\"url\":\"https://c.example.com/\",\"outcomes\":[\"HIRE\",\"MAYBE\"]}")
                .body("status", is(400))
                .body("violations[0].field", is("outcomes[1]"))
                .body("violations[0].message", is("must be one of HIRE, NO_HIRE, INSUFFICIENT_EVIDENCE"));
    }

    @Test
    void unknownLevelIsABadRequestNamingTheField() {
        rejected("{\"url\":\"https://c.example.com/\",\"levels\":[\"PRINCIPAL\"]}")
                .body("violations[0].field", is("levels[0]"));
    }

    @Test
    void urlThatCannotReceiveWebhooksIsABadRequest() {
        for (String url : new String[] { "ftp://d.example.com/", "https://user:pass@d.example.com/", "not a url",
                "https://d.example.com/" + "x".repeat(2000), "" }) {
            rejected(java.util.Map.of("url", url)).body("violations.field", hasItem("url"));
        }
    }

    @Test
    void missingUrlIsABadRequest() {
        rejected("{\"description\":\"no url\"}").body("violations.field", hasItem("url"));
    }

    @Test
    void malformedJsonWrongTypeAndEmptyBodyAreBadRequests() {
        rejected("{\"url\":").body("status", is(400));
        rejected("{\"url\":\"https://e.example.com/\",\"outcomes\":\"HIRE\"}").body("violations[0].field", is("outcomes"));
        rejected("");
    }

    @Test
    void bodyThatIsNotJsonIsUnsupported() {
        Api.asRecruiter().contentType(ContentType.TEXT).body("url=https://f.example.com/").post("/api/subscriptions")
                .then().statusCode(415).contentType(PROBLEM);
    }

    /** POSTs a subscription that must be refused as a bad request with a problem. */
    private static ValidatableResponse rejected(String body) {
        return Api.asRecruiter().contentType(ContentType.JSON).body(body).post("/api/subscriptions")
                .then().statusCode(400).contentType(PROBLEM);
    }

    private static ValidatableResponse rejected(java.util.Map<String, ?> body) {
        return Api.asRecruiter().contentType(ContentType.JSON).body(body).post("/api/subscriptions")
                .then().statusCode(400).contentType(PROBLEM);
    }

    private static JsonPath create(String body) {
        return Api.asRecruiter().contentType(ContentType.JSON).body(body).post("/api/subscriptions")
                .then().statusCode(201).extract().jsonPath();
    }
}
