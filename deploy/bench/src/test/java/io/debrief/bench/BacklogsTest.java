package io.debrief.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class BacklogsTest {

    @Test
    void aComparisonSetsTheMeanRateOnAgainstTheMeanRateOff() {
        Backlogs.Comparison comparison = new Backlogs.Comparison(List.of(1_500.0, 1_300.0), List.of(1_200.0, 1_320.0));
        assertThat(comparison.meanOff()).isEqualTo(1_400.0);
        assertThat(comparison.meanOn()).isEqualTo(1_260.0);
        assertThat(comparison.percentOfOff()).isCloseTo(90.0, within(1e-9));
        assertThat(comparison.cost()).isCloseTo(10.0, within(1e-9));
        assertThat(comparison.bestOff()).isEqualTo(1_500.0);
        assertThat(comparison.bestOn()).isEqualTo(1_320.0);
        assertThat(comparison.bestCost()).isCloseTo(12.0, within(1e-9));
    }

    @Test
    void aComparisonGivesEachRunsOnAgainstTheSameRunsOff() {
        Backlogs.Comparison three = new Backlogs.Comparison(List.of(1_000.0, 2_000.0, 1_600.0), List.of(900.0, 1_700.0, 1_600.0));
        assertThat(three.pairwise()).isEqualTo("90, 85 and 100 %");
        assertThat(new Backlogs.Comparison(List.of(1_000.0), List.of(1_100.0)).pairwise()).isEqualTo("110 %");
    }

    @Test
    void onFasterThanOffIsANegativeCostNotAClampedOne() {
        Backlogs.Comparison comparison = new Backlogs.Comparison(List.of(1_000.0), List.of(1_100.0));
        assertThat(comparison.percentOfOff()).isCloseTo(110.0, within(1e-9));
        assertThat(comparison.cost()).isCloseTo(-10.0, within(1e-9));
    }

    @Test
    void aBacklogsLoopsAreItsEventsInFives() {
        assertThat(new Backlogs.Backlog("t", "1", 100_000, 50_000).loops()).isEqualTo(20_000);
        assertThat(new Backlogs.Backlog("t", "1", 12, 50_000).loops()).isEqualTo(2);
    }

    @Test
    void aTracedRecordsTraceparentIsASampledW3cTraceContext() {
        UUID trace = UUID.fromString("0af76519-16cd-43dd-8448-eb211c80319c");
        assertThat(Backlogs.traceparent(trace, 0xb7ad6b7169203331L)).isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertThat(Backlogs.traceparent(trace, -1L)).endsWith("-ffffffffffffffff-01");
        assertThat(Backlogs.traceparent(trace, 1L)).endsWith("-0000000000000001-01");
        // a parent id of all zeros is invalid: a consumer would ignore the context
        assertThat(Backlogs.traceparent(trace, 0L)).endsWith("-0000000000000001-01");
        assertThat(Backlogs.traceparent(UUID.randomUUID(), 42L)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }
}
