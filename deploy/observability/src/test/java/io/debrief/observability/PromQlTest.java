package io.debrief.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void findsTheSelectedMetricsAndNothingElse() {
        assertThat(PromQl.metricNames("""
                histogram_quantile(0.99, sum by (le, job) (rate(debrief_decision_latency_seconds_bucket{job="x",le!="0.1"}[5m])))"""))
                .containsExactly("debrief_decision_latency_seconds_bucket");
        assertThat(PromQl.metricNames("sum(rate(a_total[5m] offset 1h)) by (job) / ignoring(route) group_left(x) b"))
                .containsExactly("a_total", "b");
        assertThat(PromQl.metricNames("max by (job) (x) > 30 and on(job) up == 0 or vector(1) unless bool y"))
                .containsExactly("x", "up", "y");
    }

    @Test
    void recordingRuleNamesAndNameMatchersCount() {
        assertThat(PromQl.metricNames("debrief:decision_latency_seconds:p99_5m > 0.1"))
                .containsExactly("debrief:decision_latency_seconds:p99_5m");
        assertThat(PromQl.metricNames("{__name__=\"debrief_loops\", status=\"PENDING\"}")).containsExactly("debrief_loops");
    }

    @Test
    void stringsDurationsNumbersAndGrafanaVariablesAreNotMetrics() {
        assertThat(PromQl.metricNames("label_replace(rate(m_total[$__rate_interval]), \"dst\", \"$1 sum\", \"src\", \"(.*)\") * 1e3 + 0x1f"))
                .containsExactly("m_total");
        assertThat(PromQl.metricNames("increase(c_total{job=~\"${service}\"}[1h:5m]) > 2.5")).containsExactly("c_total");
        assertThat(PromQl.metricNames("sum without (instance) (rate(q{a=\"}\"}[5m]))")).containsExactly("q");
    }
}
