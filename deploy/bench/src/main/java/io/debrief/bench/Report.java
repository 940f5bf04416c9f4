package io.debrief.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The benchmark's figures, each beside its target and the machine's own ceiling; printed, and kept as JSON and Markdown. */
public final class Report {

    /** One figure. {@code target} and {@code ceiling} may be null; {@code higherIsBetter} says how a target is met. */
    public record Row(String scenario, String metric, double value, String unit, Double target, boolean higherIsBetter,
                      Double ceiling, String note) {

        public Boolean met() {
            if (target == null) {
                return null;
            }
            return higherIsBetter ? value >= target : value <= target;
        }

        public Double ratioToCeiling() {
            return ceiling == null || ceiling == 0 ? null : value / ceiling;
        }
    }

    private final Instant startedAt = Instant.now();
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, String> sections = new LinkedHashMap<>();

    public void add(Row row) {
        rows.add(row);
        System.out.println(format(row));
    }

    public void measured(String scenario, String metric, double value, String unit) {
        add(new Row(scenario, metric, value, unit, null, true, null, null));
    }

    /** A titled block of Markdown after the table, e.g. a profile. */
    public void section(String title, String markdown) {
        String unique = title;
        for (int n = 2; sections.containsKey(unique); n++) {
            unique = title + " #" + n; // a second instance of the same service keeps the first one's section
        }
        sections.put(unique, markdown);
        System.out.println("\n## " + unique + "\n" + markdown);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    private static String format(Row row) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-26s %-34s %12s %-9s", row.scenario(), row.metric(),
                number(row.value()), row.unit()));
        if (row.target() != null) {
            line.append(String.format(Locale.ROOT, " target %s%s %-4s", row.higherIsBetter() ? "≥" : "≤", number(row.target()),
                    row.met() ? "MET" : "MISSED"));
        }
        if (row.ceiling() != null) {
            line.append(String.format(Locale.ROOT, " ceiling %s (%.0f%%)", number(row.ceiling()), 100 * row.ratioToCeiling()));
        }
        if (row.note() != null) {
            line.append("  ").append(row.note());
        }
        return line.toString();
    }

    static String number(double value) {
        if (Math.abs(value) >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** Writes {@code results/bench-<time>.json} and {@code .md}, and {@code results/latest.md}. */
    public Path write(Path resultsDir) throws IOException {
        Files.createDirectories(resultsDir);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(startedAt);
        Map<String, Object> machine = machine();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("startedAt", startedAt.toString());
        json.put("machine", machine);
        json.put("rows", rows);
        json.put("sections", sections);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path jsonFile = resultsDir.resolve("bench-" + stamp + ".json");
        mapper.writeValue(jsonFile.toFile(), json);

        StringBuilder md = new StringBuilder("# Debrief benchmark, ").append(startedAt).append("\n\n");
        md.append("Machine: ").append(machine.get("cores")).append(" cores, ").append(machine.get("memoryGiB"))
                .append(" GiB, ").append(machine.get("cpu")).append(", Java ").append(machine.get("java")).append("\n\n");
        md.append("| scenario | metric | value | unit | target | met | ceiling | of ceiling | note |\n");
        md.append("|---|---|---:|---|---:|---|---:|---:|---|\n");
        for (Row row : rows) {
            md.append("| ").append(row.scenario()).append(" | ").append(row.metric()).append(" | ").append(number(row.value()))
                    .append(" | ").append(row.unit()).append(" | ")
                    .append(row.target() == null ? "" : (row.higherIsBetter() ? "≥ " : "≤ ") + number(row.target())).append(" | ")
                    .append(row.met() == null ? "" : row.met() ? "yes" : "**no**").append(" | ")
                    .append(row.ceiling() == null ? "" : number(row.ceiling())).append(" | ")
                    .append(row.ratioToCeiling() == null ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * row.ratioToCeiling()))
                    .append(" | ").append(row.note() == null ? "" : row.note()).append(" |\n");
        }
        sections.forEach((title, text) -> md.append("\n## ").append(title).append("\n\n").append(text).append("\n"));
        Files.writeString(resultsDir.resolve("bench-" + stamp + ".md"), md);
        Files.writeString(resultsDir.resolve("latest.md"), md);
        return jsonFile;
    }

    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memoryGiB", memoryGiB());
        machine.put("cpu", cpuModel());
        machine.put("java", System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return machine;
    }

    private static long memoryGiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("\\D", ""));
                    return Math.round(kib / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: leave it unknown
        }
        return -1;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
