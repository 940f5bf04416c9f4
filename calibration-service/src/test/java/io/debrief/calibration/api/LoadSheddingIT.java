package io.debrief.calibration.api;

import java.net.URI;

import org.junit.jupiter.api.Test;

import io.debrief.testsupport.LoadShedding;
import io.debrief.calibration.LoopKeyService;
import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** platform's Admission is in front of this service's API ({@link LoadShedding}: with no room, everything is shed). */
@QuarkusTest
@TestProfile(LoadShedding.NoRoom.class)
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "calibration"))
@WithTestResource(LoopKeyService.class)
class LoadSheddingIT {

    @TestHTTPResource("/")
    URI service;

    @Test
    void pastCapacityTheApiAnswers503WithRetryAfterAndHealthStillAnswers() throws Exception {
        LoadShedding.assertEverythingShed(service, "/api/calibrations", "/api/calibrations/stream");
    }
}
