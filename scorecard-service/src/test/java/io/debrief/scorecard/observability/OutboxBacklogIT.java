package io.debrief.scorecard.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The outbox gauges are polled from the start by the platform's {@code GaugePolling}: both are scraped with a number
 * read from {@code outbox_event} (not NaN, which would mean the query failed).
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scorecard"))
class OutboxBacklogIT {

    @Test
    void backlogAndOldestAgeAreScrapedWithValuesReadFromTheOutbox() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scraped = given().get("/q/metrics").then().statusCode(200).extract().asString();
            for (String gauge : new String[] {"debrief_outbox_backlog_rows", "debrief_outbox_oldest_age_seconds"}) {
                Matcher value = Pattern.compile("(?m)^" + gauge + "(?:\\{[^}]*})? (\\S+)$").matcher(scraped);
                assertThat(value.find()).as(gauge + " scraped").isTrue();
                assertThat(Double.parseDouble(value.group(1))).as(gauge).isNotNaN().isGreaterThanOrEqualTo(0);
            }
        });
    }
}
