package io.debrief.observability;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The module's checked-in rule files, their tests and the dashboards ({@link PromQlSources} of this folder). */
final class Sources {

    private static final PromQlSources HERE = PromQlSources.in(Path.of(""));
    static final Path RULES = HERE.rulesDir();
    static final Path DASHBOARDS = HERE.dashboardsDir();
    static final ObjectMapper YAML = PromQlSources.YAML;
    static final ObjectMapper JSON = PromQlSources.JSON;

    private Sources() {
    }

    static List<Path> files(Path dir, String suffix) throws IOException {
        return PromQlSources.files(dir, suffix);
    }

    static Map<String, String> rules() throws IOException {
        return HERE.rules();
    }

    static List<String> recorded() throws IOException {
        return HERE.recorded();
    }

    static Map<String, String> dashboardQueries() throws IOException {
        return HERE.dashboardQueries();
    }

    static Map<String, String> testExpressions() throws IOException {
        return HERE.testExpressions();
    }
}
