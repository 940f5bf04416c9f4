package io.debrief.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * STYLE.md's arrows, checked over the imports of the main sources: api -> usecase -> domain/store/events, no package
 * importing a package that imports it back (no cycle of any length), domain free of framework types, store free of
 * Kafka, events free of SQL.
 */
class PackageDependenciesTest {

    private static final String ROOT = "io.debrief.calibration";
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.[\\w*]+;", Pattern.MULTILINE);

    @Test
    void noPackageImportsAPackageThatImportsItBack() throws IOException {
        Map<String, Set<String>> graph = graph();
        assertThat(graph).containsKeys(ROOT + ".api", ROOT + ".usecase", ROOT + ".domain", ROOT + ".store",
                ROOT + ".events");
        List<String> cycles = new ArrayList<>();
        for (String start : graph.keySet()) {
            cycle(graph, start, start, new ArrayList<>(List.of(start)), cycles);
        }
        assertThat(cycles).as("package cycles").isEmpty();
    }

    @Test
    void theArrowsPointOneWay() throws IOException {
        Map<String, Set<String>> graph = graph();
        assertThat(graph.get(ROOT + ".domain")).as("domain imports").isEmpty();
        assertThat(graph.get(ROOT + ".store")).as("store imports").containsOnly(ROOT + ".domain");
        assertThat(graph.get(ROOT + ".events")).as("events imports").containsOnly(ROOT + ".domain");
        assertThat(graph.get(ROOT + ".usecase")).as("usecase imports")
                .doesNotContain(ROOT + ".api");
    }

    @Test
    void theDomainIsPlainJavaTheStoreSpeaksSqlAndTheEventsKafka() throws IOException {
        for (Path file : sources("domain")) {
            assertThat(imports(file)).as(file.toString()).allMatch(i -> i.startsWith("java.") || i.startsWith(ROOT));
        }
        for (Path file : sources("store")) {
            assertThat(imports(file)).as(file.toString()).noneMatch(i -> i.contains("kafka") || i.contains("messaging"));
        }
        for (Path file : sources("events")) {
            assertThat(imports(file)).as(file.toString()).noneMatch(i -> i.contains("sqlclient") || i.contains("pgclient"));
        }
    }

    private static void cycle(Map<String, Set<String>> graph, String start, String at, List<String> path,
                              List<String> cycles) {
        for (String next : graph.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                cycles.add(String.join(" -> ", path) + " -> " + start);
            } else if (!path.contains(next) && next.compareTo(start) > 0) {
                path.add(next);
                cycle(graph, start, next, path, cycles);
                path.remove(path.size() - 1);
            }
        }
    }

    /** package -> the other packages of this service it imports. */
    static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (Path file : sources("")) {
            String pkg = packageOf(file);
            Set<String> targets = graph.computeIfAbsent(pkg, p -> new TreeSet<>());
            for (String imported : imports(file)) {
                if (imported.startsWith(ROOT) && !imported.equals(pkg)) {
                    targets.add(imported);
                }
            }
        }
        return graph;
    }

    private static List<Path> sources(String pkg) throws IOException {
        Path dir = Path.of("src/main/java/io/debrief/calibration", pkg);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> pkg.isEmpty() || f.getParent().equals(dir)).toList();
        }
    }

    private static String packageOf(Path file) throws IOException {
        Matcher m = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE).matcher(Files.readString(file));
        return m.find() ? m.group(1) : "";
    }

    /** The packages a file imports (a static import counts as its class's package). */
    private static Set<String> imports(Path file) throws IOException {
        Set<String> packages = new TreeSet<>();
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
            String name = m.group(1);
            // strip a class name (static imports, nested types): packages are lower case
            String[] parts = name.split("\\.");
            StringBuilder pkg = new StringBuilder();
            for (String part : parts) {
                if (Character.isUpperCase(part.charAt(0))) {
                    break;
                }
                pkg.append(pkg.length() == 0 ? "" : ".").append(part);
            }
            packages.add(pkg.toString());
        }
        return packages;
    }
}
