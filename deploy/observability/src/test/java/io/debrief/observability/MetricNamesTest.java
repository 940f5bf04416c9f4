package io.debrief.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** Every PromQL expression of the rules, their tests and the dashboard names only metrics of metrics.txt. */
class MetricNamesTest {

    private static final Set<String> SERVICES = Set.of("scorecard-service", "calibration-service", "notification-service");

    private final MetricCatalogue catalogue = MetricCatalogue.load();

    @Test
    void everyMetricTheRulesUseIsExportedOrRecorded() throws Exception {
        assertThat(unknown(Sources.rules())).as("names in *.rules.yml missing from metrics.txt").isEmpty();
    }

    @Test
    void everyMetricTheDashboardUsesIsExportedOrRecorded() throws Exception {
        Map<String, String> queries = Sources.dashboardQueries();
        assertThat(queries).hasSizeGreaterThan(20);
        assertThat(unknown(queries)).as("names in dashboards/*.json missing from metrics.txt").isEmpty();
    }

    @Test
    void thePromtoolTestsFeedAndQueryRealNamesOnly() throws Exception {
        assertThat(unknown(Sources.testExpressions())).as("names in *.test.yml missing from metrics.txt").isEmpty();
    }

    @Test
    void everyMetricOfOursIsOnTheDashboard() throws Exception {
        Set<String> used = new HashSet<>();
        Sources.dashboardQueries().values().forEach(expr -> used.addAll(PromQl.metricNames(expr)));
        Set<String> unseen = new TreeSet<>();
        for (MetricCatalogue.Entry entry : catalogue.entries()) {
            String base = entry.name().replaceAll("_(bucket|count|sum)$", "");
            boolean histogramSeen = used.stream().anyMatch(name -> name.startsWith(base + "_"));
            if (entry.source().equals("debrief") && !used.contains(entry.name()) && !histogramSeen) {
                unseen.add(entry.name());
            }
        }
        assertThat(unseen).as("debrief_ metrics no dashboard panel shows").isEmpty();
    }

    @Test
    void theCatalogueIsWellFormed() {
        Set<String> seen = new HashSet<>();
        for (MetricCatalogue.Entry entry : catalogue.entries()) {
            assertThat(SERVICES).as(entry.name()).containsAll(entry.services());
            assertThat(seen.add(entry.name() + " " + entry.source())).as("listed twice: " + entry.name()).isTrue();
            if (entry.source().equals("debrief")) {
                assertThat(entry.name()).as("one prefix for our meters").startsWith("debrief_");
            } else {
                assertThat(entry.name()).doesNotStartWith("debrief_");
            }
        }
        assertThat(catalogue.scrapedFrom("scorecard-service", false)).contains("debrief_outbox_oldest_age_seconds")
                .doesNotContain("up", "kafka_producer_record_send_total");
        assertThat(catalogue.scrapedFrom("scorecard-service", true)).contains("kafka_producer_record_send_total");
    }

    private Map<String, Set<String>> unknown(Map<String, String> expressions) throws Exception {
        Set<String> known = new HashSet<>(catalogue.names());
        known.addAll(Sources.recorded());
        Map<String, Set<String>> unknown = new LinkedHashMap<>();
        expressions.forEach((where, expression) -> {
            Set<String> names = new TreeSet<>(PromQl.metricNames(expression));
            assertThat(names).as("no metric at all in " + where + ": " + expression).isNotEmpty();
            names.removeAll(known);
            if (!names.isEmpty()) {
                unknown.put(where, names);
            }
        });
        return unknown;
    }

    @Test
    void theScannerSeesTheNamesOfARealRule() throws Exception {
        assertThat(PromQl.metricNames(Sources.rules().get("debrief.rules.yml debrief:http_unavailable:ratio5m")))
                .isEqualTo(new java.util.LinkedHashSet<>(List.of("debrief_http_unavailable_total",
                        "http_server_requests_seconds_count")));
    }
}
