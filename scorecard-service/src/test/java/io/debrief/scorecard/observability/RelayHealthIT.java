package io.debrief.scorecard.observability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The running relay reports in readiness ("outbox relay", UP). */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scorecard"))
class RelayHealthIT {

    @Test
    void theRelayIsAReadinessCheckAndUpWhileItRelays() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.name", hasItem("outbox relay"))
                .body("checks.find { it.name == 'outbox relay' }.status", is("UP"));
    }
}
