package io.debrief.chaos.check;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.debrief.chaos.check.Findings.Category;
import io.debrief.chaos.observe.StreamClient;
import io.debrief.chaos.observe.TopicLog;
import io.debrief.chaos.observe.WebhookReceiver;
import io.debrief.chaos.workload.Expected;
import io.debrief.chaos.workload.History;
import io.debrief.chaos.workload.Http;
import io.debrief.chaos.workload.LoopModel;
import io.debrief.chaos.workload.Op;

/**
 * The checks after the run, against what the clients were told (the history), what the API answers now, what is on
 * the topics, and what the webhook receiver and the stream client got.
 */
public final class Checker {

    /** A subscription the run created, with its filters (empty = all). */
    public record Subscription(String id, String name, Set<String> outcomes, Set<String> levels) {
        boolean matches(String outcome, String level) {
            return (outcomes.isEmpty() || outcomes.contains(outcome)) && (levels.isEmpty() || levels.contains(level));
        }
    }

    private final History history;
    private final Http http;
    private final String scorecardUrl;
    private final String calibrationUrl;
    private final String bearer;
    private final Findings findings = new Findings();

    public Checker(History history, Http http, String scorecardUrl, String calibrationUrl, String bearer) {
        this.history = history;
        this.http = http;
        this.scorecardUrl = scorecardUrl;
        this.calibrationUrl = calibrationUrl;
        this.bearer = bearer;
    }

    public Findings check(List<TopicLog.Entry> scorecardEvents, List<TopicLog.Entry> decisionEvents,
                          List<Subscription> subscriptions, WebhookReceiver webhooks, StreamClient stream)
            throws IOException, InterruptedException {
        Map<String, JsonNode> decisions = checkDecisionTopic(decisionEvents);
        Events events = index(scorecardEvents);
        for (LoopModel loop : history.loops()) {
            checkLoop(loop, events, decisions);
        }
        for (Op op : history.ops()) {
            if (op.status() == Op.Status.OK && op.ambiguousAttempts() > 0) {
                findings.note("acknowledged writes that needed a retry with the same key", 1);
            }
        }
        checkWebhooks(decisions, subscriptions, webhooks);
        checkStream(decisions, stream);
        return findings;
    }

    // ---- scorecard-events ----

    private record Events(Map<String, Set<String>> opened, Map<String, Set<String>> cancelled,
                          Map<String, Set<String>> submitted, Map<String, JsonNode> submittedData) {
    }

    private Events index(List<TopicLog.Entry> entries) {
        Map<String, String> byId = new HashMap<>();
        Map<String, Set<String>> opened = new HashMap<>();
        Map<String, Set<String>> cancelled = new HashMap<>();
        Map<String, Set<String>> submitted = new HashMap<>();
        Map<String, JsonNode> data = new HashMap<>();
        for (TopicLog.Entry entry : entries) {
            String previous = byId.putIfAbsent(entry.ceId(), entry.value());
            if (previous != null) {
                if (!previous.equals(entry.value())) {
                    findings.add(Category.WRONG, "scorecard-events: ce_id " + entry.ceId() + " carries two different values");
                }
                continue; // a redelivery of the same event: deduped
            }
            JsonNode value = parse(entry.value());
            String loopId = value.path("loopId").asText();
            switch (String.valueOf(entry.ceType())) {
                case "hiring.loop.opened.v1" -> opened.computeIfAbsent(loopId, k -> new LinkedHashSet<>()).add(entry.ceId());
                case "hiring.loop.cancelled.v1" -> cancelled.computeIfAbsent(loopId, k -> new LinkedHashSet<>()).add(entry.ceId());
                case "hiring.scorecard.submitted.v1" -> {
                    String key = loopId + "/" + value.path("interviewerId").asText() + "/" + value.path("version").asInt();
                    submitted.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(entry.ceId());
                    data.put(key, value);
                }
                default -> {
                    // other types (overdue reminders, erasures) are not this workload's
                }
            }
        }
        return new Events(opened, cancelled, submitted, data);
    }

    // ---- one loop: its writes, their events, its decisions ----

    private void checkLoop(LoopModel loop, Events events, Map<String, JsonNode> decisions)
            throws IOException, InterruptedException {
        String loopId = loop.loopId();
        Http.Answer read = http.get(scorecardUrl + "/api/loops/" + loopId, bearer);
        List<Op> acked = loop.acknowledgedWrites();
        if (read.status() == 404) {
            for (Op op : acked) {
                findings.add(Category.LOST, op.kind() + " " + op.marker() + " of loop " + loopId + " (acknowledged "
                        + op.httpStatus() + " at " + op.completedAt() + " ms): the loop is not readable (404)");
            }
            return;
        }
        if (!read.ok()) {
            throw new IllegalStateException("GET loop " + loopId + " answered " + read.status());
        }
        JsonNode stored = read.body();
        Map<String, List<JsonNode>> versions = new HashMap<>();
        for (String interviewer : loop.panel()) {
            Http.Answer history = http.get(scorecardUrl + "/api/loops/" + loopId + "/scorecards/" + interviewer + "/versions", bearer);
            versions.put(interviewer, history.ok() ? list(history.body()) : List.of());
        }
        Set<String> knownVersions = new HashSet<>();
        versions.forEach((interviewer, list) -> list.forEach(v -> knownVersions.add(loopId + "/" + interviewer + "/" + v.path("version").asInt())));

        if (events.opened().getOrDefault(loopId, Set.of()).size() > 1) {
            findings.add(Category.DUPLICATED, "loop " + loopId + " opened " + events.opened().get(loopId).size() + " times on scorecard-events");
        }
        for (Op op : acked) {
            switch (op.kind()) {
                case OPEN -> {
                    if (events.opened().getOrDefault(loopId, Set.of()).isEmpty()) {
                        findings.add(Category.LOST, "OPEN " + op.marker() + ": loop " + loopId + " has no hiring.loop.opened.v1");
                    }
                    if (!stored.path("candidate").path("id").asText().equals("cand-" + op.marker())) {
                        findings.add(Category.WRONG, "loop " + loopId + " reads back with another candidate");
                    }
                }
                case CANCEL -> {
                    if (!"CANCELLED".equals(stored.path("status").asText())) {
                        findings.add(Category.LOST, "CANCEL " + op.marker() + " (acknowledged at " + op.completedAt()
                                + " ms): loop " + loopId + " is " + stored.path("status").asText());
                    }
                    int cancellations = events.cancelled().getOrDefault(loopId, Set.of()).size();
                    if (cancellations == 0) {
                        findings.add(Category.LOST, "CANCEL " + op.marker() + ": loop " + loopId + " has no hiring.loop.cancelled.v1");
                    } else if (cancellations > 1) {
                        findings.add(Category.DUPLICATED, "loop " + loopId + " cancelled " + cancellations + " times on scorecard-events");
                    }
                }
                case SUBMIT, AMEND -> checkScorecardWrite(loop, op, versions.get(op.interviewerId()), events);
            }
        }
        // what a refused write must not have left behind, and events of versions the API does not have
        for (Op op : history.ops()) {
            if (loopId.equals(op.loopId()) && op.status() == Op.Status.FAILED
                    && (op.kind() == Op.Kind.SUBMIT || op.kind() == Op.Kind.AMEND)
                    && versions.getOrDefault(op.interviewerId(), List.of()).stream().anyMatch(v -> carries(v, op))) {
                findings.add(Category.WRONG, op.kind() + " " + op.marker() + " was refused " + op.httpStatus() + " but is stored");
            }
        }
        for (String key : events.submitted().keySet()) {
            if (key.startsWith(loopId + "/") && !knownVersions.contains(key)) {
                findings.add(Category.WRONG, "scorecard-events has version " + key + " that scorecard-service does not store");
            }
        }
        checkDecisions(loop, decisions);
    }

    private void checkScorecardWrite(LoopModel loop, Op op, List<JsonNode> versions, Events events) {
        List<JsonNode> carrying = versions.stream().filter(v -> carries(v, op)).toList();
        String what = op.kind() + " " + op.marker() + " by " + op.interviewerId() + " in loop " + loop.loopId()
                + " (acknowledged " + op.httpStatus() + " at " + op.completedAt() + " ms)";
        if (carrying.isEmpty()) {
            findings.add(Category.LOST, what + ": no stored version carries it");
            return;
        }
        if (carrying.size() > 1) {
            if (op.kind() == Op.Kind.SUBMIT) {
                findings.add(Category.DUPLICATED, what + ": stored " + carrying.size() + " times");
            } else {
                // PUT has no Idempotency-Key in the contract: a retry after a lost answer amends again
                findings.note("amendments stored twice by a retried PUT (same content, the contract has no Idempotency-Key on PUT)", carrying.size() - 1);
            }
        }
        for (JsonNode version : carrying) {
            if (!version.path("scores").equals(Http.JSON.valueToTree(op.body().get("scores")))) {
                findings.add(Category.WRONG, what + ": stored with other scores");
            }
            String key = loop.loopId() + "/" + op.interviewerId() + "/" + version.path("version").asInt();
            int published = events.submitted().getOrDefault(key, Set.of()).size();
            if (published == 0) {
                findings.add(Category.LOST, what + ": version " + version.path("version").asInt() + " never reached scorecard-events");
            } else if (published > 1) {
                findings.add(Category.DUPLICATED, what + ": version " + version.path("version").asInt() + " is on scorecard-events " + published + " times");
            } else if (!events.submittedData().get(key).path("scores").equals(version.path("scores"))) {
                findings.add(Category.WRONG, what + ": the event's scores differ from the stored version's");
            }
        }
    }

    private static boolean carries(JsonNode version, Op op) {
        return op.marker().equals(version.path("notes").asText());
    }

    // ---- decisions ----

    /** hiring-decisions deduped by ce_id; a version made twice with different content is a duplicate. */
    private Map<String, JsonNode> checkDecisionTopic(List<TopicLog.Entry> entries) {
        Map<String, JsonNode> byId = new TreeMap<>();
        for (TopicLog.Entry entry : entries) {
            if (!"hiring.decision.made.v1".equals(entry.ceType())) {
                continue;
            }
            JsonNode value = parse(entry.value());
            JsonNode previous = byId.putIfAbsent(entry.ceId(), value);
            if (previous != null && !previous.equals(value)) {
                findings.add(Category.DUPLICATED, "decision " + entry.ceId() + " was made twice, differently (outcomes "
                        + previous.path("outcome").asText() + " and " + value.path("outcome").asText() + ")");
            }
        }
        return byId;
    }

    private void checkDecisions(LoopModel loop, Map<String, JsonNode> decisions) throws IOException, InterruptedException {
        String loopId = loop.loopId();
        Map<Integer, JsonNode> onTopic = new TreeMap<>();
        decisions.forEach((id, decision) -> {
            if (id.startsWith(loopId + ":")) {
                onTopic.put(decision.path("decisionVersion").asInt(), decision);
            }
        });
        int highest = onTopic.keySet().stream().mapToInt(i -> i).max().orElse(0);
        for (int v = 1; v < highest; v++) {
            if (!onTopic.containsKey(v)) {
                findings.add(Category.MISSING, "decision " + loopId + ":" + v + " is a gap: version " + highest + " exists");
            }
        }
        List<Expected> expected = loop.decisions();
        for (Expected decision : expected) {
            JsonNode actual = onTopic.get(decision.version());
            if (actual == null) {
                findings.add(Category.MISSING, "decision " + decision.id() + " (" + decision.evaluation().outcome()
                        + ", made by the write acknowledged at " + decision.causedAt() + " ms) is not on hiring-decisions");
            } else {
                compare(decision, actual);
            }
        }
        if (!loop.indeterminate() && highest > expected.size()) {
            findings.add(Category.WRONG, "loop " + loopId + " has decision versions up to " + highest
                    + " but its acknowledged writes make " + expected.size());
        }
        Http.Answer calibration = http.get(calibrationUrl + "/api/calibrations/" + loopId, bearer);
        if (!calibration.ok()) {
            findings.add(Category.WRONG, "calibration of loop " + loopId + " answers " + calibration.status());
            return;
        }
        JsonNode c = calibration.body();
        String status = loop.cancelled() ? "CANCELLED" : loop.complete() ? "DECIDED" : "PENDING";
        if (!loop.indeterminate() && !status.equals(c.path("status").asText())) {
            findings.add(Category.WRONG, "calibration of loop " + loopId + " is " + c.path("status").asText() + ", the writes make it " + status);
        }
        int version = c.path("decisionVersion").isNumber() ? c.path("decisionVersion").asInt() : 0;
        if (version != highest) {
            findings.add(Category.WRONG, "calibration of loop " + loopId + " is at decision version " + version
                    + " while hiring-decisions has " + highest);
        }
        if (!loop.indeterminate() && status.equals("DECIDED") && !expected.isEmpty()
                && !expected.get(expected.size() - 1).evaluation().outcome().equals(c.path("outcome").asText())) {
            findings.add(Category.WRONG, "calibration of loop " + loopId + " says " + c.path("outcome").asText()
                    + ", the reference " + expected.get(expected.size() - 1).evaluation().outcome());
        }
    }

    /** A decision against the reference's evaluation of the same version. */
    private void compare(Expected expected, JsonNode actual) {
        Reference.Evaluation e = expected.evaluation();
        List<String> differences = new ArrayList<>();
        same(differences, "outcome", e.outcome(), actual.path("outcome").asText());
        same(differences, "nearMiss", e.nearMiss(), actual.path("nearMiss").asBoolean());
        same(differences, "needsDiscussion", e.needsDiscussion(), actual.path("needsDiscussion").asBoolean());
        same(differences, "missingAreas", new HashSet<>(e.missingAreas()), texts(actual.path("missingAreas")));
        same(differences, "strengths", e.strengths(), texts(actual.path("strengths")));
        same(differences, "areasToImprove", e.areasToImprove(), texts(actual.path("areasToImprove")));
        Set<String> reasons = new HashSet<>();
        e.reasons().forEach(r -> reasons.add(r.reason() + "/" + Objects.toString(r.area(), "") + "/" + Objects.toString(r.flag(), "")));
        Set<String> actualReasons = new HashSet<>();
        for (JsonNode r : actual.path("discussionReasons")) {
            actualReasons.add(r.path("reason").asText() + "/" + r.path("area").asText("") + "/" + r.path("flag").asText(""));
        }
        same(differences, "discussionReasons", reasons, actualReasons);
        Map<String, String> checks = new TreeMap<>();
        e.checks().forEach(c -> checks.put(c.rule() + "/" + Objects.toString(c.area(), ""), c.passed() + " " + c.actual().display().stripTrailingZeros().toPlainString()));
        Map<String, String> actualChecks = new TreeMap<>();
        for (JsonNode c : actual.path("checks")) {
            actualChecks.put(c.path("rule").asText() + "/" + c.path("area").asText(""),
                    c.path("passed").asBoolean() + " " + new BigDecimal(c.path("actual").asText()).stripTrailingZeros().toPlainString());
        }
        same(differences, "checks", checks, actualChecks);
        if (e.average() != null) {
            same(differences, "average", e.average().display().stripTrailingZeros().toPlainString(),
                    actual.path("average").isNumber() ? actual.path("average").decimalValue().stripTrailingZeros().toPlainString() : "null");
        }
        if (!differences.isEmpty()) {
            findings.add(Category.WRONG, "decision " + expected.id() + " differs from the exact reference: " + String.join("; ", differences));
        }
    }

    private static void same(List<String> differences, String field, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            differences.add(field + " " + actual + " instead of " + expected);
        }
    }

    // ---- webhooks and stream ----

    private void checkWebhooks(Map<String, JsonNode> decisions, List<Subscription> subscriptions, WebhookReceiver webhooks) {
        webhooks.problems().forEach(problem -> findings.add(Category.WRONG, "webhook: " + problem));
        Set<String> due = new HashSet<>();
        for (JsonNode decision : decisions.values()) {
            String id = decision.path("loopId").asText() + ":" + decision.path("decisionVersion").asInt();
            for (Subscription subscription : subscriptions) {
                if (!subscription.matches(decision.path("outcome").asText(), decision.path("level").asText())) {
                    continue;
                }
                String webhookId = id + ":" + subscription.id();
                due.add(webhookId);
                WebhookReceiver.Received received = webhooks.received(webhookId);
                if (received == null) {
                    findings.add(Category.MISSING, "webhook " + webhookId + " (" + subscription.name() + ") never accepted");
                } else if (!received.decision().path("outcome").equals(decision.path("outcome"))
                        || !received.decision().path("decisionVersion").equals(decision.path("decisionVersion"))) {
                    findings.add(Category.WRONG, "webhook " + webhookId + " carried another decision than hiring-decisions");
                }
            }
        }
        webhooks.received().forEach((webhookId, received) -> {
            if (!due.contains(webhookId)) {
                findings.add(Category.WRONG, "webhook " + webhookId + " (" + received.subscription()
                        + ") is not a decision on hiring-decisions that matches the subscription");
            }
        });
        long redelivered = webhooks.received().values().stream().mapToLong(r -> r.accepted() - 1).sum();
        findings.note("webhook deliveries accepted again under the same webhook-id (deduped)", redelivered);
    }

    private void checkStream(Map<String, JsonNode> decisions, StreamClient stream) {
        for (Map.Entry<String, JsonNode> decision : decisions.entrySet()) {
            StreamClient.Arrival arrival = stream.arrival(decision.getKey());
            if (arrival == null) {
                findings.add(Category.MISSING, "decision " + decision.getKey() + " never reached the resumed stream");
            } else if (!arrival.decision().path("outcome").equals(decision.getValue().path("outcome"))) {
                findings.add(Category.WRONG, "the stream's " + decision.getKey() + " differs from hiring-decisions'");
            }
        }
        stream.arrivals().keySet().stream().filter(id -> !decisions.containsKey(id))
                .forEach(id -> findings.add(Category.WRONG, "the stream sent " + id + ", which is not on hiring-decisions"));
        findings.note("stream events received again after a reconnect (deduped)", stream.repeats().values().stream().mapToLong(Long::longValue).sum());
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> values = new ArrayList<>();
        if (array != null) {
            array.forEach(values::add);
        }
        return values;
    }

    private static JsonNode parse(String value) {
        try {
            return Http.JSON.readTree(value);
        } catch (IOException e) {
            return Http.JSON.createObjectNode();
        }
    }
}
