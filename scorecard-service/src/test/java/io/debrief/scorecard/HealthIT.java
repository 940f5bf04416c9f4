package io.debrief.scorecard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.List;

import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scorecard"))
class HealthIT {
    @Test
    void readyWithKafkaAndDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        List<String> checks = given().get("/q/health/ready").jsonPath().getList("checks.name");
        assertThat(checks).anySatisfy(name -> assertThat(name).containsIgnoringCase("kafka"));
        assertThat(checks).anySatisfy(name -> assertThat(name).containsIgnoringCase("database"));
    }

    @Test
    void liveAndMetricsAreServed() {
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("debrief_outbox_relay_published_total", "debrief_outbox_relay_failed_total",
                "debrief_outbox_relay_failed_rounds_total");
    }
}
