package io.debrief.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The packages' arrows (STYLE.md): api -> usecase -> domain/store/events/webhooks, nothing imports back, no cycle;
 * observability (meters) may be used from every layer and uses none.
 * Read from the main sources' imports (fully qualified references in code would escape it; we use none).
 */
class PackageDependenciesTest {

    private static final Path MAIN = Path.of("src/main/java/io/debrief/notification");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.debrief\\.notification\\.([a-z]+)\\.",
            Pattern.MULTILINE);

    /** What each package may import; everything else is an arrow pointing the wrong way. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "api", Set.of("usecase", "domain", "observability"),
            "usecase", Set.of("domain", "store", "events", "webhooks", "observability"),
            "events", Set.of("domain", "observability"),
            "store", Set.of("domain", "observability"),
            "webhooks", Set.of("domain", "observability"),
            "observability", Set.of("domain"),
            "domain", Set.of());

    @Test
    void everyPackageImportsOnlyThePackagesBelowIt() throws IOException {
        Map<String, Set<String>> imports = imports();

        assertThat(imports.keySet()).as("packages (a new one needs its place here)").isSubsetOf(ALLOWED.keySet())
                .contains("api", "usecase", "domain", "store", "events", "webhooks");
        imports.forEach((from, to) -> assertThat(to).as("packages imported by " + from)
                .isSubsetOf(ALLOWED.get(from)));
    }

    @Test
    void noPackageReachesItselfThroughItsImports() throws IOException {
        Map<String, Set<String>> imports = imports();

        for (String start : imports.keySet()) {
            Set<String> reached = new TreeSet<>();
            Deque<String> todo = new ArrayDeque<>(imports.get(start));
            while (!todo.isEmpty()) {
                String next = todo.pop();
                if (reached.add(next)) {
                    todo.addAll(imports.getOrDefault(next, Set.of()));
                }
            }
            assertThat(reached).as("packages reachable from " + start).doesNotContain(start);
        }
    }

    @Test
    void domainUsesNoFrameworkTypes() throws IOException {
        try (Stream<Path> files = Files.list(MAIN.resolve("domain"))) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file)).as(file.toString())
                        .doesNotContain("import io.quarkus", "import io.smallrye", "import io.vertx", "import jakarta",
                                "import com.fasterxml", "import org.apache.kafka", "import org.eclipse");
            }
        }
    }

    /** package -> the other packages of the service its main sources import. */
    private static Map<String, Set<String>> imports() throws IOException {
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String from = MAIN.relativize(file.getParent()).toString();
                Set<String> to = imports.computeIfAbsent(from, p -> new TreeSet<>());
                Matcher matcher = IMPORT.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!matcher.group(1).equals(from)) {
                        to.add(matcher.group(1));
                    }
                }
            }
        }
        return imports;
    }
}
