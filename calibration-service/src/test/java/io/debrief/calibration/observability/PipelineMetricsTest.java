package io.debrief.calibration.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class PipelineMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PipelineMetrics metrics = new PipelineMetrics(registry);

    @Test
    void everyOutcomeTheLatencyAndTheDeadLettersExistAtZero() {
        for (String outcome : PipelineMetrics.OUTCOMES) {
            assertThat(registry.get("debrief.decisions").tag("outcome", outcome).counter().count()).isZero();
        }
        assertThat(registry.get("debrief.decision.latency").timer().count()).isZero();
        assertThat(registry.get("debrief.dead.letters").tag("topic", "scorecard-events").counter().count()).isZero();
    }

    @Test
    void aDecisionCountsByOutcomeAndItsLatencyFromTheEventTimeFallsInTheSloBuckets() {
        Instant submitted = Instant.parse("2026-12-01T09:00:00Z");
        metrics.decisionPublished("HIRE", submitted, submitted.plusMillis(80));
        metrics.decisionPublished("NO_HIRE", submitted, submitted.plusMillis(400));
        metrics.decisionPublished("NO_HIRE", submitted.plusSeconds(1), submitted); // a clock behind ours: 0
        assertThat(registry.get("debrief.decisions").tag("outcome", "NO_HIRE").counter().count()).isEqualTo(2);
        Timer latency = registry.get("debrief.decision.latency").timer();
        assertThat(latency.count()).isEqualTo(3);
        assertThat(latency.max(TimeUnit.MILLISECONDS)).isEqualTo(400);
        CountAtBucket[] buckets = latency.takeSnapshot().histogramCounts();
        assertThat(buckets).hasSize(PipelineMetrics.LATENCY_BUCKETS.length);
        assertThat(buckets[2].bucket(TimeUnit.MILLISECONDS)).isEqualTo(100);
        assertThat(buckets[2].count()).isEqualTo(2); // 0 ms and 80 ms are within 100 ms
    }
}
