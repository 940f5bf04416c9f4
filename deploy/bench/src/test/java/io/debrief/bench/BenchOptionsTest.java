package io.debrief.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void theDefaultsAreTheIssues() {
        Bench.Options options = Bench.Options.parse(new String[0]);
        assertThat(options.rates()).containsExactly(250, 500, 1000, 2000, 4000);
        assertThat(options.stepSeconds()).isEqualTo(30);
        assertThat(options.latencyRate()).isEqualTo(1000);
        assertThat(options.replayEvents()).isEqualTo(1_000_000);
        assertThat(options.outboxRows()).isEqualTo(100_000);
        assertThat(options.connections()).isEqualTo(LoadClient.DEFAULT_CONNECTIONS);
        assertThat(options.only()).containsExactlyElementsOf(Bench.Options.SCENARIOS);
        assertThat(options.interviewers()).isEqualTo(10_000);
        assertThat(options.interviewerLoops()).isEqualTo(1_000_000);
        assertThat(options.statisticsRuns()).isEqualTo(2);
    }

    @Test
    void issue15sScenariosAreChosenByName() {
        Bench.Options options = Bench.Options.parse(new String[] {"--only", "interviewers,replay-statistics", "--interviewers", "500",
                "--interviewer-loops", "2000", "--interviewers-rate", "4", "--statistics-runs", "3"});
        assertThat(options.only()).containsExactly("interviewers", "replay-statistics");
        assertThat(options.interviewers()).isEqualTo(500);
        assertThat(options.interviewerLoops()).isEqualTo(2000);
        assertThat(options.interviewersRate()).isEqualTo(4);
        assertThat(options.statisticsRuns()).isEqualTo(3);
        assertThatThrownBy(() -> Bench.Options.parse(new String[] {"--interviewers", "3"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--interviewers");
    }

    @Test
    void issue13sOverloadProbesTheCapacityUnlessItIsGiven() {
        Bench.Options probed = Bench.Options.parse(new String[] {"--only", "overload"});
        assertThat(probed.only()).containsExactly("overload");
        assertThat(probed.overloadProbeRate()).isEqualTo(3000);
        assertThat(probed.capacity()).isZero();
        Bench.Options given = Bench.Options.parse(new String[] {"--only", "overload", "--capacity", "900",
                "--overload-probe-rate", "5000"});
        assertThat(given.capacity()).isEqualTo(900);
        assertThat(given.overloadProbeRate()).isEqualTo(5000);
        assertThatThrownBy(() -> Bench.Options.parse(new String[] {"--capacity", "-1"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--capacity");
    }

    @Test
    void issue17sTracingReplaysABacklogOfItsOwnSizeSmallerWithQuick() {
        Bench.Options options = Bench.Options.parse(new String[] {"--only", "tracing"});
        assertThat(options.only()).containsExactly(TracingOverhead.SCENARIO);
        assertThat(options.tracingReplayEvents()).isEqualTo(100_000);
        assertThat(options.statisticsRuns()).isEqualTo(2);
        assertThat(Bench.Options.parse(new String[] {"--quick"}).tracingReplayEvents()).isLessThan(100_000);
        Bench.Options given = Bench.Options.parse(new String[] {"--quick", "--only", "tracing", "--tracing-replay-events", "25000",
                "--statistics-runs", "3"});
        assertThat(given.tracingReplayEvents()).isEqualTo(25_000);
        assertThat(given.statisticsRuns()).isEqualTo(3);
        assertThat(given.replayEvents()).isEqualTo(Bench.Options.parse(new String[] {"--quick"}).replayEvents());
        assertThatThrownBy(() -> Bench.Options.parse(new String[] {"--tracing-replay-events", "4"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--tracing-replay-events");
    }

    @Test
    void quickIsASmokeRunThatExplicitOptionsStillOverride() {
        Bench.Options quick = Bench.Options.parse(new String[] {"--quick"});
        assertThat(quick.stepSeconds()).isLessThan(30);
        assertThat(quick.replayEvents()).isLessThan(1_000_000);
        assertThat(quick.outboxRows()).isLessThan(100_000);
        Bench.Options shortened = Bench.Options.parse(new String[] {"--quick", "--rates", "100,200", "--replay-events", "5000",
                "--only", "ingest,replay", "--connections", "16"});
        assertThat(shortened.rates()).containsExactly(100, 200);
        assertThat(shortened.replayEvents()).isEqualTo(5000);
        assertThat(shortened.only()).containsExactly("ingest", "replay");
        assertThat(shortened.connections()).isEqualTo(16);
    }

    @Test
    void anUnknownScenarioIsRefusedInsteadOfSilentlyRunningNothing() {
        assertThatThrownBy(() -> Bench.Options.parse(new String[] {"--only", "ingset"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ingset");
    }

    @Test
    void theGeneratorIsMeasuredAtEveryIngestRateAndAtTheLatencyRate() {
        Bench.Options options = Bench.Options.parse(new String[] {"--rates", "2000,250", "--latency-rate", "700"});
        assertThat(Ceilings.generatorRates(options)).isEqualTo(List.of(250, 700, 2000));
    }
}
