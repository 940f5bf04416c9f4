package io.debrief.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.debrief.observability.ExportedMetrics;
import io.debrief.observability.PromQlSources;
import io.debrief.testsupport.DebriefSystem;
import org.junit.jupiter.api.Test;

/**
 * What an operator's Prometheus sees (issue 17), scraped from the three running services after a debrief went through
 * them: each service exports every metric deploy/observability/metrics.txt lists for it (the relay producer's Kafka
 * client metrics included), and every metric name the alert and recording rules and the dashboard select is one a
 * service really exports, a recording rule makes, or Prometheus makes itself ({@code up}). The rules' syntax and
 * behaviour are checked by promtool in deploy/observability's own tests.
 */
class ExportedMetricsIT {

    private final DebriefSystem system = RunningSystem.get();

    @Test
    void everyServiceExportsTheCataloguedMetricsAndTheRulesSelectOnlyExportedOnes() throws Exception {
        Recruiting recruiting = new Recruiting(system.scorecards(), system.tokens());
        String loopId = recruiting.openLoop("Le Van Metrics", "MID");
        recruiting.submit(loopId, "alice", Map.of("CONTAINERIZATION", 4, "ORCHESTRATION", 4, "CI_CD", 4, "ML_TOOLS", 3), "YES");
        recruiting.submit(loopId, "bob", Map.of("SYSTEM_DESIGN", 4, "MONITORING", 3, "PROBLEM_SOLVING", 3), "YES");
        recruiting.submit(loopId, "carol", Map.of("COMMUNICATION", 3), "STRONG_YES");
        // one /api request reaches each service (http_server_requests_* appears with the first one)
        await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(system.calibrations().baseUrl())
                .header("Authorization", recruiting.hiringManager()).get("/api/calibrations/" + loopId)
                .then().extract().statusCode() == 200);
        given().baseUri(system.notifications().baseUrl()).header("Authorization", recruiting.recruiter())
                .get("/api/decisions?loopId=" + loopId).then().statusCode(200);

        Map<String, String> services = new LinkedHashMap<>();
        services.put("scorecard-service", system.scorecards().baseUrl());
        services.put("calibration-service", system.calibrations().baseUrl());
        services.put("notification-service", system.notifications().baseUrl());
        PromQlSources sources = PromQlSources.in(Path.of(System.getProperty("debrief.root", "../.."))
                .resolve("deploy/observability"));

        // the Kafka clients' metrics appear once the clients connected; Micrometer looks for new ones every minute
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
            Map<String, Set<String>> missing = ExportedMetrics.missing(services, true);
            assertThat(missing).as(ExportedMetrics.describe(missing)).isEmpty();
            Map<String, Set<String>> unexported = ExportedMetrics.unexported(services, sources);
            assertThat(unexported).as("metric names in the rules and dashboards that no service exports").isEmpty();
        });
        assertThat(sources.rules()).as("the rules were read").hasSizeGreaterThan(10);
        assertThat(sources.dashboardQueries()).as("the dashboard's queries were read").hasSizeGreaterThan(20);
    }
}
