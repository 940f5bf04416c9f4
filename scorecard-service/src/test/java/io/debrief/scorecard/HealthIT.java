package io.debrief.scorecard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.debrief.stack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scorecard"))
class HealthIT {
    @Test
    void readyWithKafkaAndDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
    }
}
