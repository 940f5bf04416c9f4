package io.debrief.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.debrief.chaos.check.Findings;
import io.debrief.chaos.faults.FaultKind;

/**
 * The short run of the fault suite, part of {@code ./mvnw verify}: every fault kind once under the steady workload,
 * with durable commits; nothing acknowledged may be lost, duplicated, wrong or missing. The report is written to
 * {@code target/chaos-results/}.
 */
class ChaosShortIT {

    @Test
    void everyFaultKindOnceLosesNothingDuplicatesNothingAndDecidesExactly() throws Exception {
        Path root = Path.of(System.getProperty("debrief.root", "../..")).toAbsolutePath().normalize();
        Path target = root.resolve("deploy/chaos/target");
        ChaosSettings settings = ChaosSettings.shortRun(root, target.resolve("chaos-short"), target.resolve("chaos-results"));

        Report report = ChaosRun.execute(settings);
        Path written = report.write(settings.resultsDir());
        System.out.println(report.markdown());

        assertThat(report.faultsByKind()).as("faults injected (%s)", written).containsOnlyKeys(FaultKind.values());
        assertThat(report.history().ops()).as("the workload ran").hasSizeGreaterThan(50);
        for (Findings.Category category : Findings.Category.values()) {
            assertThat(report.findings().counts().get(category))
                    .as("%s: %s (report %s)", category, report.findings().examples().get(category), written)
                    .isZero();
        }
    }
}
