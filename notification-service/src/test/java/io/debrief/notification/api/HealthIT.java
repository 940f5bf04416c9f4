package io.debrief.notification.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class HealthIT {

    @Test
    void readyWithKafkaAndDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void servesPrometheusMetricsAndOpenApi() {
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
