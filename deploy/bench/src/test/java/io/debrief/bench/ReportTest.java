package io.debrief.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ReportTest {

    private static final String INGEST = "ingest goal";

    @Test
    void aTargetWithoutAnyFigureIsReportedAsNotMeasuredRatherThanLeftOut() {
        Report report = new Report();
        report.expect(new Report.Goal("replay goal", "replay"));
        assertThat(report.verdicts()).singleElement().satisfies(v -> {
            assertThat(v.goal()).isEqualTo("replay goal");
            assertThat(v.status()).isEqualTo("NOT MEASURED");
        });
        assertThat(report.markdown(Map.of())).contains("| replay goal |").contains("not measured");
    }

    @Test
    void everyRowCheckingATargetGetsItsOwnVerdictWithMeasuredAndCeiling() {
        Report report = new Report();
        report.expect(new Report.Goal(INGEST, "ingest"));
        report.add(new Report.Row("ingest @2000/s", "achieved", 1995, "req/s", true, null)
                .withCeiling(2000.0, "load generator → no-op @2000/s").withTarget(INGEST, 2000, 0.005));
        report.add(new Report.Row("ingest @2000/s", "HTTP p99", 80, "ms", false, null)
                .withCeiling(4.0, "load generator → no-op @2000/s").withTarget(INGEST, 50, 0));
        assertThat(report.verdicts()).extracting(Report.Verdict::figure, Report.Verdict::measured, Report.Verdict::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ingest @2000/s achieved", "1,995 req/s", "MET"),
                        org.assertj.core.groups.Tuple.tuple("ingest @2000/s HTTP p99", "80 ms", "MISSED"));
        assertThat(report.verdicts().get(0).ceiling()).isEqualTo("ceiling 2,000 req/s, load generator → no-op @2000/s (100%)");
        assertThat(report.verdicts().get(1).ceiling()).isEqualTo("floor 4 ms, load generator → no-op @2000/s (20.0×)");
    }

    @Test
    void aRateMeetsItsTargetOnlyWithinTheStatedTolerance() {
        Report.Row row = new Report.Row("ingest", "achieved", 1989, "req/s", true, null);
        assertThat(row.withTarget(INGEST, 2000, 0.005).met()).isFalse();
        assertThat(row.withTarget(INGEST, 2000, 0.01).met()).isTrue();
        assertThat(row.withTarget(INGEST, 2000, 0).met()).isFalse();
        assertThat(row.met()).isNull();
    }

    @Test
    void aLatencyIsShownAsAMultipleOfItsFloorAndARateAsAShareOfItsCeiling() {
        assertThat(new Report.Row("s", "p99", 30, "ms", false, null).withCeiling(3.0, "floor").ratio()).isEqualTo("10.0×");
        assertThat(new Report.Row("s", "rate", 500, "req/s", true, null).withCeiling(2000.0, "ceiling").ratio()).isEqualTo("25%");
        assertThat(new Report.Row("s", "rate", 500, "req/s", true, null).ratio()).isEmpty();
        assertThat(Report.format(new Report.Row("s", "p99", 30, "ms", false, null).withCeiling(3.0, "no-op")))
                .contains("floor 3 ms, no-op (10.0×)");
        assertThat(Report.percentile(99.9)).isEqualTo("p99.9");
        assertThat(Report.percentile(50)).isEqualTo("p50");
    }

    @Test
    void theMarkdownOpensWithTheTargetsTable() {
        Report report = new Report();
        report.expect(new Report.Goal(INGEST, "ingest"));
        report.add(new Report.Row("ingest @2000/s", "HTTP p99", 12.5, "ms", false, null).withTarget(INGEST, 50, 0));
        String md = report.markdown(Map.of("cores", 2));
        assertThat(md.indexOf("## Targets (issues 8 and 15)")).isLessThan(md.indexOf("## All figures"));
        assertThat(md).contains("| " + INGEST + " | ingest @2000/s HTTP p99 | ≤ 50 ms | 12.50 ms |  | yes |");
    }
}
