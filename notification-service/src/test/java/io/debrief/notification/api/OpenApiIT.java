package io.debrief.notification.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The OpenAPI document and Swagger UI the contract requires: open, typed, every status documented. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class OpenApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void swaggerUiIsServedWithoutATokenAndIncludedInEveryBuild() {
        given().redirects().follow(true).get("/q/swagger-ui").then().statusCode(200);
        // the platform's shared setting reaches this service (a prod build includes Swagger UI too)
        assertThat(ConfigProvider.getConfig().getValue("quarkus.swagger-ui.always-include", Boolean.class)).isTrue();
    }

    @Test
    void creatingASubscriptionIsDocumentedAs201WithItsErrors() throws Exception {
        JsonNode post = document().at("/paths/~1api~1subscriptions/post/responses");

        assertThat(names(post)).contains("201", "400", "401", "403", "413", "415", "503").doesNotContain("200");
        assertThat(post.at("/201/content/application~1json/schema/$ref").asText())
                .endsWith("/SubscriptionCreated");
    }

    @Test
    void everyOperationDocumentsItsSuccessAndAccessStatuses() throws Exception {
        JsonNode paths = document().get("paths");
        Map<String, List<String>> expected = Map.of(
                "/api/subscriptions get", List.of("200", "401", "403"),
                "/api/subscriptions/{id} get", List.of("200", "401", "403", "404"),
                "/api/subscriptions/{id} delete", List.of("204", "401", "403", "404"),
                "/api/subscriptions/{id}/deliveries get", List.of("200", "401", "403", "404"),
                "/api/subscriptions/{id}/deliveries/{webhookId}/redeliver post", List.of("202", "404", "409"),
                "/api/decisions get", List.of("200", "401", "403"),
                "/api/decisions/stream get", List.of("200", "401", "403"),
                "/api/decisions/{loopId}/letter get", List.of("200", "400", "401", "403", "404", "503"));
        expected.forEach((operation, statuses) -> {
            String[] parts = operation.split(" ");
            assertThat(names(paths.path(parts[0]).path(parts[1]).path("responses"))).as(operation)
                    .containsAll(statuses);
        });
    }

    @Test
    void noSchemaIsAnUntypedJsonNode() throws Exception {
        JsonNode document = document();
        List<String> schemas = names(document.at("/components/schemas"));

        assertThat(schemas).contains("Decision", "SubscriptionCreated", "SubscriptionView", "DeliveryView", "Problem")
                .noneMatch(name -> name.contains("JsonNode") || name.contains("ObjectNode"));
        assertThat(document.toString()).doesNotContain("valueNode").doesNotContain("JsonNode");
        assertThat(document.at("/paths/~1api~1decisions/get/responses/200/content/application~1json/schema/items/$ref")
                .asText()).endsWith("/Decision");
        assertThat(names(document.at("/components/schemas/DecisionFinal/properties"))).containsExactlyInAnyOrder(
                "loopId", "outcome", "reason", "decisionVersion", "computedOutcome", "override", "decidedBy", "decidedAt");
        assertThat(document.at("/components/schemas/Decision/properties/finalDecision").isMissingNode()).isFalse();
    }

    private static JsonNode document() throws Exception {
        return JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
