package io.debrief.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.SerializationFeature;

import io.debrief.chaos.check.Findings;
import io.debrief.chaos.cluster.Cluster;
import io.debrief.chaos.faults.Fault;
import io.debrief.chaos.faults.FaultKind;
import io.debrief.chaos.workload.History;
import io.debrief.chaos.workload.Http;
import io.debrief.chaos.workload.Op;

/** A run's figures, as Markdown for people and JSON for tools. */
public final class Report {

    /** One fault with the recovery measured after it (empty: no decision followed it before the run ended). */
    public record FaultResult(Fault fault, OptionalLong streamRecovery, OptionalLong webhookRecovery,
                              OptionalLong worstStreamLatency, OptionalLong worstWebhookLatency,
                              OptionalLong topicRecovery, OptionalLong worstTopicLatency) {
    }

    private final ChaosSettings settings;
    private final Instant began;
    private final Duration took;
    private final long startupMillis;
    private final long workloadMillis;
    private final long settleMillis;
    private final Map<String, String> durability;
    private final Cluster.ServiceSettings services;
    private final History history;
    private final List<FaultResult> faults;
    private final Findings findings;
    private final long webhookAttempts;
    private final long webhookRefused;
    private final long streamConnections;
    private final long scorecardEvents;
    private final long decisionsOnTopic;
    private final long decisionsExpected;

    Report(ChaosSettings settings, Instant began, Duration took, long startupMillis, long workloadMillis,
           long settleMillis, Map<String, String> durability, Cluster.ServiceSettings services, History history,
           List<FaultResult> faults, Findings findings, long webhookAttempts, long webhookRefused,
           long streamConnections, long scorecardEvents, long decisionsOnTopic, long decisionsExpected) {
        this.settings = settings;
        this.began = began;
        this.took = took;
        this.startupMillis = startupMillis;
        this.workloadMillis = workloadMillis;
        this.settleMillis = settleMillis;
        this.durability = durability;
        this.services = services;
        this.history = history;
        this.faults = faults;
        this.findings = findings;
        this.webhookAttempts = webhookAttempts;
        this.webhookRefused = webhookRefused;
        this.streamConnections = streamConnections;
        this.scorecardEvents = scorecardEvents;
        this.decisionsOnTopic = decisionsOnTopic;
        this.decisionsExpected = decisionsExpected;
    }

    public Findings findings() {
        return findings;
    }

    public List<FaultResult> faults() {
        return faults;
    }

    public History history() {
        return history;
    }

    public boolean passed() {
        return findings.total() == 0;
    }

    public Duration took() {
        return took;
    }

    public Map<FaultKind, Integer> faultsByKind() {
        Map<FaultKind, Integer> counts = new EnumMap<>(FaultKind.class);
        faults.forEach(f -> counts.merge(f.fault().kind(), 1, Integer::sum));
        return counts;
    }

    /** Operations by kind and outcome. */
    public Map<String, Map<String, Long>> operations() {
        Map<String, Map<String, Long>> table = new LinkedHashMap<>();
        for (Op.Kind kind : Op.Kind.values()) {
            Map<String, Long> row = new LinkedHashMap<>();
            for (Op.Status status : Op.Status.values()) {
                row.put(status.name(), history.ops().stream().filter(o -> o.kind() == kind && o.status() == status).count());
            }
            table.put(kind.name(), row);
        }
        return table;
    }

    private Map<String, Object> recoveryByKind() {
        Map<String, Object> byKind = new LinkedHashMap<>();
        for (FaultKind kind : FaultKind.values()) {
            List<FaultResult> of = faults.stream().filter(f -> f.fault().kind() == kind).toList();
            if (of.isEmpty()) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("faults", of.size());
            row.put("downMillis", stats(of.stream().map(f -> OptionalLong.of(f.fault().downMillis())).toList()));
            row.put("streamRecoveryMillis", stats(of.stream().map(FaultResult::streamRecovery).toList()));
            row.put("webhookRecoveryMillis", stats(of.stream().map(FaultResult::webhookRecovery).toList()));
            row.put("worstStreamLatencyMillis", stats(of.stream().map(FaultResult::worstStreamLatency).toList()));
            row.put("worstWebhookLatencyMillis", stats(of.stream().map(FaultResult::worstWebhookLatency).toList()));
            row.put("topicRecoveryMillis", stats(of.stream().map(FaultResult::topicRecovery).toList()));
            row.put("worstTopicLatencyMillis", stats(of.stream().map(FaultResult::worstTopicLatency).toList()));
            byKind.put(kind.label(), row);
        }
        return byKind;
    }

    private static Map<String, Object> stats(List<OptionalLong> values) {
        List<Long> present = values.stream().filter(OptionalLong::isPresent).map(OptionalLong::getAsLong).sorted().toList();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("measured", present.size());
        stats.put("median", present.isEmpty() ? null : present.get((present.size() - 1) / 2));
        stats.put("max", present.isEmpty() ? null : present.get(present.size() - 1));
        stats.put("all", present);
        return stats;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", settings.name());
        json.put("verdict", passed() ? "PASS" : "FAIL");
        json.put("began", began.toString());
        json.put("tookSeconds", took.toSeconds());
        json.put("startupMillis", startupMillis);
        json.put("workloadMillis", workloadMillis);
        json.put("settleMillis", settleMillis);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("duration", settings.duration().toString());
        s.put("minimumRounds", settings.minimumRounds());
        s.put("faultKinds", settings.faults().stream().map(FaultKind::label).toList());
        s.put("pause", settings.pause().toString());
        s.put("outage", settings.outage().toString());
        s.put("seed", settings.seed());
        s.put("synchronousCommit", settings.synchronousCommit());
        s.put("effectiveSynchronousCommit", durability);
        s.put("serviceConfig", settings.serviceConfig().name());
        s.put("serviceSystemProperties", services.systemProperties());
        s.put("serviceEnvironment", services.environment());
        s.put("instances", settings.instances());
        s.put("clients", settings.clients());
        s.put("webhookFailureRate", settings.webhookFailureRate());
        json.put("settings", s);
        json.put("operations", operations());
        json.put("operationsTotal", history.ops().size());
        json.put("loops", history.loops().size());
        json.put("scorecardEventsOnTopic", scorecardEvents);
        json.put("decisionsExpected", decisionsExpected);
        json.put("decisionsOnTopic", decisionsOnTopic);
        json.put("webhookAttempts", webhookAttempts);
        json.put("webhookAttemptsRefusedOnPurpose", webhookRefused);
        json.put("streamConnections", streamConnections);
        Map<String, Integer> byKind = new LinkedHashMap<>();
        faultsByKind().forEach((kind, count) -> byKind.put(kind.label(), count));
        json.put("faultsByKind", byKind);
        List<Map<String, Object>> list = new ArrayList<>();
        for (FaultResult f : faults) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", f.fault().kind().label());
            row.put("target", f.fault().target());
            row.put("startedAtMillis", f.fault().startedAt());
            row.put("downMillis", f.fault().downMillis());
            row.put("note", f.fault().note());
            row.put("streamRecoveryMillis", f.streamRecovery().isPresent() ? f.streamRecovery().getAsLong() : null);
            row.put("webhookRecoveryMillis", f.webhookRecovery().isPresent() ? f.webhookRecovery().getAsLong() : null);
            row.put("worstStreamLatencyMillis", f.worstStreamLatency().isPresent() ? f.worstStreamLatency().getAsLong() : null);
            row.put("worstWebhookLatencyMillis", f.worstWebhookLatency().isPresent() ? f.worstWebhookLatency().getAsLong() : null);
            row.put("topicRecoveryMillis", f.topicRecovery().isPresent() ? f.topicRecovery().getAsLong() : null);
            row.put("worstTopicLatencyMillis", f.worstTopicLatency().isPresent() ? f.worstTopicLatency().getAsLong() : null);
            list.add(row);
        }
        json.put("faults", list);
        json.put("recoveryByKind", recoveryByKind());
        Map<String, Object> counts = new LinkedHashMap<>();
        findings.counts().forEach((category, count) -> counts.put(category.name(), count));
        json.put("counts", counts);
        Map<String, Object> examples = new LinkedHashMap<>();
        findings.examples().forEach((category, items) -> examples.put(category.name(), items));
        json.put("examples", examples);
        json.put("notes", findings.notes());
        return json;
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        Map<String, Object> json = toMap();
        md.append("# Fault suite: ").append(settings.name()).append(" run, ")
                .append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(began))
                .append(" — ").append(passed() ? "PASS" : "FAIL").append("\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| took | ").append(took.toSeconds()).append(" s (start-up ").append(startupMillis / 1000)
                .append(" s, workload under faults ").append(workloadMillis / 1000).append(" s, settling ")
                .append(settleMillis / 1000).append(" s) |\n");
        md.append("| PostgreSQL | synchronous_commit=").append(settings.synchronousCommit()).append(" (sessions: ")
                .append(durability).append(") |\n");
        md.append("| services | ").append(settings.instances()).append(", consumer settings ")
                .append(settings.serviceConfig().name()).append(" |\n");
        md.append("| workload | ").append(settings.clients()).append(" clients, ").append(history.loops().size())
                .append(" loops, ").append(history.ops().size()).append(" writes; webhook receiver refuses ")
                .append((int) (settings.webhookFailureRate() * 100)).append(" % of attempts |\n");
        md.append("| seed | ").append(settings.seed()).append(" |\n\n");

        md.append("## Counts\n\n| LOST | DUPLICATED | WRONG | MISSING |\n|---:|---:|---:|---:|\n|");
        Map<Findings.Category, Integer> counts = findings.counts();
        for (Findings.Category category : Findings.Category.values()) {
            md.append(' ').append(counts.get(category)).append(" |");
        }
        md.append("\n\n");
        findings.examples().forEach((category, items) -> {
            if (!items.isEmpty()) {
                md.append("**").append(category).append("** (first ").append(items.size()).append("):\n\n");
                items.forEach(item -> md.append("- ").append(item).append('\n'));
                md.append('\n');
            }
        });

        md.append("## Operations\n\n| write | OK | FAILED (4xx) | INDETERMINATE |\n|---|---:|---:|---:|\n");
        operations().forEach((kind, row) -> md.append("| ").append(kind).append(" | ").append(row.get("OK")).append(" | ")
                .append(row.get("FAILED")).append(" | ").append(row.get("INDETERMINATE")).append(" |\n"));
        md.append("\nDecisions: ").append(decisionsExpected).append(" expected by the reference, ").append(decisionsOnTopic)
                .append(" distinct on hiring-decisions. scorecard-events: ").append(scorecardEvents)
                .append(" records. Webhook attempts: ").append(webhookAttempts).append(" (").append(webhookRefused)
                .append(" refused with 500 on purpose). Stream connections: ").append(streamConnections).append(".\n\n");
        if (!findings.notes().isEmpty()) {
            findings.notes().forEach((what, amount) -> md.append("- ").append(what).append(": ").append(amount).append('\n'));
            md.append('\n');
        }

        md.append("## Faults\n\n| kind | count | down (median / max) | recovery to the stream (median / max) | recovery to the webhook (median / max) | worst decision latency during the fault, stream / webhook (max) | recovery to hiring-decisions (median / max) | worst latency to hiring-decisions (max) |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> byKind = (Map<String, Map<String, Object>>) (Map<?, ?>) recoveryByKind();
        byKind.forEach((kind, row) -> md.append("| ").append(kind).append(" | ").append(row.get("faults")).append(" | ")
                .append(pair(row.get("downMillis"))).append(" | ").append(pair(row.get("streamRecoveryMillis"))).append(" | ")
                .append(pair(row.get("webhookRecoveryMillis"))).append(" | ").append(max(row.get("worstStreamLatencyMillis")))
                .append(" / ").append(max(row.get("worstWebhookLatencyMillis"))).append(" | ")
                .append(pair(row.get("topicRecoveryMillis"))).append(" | ").append(max(row.get("worstTopicLatencyMillis")))
                .append(" |\n"));
        md.append("\nRecovery: from the fault's end (the restarted process ready, the broker or PostgreSQL accepting ")
                .append("connections, the paused process continued) until every decision whose write was acknowledged ")
                .append("before the end, and the first decision after it, reached the stream (resp. the catch-all ")
                .append("subscription's receiver). Worst decision latency: the longest any decision whose write was ")
                .append("acknowledged during the fault (from 2 s before it) took from that acknowledgement to the channel. The ")
                .append("hiring-decisions columns use the records' timestamps: what calibration-service (and the outbox relay ")
                .append("before it) took, before notification-service.\n\n");
        md.append("| # | kind | target | at (s) | down (ms) | recovery stream / webhook / topic (ms) | worst latency stream / webhook / topic (ms) | note |\n|---:|---|---|---:|---:|---:|---:|---|\n");
        int n = 1;
        for (FaultResult f : faults) {
            md.append("| ").append(n++).append(" | ").append(f.fault().kind().label()).append(" | ").append(f.fault().target())
                    .append(" | ").append(f.fault().startedAt() / 1000).append(" | ").append(f.fault().downMillis())
                    .append(" | ").append(opt(f.streamRecovery())).append(" / ").append(opt(f.webhookRecovery()))
                    .append(" / ").append(opt(f.topicRecovery()))
                    .append(" | ").append(opt(f.worstStreamLatency())).append(" / ").append(opt(f.worstWebhookLatency()))
                    .append(" / ").append(opt(f.worstTopicLatency()))
                    .append(" | ").append(f.fault().note()).append(" |\n");
        }
        md.append("\nSystem properties given to the services: `").append(new TreeMap<>(services.systemProperties()))
                .append("`\n");
        return md.toString();
    }

    private static String opt(OptionalLong value) {
        return value.isPresent() ? String.valueOf(value.getAsLong()) : "—";
    }

    @SuppressWarnings("unchecked")
    private static String pair(Object stats) {
        Map<String, Object> s = (Map<String, Object>) stats;
        return s.get("median") == null ? "—" : fmt(s.get("median")) + " / " + fmt(s.get("max"));
    }

    @SuppressWarnings("unchecked")
    private static String max(Object stats) {
        Object max = ((Map<String, Object>) stats).get("max");
        return max == null ? "—" : fmt(max);
    }

    private static String fmt(Object millis) {
        return String.format("%.1f s", ((Number) millis).longValue() / 1000.0);
    }

    /** Writes {@code <name>-<time>.md} and {@code .json} to the results folder; returns the Markdown file. */
    public Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        String stem = settings.name() + "-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(began);
        Path md = dir.resolve(stem + ".md");
        Files.writeString(md, markdown());
        Files.writeString(dir.resolve(stem + ".json"),
                Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toMap()));
        return md;
    }
}
