package io.debrief.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code promtool check rules} and {@code promtool test rules} over rules/, and the dashboard's queries through
 * {@code promtool check rules} as well (their syntax). promtool comes with Debian's {@code prometheus} package
 * ({@code apt-get install -y prometheus}) or from {@code $PROMTOOL}. Without it the tests fail when {@code CI=true}
 * and are skipped, with the reason in the log, otherwise.
 */
class PromtoolTest {

    private static final Logger LOG = Logger.getLogger(PromtoolTest.class.getName());
    private static Path promtool;

    @BeforeAll
    static void findPromtool() {
        Optional<Path> found = locate();
        if (found.isEmpty()) {
            String reason = "promtool not found (PATH, $PROMTOOL): install it with `apt-get install -y prometheus`";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason + " -- CI=true, so the rules' tests may not be skipped");
            }
            LOG.warning("skipping the promtool tests: " + reason);
            Assumptions.abort(reason);
        }
        promtool = found.get();
    }

    @Test
    void everyRulesFileIsValid() throws Exception {
        List<String> command = new ArrayList<>(List.of("check", "rules"));
        Sources.files(Sources.RULES, ".rules.yml").forEach(f -> command.add(f.getFileName().toString()));
        assertThat(command).hasSizeGreaterThan(2);
        assertSucceeds(command, Sources.RULES);
    }

    @Test
    void everyRulesFileHasUnitTestsAndTheyPass() throws Exception {
        List<String> command = new ArrayList<>(List.of("test", "rules"));
        for (Path rules : Sources.files(Sources.RULES, ".rules.yml")) {
            Path tests = rules.resolveSibling(rules.getFileName().toString().replace(".rules.yml", ".test.yml"));
            assertThat(tests).as("unit tests of " + rules).exists();
            command.add(tests.getFileName().toString());
        }
        String output = assertSucceeds(command, Sources.RULES);
        assertThat(output).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void everyDashboardQueryIsValidPromQl() throws Exception {
        Map<String, String> queries = Sources.dashboardQueries();
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
        int n = 0;
        for (String query : queries.values()) {
            String expr = query.replace("$__rate_interval", "5m").replace("$__interval", "1m");
            rules.append("      - record: dashboard:query_").append(++n).append('\n')
                    .append("        expr: ").append(Sources.JSON.writeValueAsString(expr)).append('\n');
        }
        Path dir = Files.createDirectories(Path.of("target", "promtool"));
        Path file = dir.resolve("dashboard-queries.rules.yml");
        Files.writeString(file, rules.toString(), StandardCharsets.UTF_8);
        String output = assertSucceeds(List.of("check", "rules", file.getFileName().toString()), dir);
        assertThat(output).contains(queries.size() + " rules found");
    }

    private static String assertSucceeds(List<String> arguments, Path dir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(promtool.toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!exited) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within 60 s:\n" + output);
        }
        LOG.info(String.join(" ", command) + "\n" + output);
        assertThat(process.exitValue()).as(String.join(" ", command) + " in " + dir + ":\n" + output).isZero();
        return output;
    }

    private static Optional<Path> locate() {
        String configured = System.getenv("PROMTOOL");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
