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
