package io.debrief.calibration.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * platform's Admission is in front of this service's API: with no room at all, every /api request and stream is
 * answered 503 with Retry-After and a problem before anything else happens, and /q still answers (the limit's
 * counting itself is tested in platform's AdmissionTest and scorecard-service's ResilienceIT).
 */
@QuarkusTest
@TestProfile(LoadSheddingIT.NoRoom.class)
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "calibration"))
class LoadSheddingIT {

    public static class NoRoom implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("debrief.admission.max-in-flight", "0", "debrief.admission.max-streams", "0",
                    "debrief.admission.retry-after", "2s");
        }
    }

    @Test
    void pastCapacityTheApiAnswers503WithRetryAfterAndHealthStillAnswers() {
        for (String path : new String[] {"/api/calibrations", "/api/calibrations/stream"}) {
            given().get(path).then().statusCode(503).header("Retry-After", "2")
                    .contentType("application/problem+json").body("status", is(503))
                    .body("detail", containsString("at capacity"));
        }
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("debrief_admission_shed_total 1.0"))
                .body(containsString("debrief_admission_streams_shed_total 1.0"));
    }
}
