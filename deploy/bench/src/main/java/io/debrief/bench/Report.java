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

    /**
     * One figure. {@code target} and {@code ceiling} may be null; {@code higherIsBetter} says how a target is met.
     * {@code tolerance}: the fraction of the target a figure may fall short by and still meet it (a rate measured over
     * a step ends with the last answer's own latency, so a service that keeps up exactly reads a hair under the
     * offered rate). {@code ceiling}: what this machine does without the service ({@code ceilingName} says what);
     * for a latency it is a floor, and the ratio says how many times it the service took. {@code goal}: the
     * issue's target this row checks, if any.
     */
    public record Row(String scenario, String metric, double value, String unit, Double target, double tolerance,
                      boolean higherIsBetter, Double ceiling, String ceilingName, String goal, String note) {

        /** A figure with neither target nor ceiling. */
        public Row(String scenario, String metric, double value, String unit, boolean higherIsBetter, String note) {
            this(scenario, metric, value, unit, null, 0, higherIsBetter, null, null, null, note);
        }

        public Row withCeiling(Double ceiling, String ceilingName) {
            return new Row(scenario, metric, value, unit, target, tolerance, higherIsBetter, ceiling, ceiling == null ? null : ceilingName,
                    goal, note);
        }

        public Row withTarget(String goal, double target, double tolerance) {
            return new Row(scenario, metric, value, unit, target, tolerance, higherIsBetter, ceiling, ceilingName, goal, note);
        }

        public Boolean met() {
            if (target == null) {
                return null;
            }
            return higherIsBetter ? value >= target * (1 - tolerance) : value <= target * (1 + tolerance);
        }

        public Double ratioToCeiling() {
            return ceiling == null || ceiling == 0 ? null : value / ceiling;
        }

        /** Of a ceiling as a percentage (throughput), or as a multiple of a floor (latency). */
        public String ratio() {
            Double ratio = ratioToCeiling();
            if (ratio == null) {
                return "";
            }
            return higherIsBetter ? String.format(Locale.ROOT, "%.0f%%", 100 * ratio) : String.format(Locale.ROOT, "%.1f×", ratio);
        }
    }

    /** One of the issue's targets, as the report checks it: every row that measures it must meet it. */
    public record Goal(String name, String scenario) {
    }

    private final Instant startedAt = Instant.now();
    private final List<Row> rows = new ArrayList<>();
    private final List<Goal> goals = new ArrayList<>();
    private final Map<String, String> sections = new LinkedHashMap<>();

    public void add(Row row) {
        rows.add(row);
        System.out.println(format(row));
    }

    public void measured(String scenario, String metric, double value, String unit) {
        add(new Row(scenario, metric, value, unit, true, null));
    }

    /** A target of the issue that this run sets out to check; one with no row is reported as not measured. */
    public void expect(Goal goal) {
        goals.add(goal);
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

    /** One line per checked figure: the issue's target, what was measured, its ceiling, met or missed. */
    public record Verdict(String goal, String figure, String target, String measured, String ceiling, String status) {
    }

    /**
     * For each target of the issue, in the order expected: every row that checks it, met or missed; or a single
     * "not measured" line when the run has no figure for it (its scenario was left out or failed).
     */
    public List<Verdict> verdicts() {
        List<Verdict> verdicts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        goals.forEach(goal -> names.add(goal.name()));
        rows.stream().map(Row::goal).filter(g -> g != null && !names.contains(g)).distinct().forEach(names::add);
        for (String name : names) {
            List<Row> checking = rows.stream().filter(r -> name.equals(r.goal()) && r.target() != null).toList();
            if (checking.isEmpty()) {
                verdicts.add(new Verdict(name, "", "", "", "", "NOT MEASURED"));
                continue;
            }
            for (Row row : checking) {
                verdicts.add(new Verdict(name, row.scenario() + " " + row.metric(),
                        (row.higherIsBetter() ? "≥ " : "≤ ") + number(row.target()) + " " + row.unit(),
                        number(row.value()) + " " + row.unit(),
                        row.ceiling() == null ? "" : (row.higherIsBetter() ? "ceiling " : "floor ") + number(row.ceiling()) + " "
                                + row.unit() + ", " + row.ceilingName() + " (" + row.ratio() + ")",
                        row.met() ? "MET" : "MISSED"));
            }
        }
        return verdicts;
    }

    /** Prints the verdicts: target, measured, ceiling, met or missed. */
    public void printVerdicts() {
        System.out.println("\nTargets (issues 8 and 15):");
        for (Verdict v : verdicts()) {
            System.out.println(String.format(Locale.ROOT, "%-12s %-60s %-48s target %-16s measured %-18s %s", v.status(), v.goal(),
                    v.figure(), v.target(), v.measured(), v.ceiling()));
        }
    }

    static String format(Row row) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-26s %-34s %12s %-9s", row.scenario(), row.metric(),
                number(row.value()), row.unit()));
        if (row.target() != null) {
            line.append(String.format(Locale.ROOT, " target %s%s %-6s", row.higherIsBetter() ? "≥" : "≤", number(row.target()),
                    row.met() ? "MET" : "MISSED"));
        }
        if (row.ceiling() != null) {
            line.append(String.format(Locale.ROOT, " %s %s %s, %s (%s)", row.higherIsBetter() ? "ceiling" : "floor",
                    number(row.ceiling()), row.unit(), row.ceilingName(), row.ratio()));
        }
        if (row.note() != null) {
            line.append("  ").append(row.note());
        }
        return line.toString();
    }

    /** 50 -> "p50", 99.9 -> "p99.9". */
    static String percentile(double percentile) {
        return "p" + (percentile == Math.rint(percentile) ? String.valueOf((long) percentile) : String.valueOf(percentile));
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
        json.put("targets", verdicts());
        json.put("rows", rows);
        json.put("sections", sections);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path jsonFile = resultsDir.resolve("bench-" + stamp + ".json");
        mapper.writeValue(jsonFile.toFile(), json);
        String md = markdown(machine);
        Files.writeString(resultsDir.resolve("bench-" + stamp + ".md"), md);
        Files.writeString(resultsDir.resolve("latest.md"), md);
        return jsonFile;
    }

    String markdown(Map<String, Object> machine) {
        StringBuilder md = new StringBuilder("# Debrief benchmark, ").append(startedAt).append("\n\n");
        md.append("Machine: ").append(machine.get("cores")).append(" cores, ").append(machine.get("memoryGiB"))
                .append(" GiB, ").append(machine.get("cpu")).append(", Java ").append(machine.get("java")).append("\n\n");
        md.append("## Targets (issues 8 and 15)\n\n| target | figure | required | measured | ceiling or floor (ratio) | met |\n|---|---|---:|---:|---|---|\n");
        for (Verdict v : verdicts()) {
            md.append("| ").append(v.goal()).append(" | ").append(v.figure()).append(" | ").append(v.target()).append(" | ")
                    .append(v.measured()).append(" | ").append(v.ceiling()).append(" | ")
                    .append(switch (v.status()) {
                        case "MET" -> "yes";
                        case "MISSED" -> "**no**";
                        default -> "not measured";
                    }).append(" |\n");
        }
        md.append("\n## All figures\n\nA ceiling is what this machine does without the service; for a latency it is a floor, "
                + "and the ratio is how many times the floor the service took.\n\n");
        md.append("| scenario | metric | value | unit | target | met | ceiling or floor | ratio | note |\n");
        md.append("|---|---|---:|---|---:|---|---|---:|---|\n");
        for (Row row : rows) {
            md.append("| ").append(row.scenario()).append(" | ").append(row.metric()).append(" | ").append(number(row.value()))
                    .append(" | ").append(row.unit()).append(" | ")
                    .append(row.target() == null ? "" : (row.higherIsBetter() ? "≥ " : "≤ ") + number(row.target())).append(" | ")
                    .append(row.met() == null ? "" : row.met() ? "yes" : "**no**").append(" | ")
                    .append(row.ceiling() == null ? "" : number(row.ceiling()) + " " + row.unit() + ", " + row.ceilingName()).append(" | ")
                    .append(row.ratio())
                    .append(" | ").append(row.note() == null ? "" : row.note()).append(" |\n");
        }
        sections.forEach((title, text) -> md.append("\n## ").append(title).append("\n\n").append(text).append("\n"));
        return md.toString();
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
