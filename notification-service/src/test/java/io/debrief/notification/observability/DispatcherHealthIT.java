package io.debrief.notification.observability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The running dispatcher reports in readiness ("webhook dispatcher", UP). */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class DispatcherHealthIT {

    @Test
    void theDispatcherIsAReadinessCheckAndUpWhileItClaims() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.name", hasItem("webhook dispatcher"))
                .body("checks.find { it.name == 'webhook dispatcher' }.status", is("UP"));
    }
}
