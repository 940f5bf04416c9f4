package io.debrief.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The PromQL of this module's checked-in rule files ({@code rules/*.rules.yml}) and dashboards
 * ({@code dashboards/*.json}), read the way Prometheus and Grafana read them, from the module's folder: for this
 * module's tests and for the system test, which checks the names they select against real scrapes.
 */
public final class PromQlSources {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    private final Path rules;
    private final Path dashboards;

    private PromQlSources(Path module) {
        this.rules = module.resolve("rules");
        this.dashboards = module.resolve("dashboards");
    }

    /** The sources in {@code module}, the folder deploy/observability. */
    public static PromQlSources in(Path module) {
        return new PromQlSources(module);
    }

    static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    public Path rulesDir() {
        return rules;
    }

    public Path dashboardsDir() {
        return dashboards;
    }

    /** Every rule ({@code record} or {@code alert}) of every *.rules.yml: "file name" -> expression. */
    public Map<String, String> rules() throws IOException {
        Map<String, String> found = new LinkedHashMap<>();
        for (Path file : files(rules, ".rules.yml")) {
            for (JsonNode group : YAML.readTree(file.toFile()).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    String name = rule.has("record") ? rule.path("record").asText() : rule.path("alert").asText();
                    found.put(file.getFileName() + " " + name, rule.path("expr").asText());
                }
            }
        }
        return found;
    }

    /** The names the recording rules define. */
    public List<String> recorded() throws IOException {
        List<String> recorded = new ArrayList<>();
        for (Path file : files(rules, ".rules.yml")) {
            for (JsonNode group : YAML.readTree(file.toFile()).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    if (rule.has("record")) {
                        recorded.add(rule.path("record").asText());
                    }
                }
            }
        }
        return recorded;
    }

    /** Every query of every dashboard panel: "dashboard / panel #n" -> expression. */
    public Map<String, String> dashboardQueries() throws IOException {
        Map<String, String> queries = new LinkedHashMap<>();
        for (Path file : files(dashboards, ".json")) {
            collect(file.getFileName().toString(), JSON.readTree(file.toFile()).path("panels"), queries);
        }
        return queries;
    }

    private static void collect(String dashboard, JsonNode panels, Map<String, String> queries) {
        for (JsonNode panel : panels) {
            int n = 0;
            for (JsonNode target : panel.path("targets")) {
                queries.put(dashboard + " / " + panel.path("title").asText() + " #" + (++n), target.path("expr").asText());
            }
            collect(dashboard, panel.path("panels"), queries);
        }
    }

    /** The series the promtool tests feed (their metric names must be real too) and the expressions they query. */
    public Map<String, String> testExpressions() throws IOException {
        Map<String, String> expressions = new LinkedHashMap<>();
        for (Path file : files(rules, ".test.yml")) {
            int n = 0;
            for (JsonNode test : YAML.readTree(file.toFile()).path("tests")) {
                for (JsonNode series : test.path("input_series")) {
                    expressions.put(file.getFileName() + " series " + (++n), series.path("series").asText());
                }
                for (JsonNode query : test.path("promql_expr_test")) {
                    expressions.put(file.getFileName() + " query " + (++n), query.path("expr").asText());
                }
            }
        }
        return expressions;
    }
}
