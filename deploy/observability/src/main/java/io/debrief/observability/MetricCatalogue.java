package io.debrief.observability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The checked-in list of the metrics Debrief's services export ({@code deploy/observability/metrics.txt}, on the
 * class path as {@code observability/metrics.txt}): one line per metric name and source, with the services that
 * export it.
 */
public record MetricCatalogue(List<Entry> entries) {

    public static final String RESOURCE = "observability/metrics.txt";
    /** Where a metric comes from; {@code prometheus} ones ({@code up}) are made by Prometheus, never scraped. */
    public static final Set<String> SOURCES = Set.of("debrief", "quarkus", "relay", "prometheus");

    /** One line: a sample name as scraped, the services exporting it, and where it comes from. */
    public record Entry(String name, List<String> services, String source) {
    }

    /** The catalogue on the class path (this module's jar). */
    public static MetricCatalogue load() {
        InputStream in = MetricCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is not on the class path");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MetricCatalogue parse(Reader text) throws IOException {
        List<Entry> entries = new ArrayList<>();
        BufferedReader lines = new BufferedReader(text);
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            String[] columns = content.split("\\s+");
            if (columns.length != 3 || !SOURCES.contains(columns[2])) {
                throw new IllegalArgumentException("metrics.txt line " + number
                        + ": expected <name> <service,...> <" + String.join("|", SOURCES) + ">, was: " + line);
            }
            entries.add(new Entry(columns[0], List.of(columns[1].split(",")), columns[2]));
        }
        return new MetricCatalogue(List.copyOf(entries));
    }

    /** Every metric name listed, whatever its service. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        entries.forEach(entry -> names.add(entry.name()));
        return names;
    }

    /** The names {@code service}'s own {@code /q/metrics} must show, optionally without the relay's (before patch S4). */
    public Set<String> scrapedFrom(String service, boolean withRelay) {
        Set<String> names = new LinkedHashSet<>();
        for (Entry entry : entries) {
            if (entry.services().contains(service) && !entry.source().equals("prometheus")
                    && (withRelay || !entry.source().equals("relay"))) {
                names.add(entry.name());
            }
        }
        return names;
    }

    /** The services named anywhere in the catalogue. */
    public Set<String> services() {
        Set<String> services = new LinkedHashSet<>();
        entries.forEach(entry -> services.addAll(entry.services()));
        return services;
    }
}
