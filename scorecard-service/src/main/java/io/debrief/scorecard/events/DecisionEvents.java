package io.debrief.scorecard.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.debrief.scorecard.domain.DecisionFacts;
import io.debrief.scorecard.domain.FinalDecisionFacts;

/**
 * Reads the two decision types of {@code hiring-decisions} (CONTRACT.md: {@code hiring.decision.made.v1},
 * {@code hiring.decision.finalized.v1}) as a tolerant reader: unknown fields are ignored, and only non-personal fields
 * are taken. What the audit keeps must be what it claims to be, so every name (outcome, rule, area, flag, reason) must
 * look like an enum name and every id like an id: a record that does not is a {@link MalformedDecision}.
 */
public final class DecisionEvents {

    public static final String DECISION_MADE = "hiring.decision.made.v1";
    public static final String DECISION_FINALIZED = "hiring.decision.finalized.v1";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> OUTCOMES = Set.of("HIRE", "NO_HIRE", "INSUFFICIENT_EVIDENCE");
    private static final Set<String> FINAL_OUTCOMES = Set.of("HIRE", "NO_HIRE");
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final int MAX_ID = 200;
    private static final String CALIBRATION = "calibration-service";

    private DecisionEvents() {
    }

    /** The record's CloudEvents type, or null without one. */
    public static String type(ConsumerRecord<String, String> record) {
        return header(record, "ce_type");
    }

    /** Whether the audit takes records of {@code type} (a record without a type is read as a computed decision). */
    public static boolean audited(String type) {
        return type == null || DECISION_MADE.equals(type) || DECISION_FINALIZED.equals(type);
    }

    /** The record as a {@link DecisionRecord}, or a {@link MalformedDecision} saying why not. */
    public static DecisionRecord read(ConsumerRecord<String, String> record) {
        JsonNode value = object(record.value());
        UUID loopId = uuid(value.get("loopId"));
        Instant decidedAt = time(value.get("decidedAt"), header(record, "ce_time"));
        if (DECISION_FINALIZED.equals(type(record))) {
            int version = version(value);
            FinalDecisionFacts facts = new FinalDecisionFacts(name(value.get("outcome"), FINAL_OUTCOMES, "outcome"),
                    version, optionalName(value.get("computedOutcome"), OUTCOMES, "computedOutcome"),
                    bool(value.get("override"), "override"));
            String by = id(value.get("decidedBy"), "decidedBy");
            return new DecisionRecord.Finalized(eventId(record, loopId + ":final"), loopId, by, decidedAt, facts);
        }
        int version = version(value);
        JsonNode average = value.get("average");
        if (average != null && !average.isNull() && !average.isNumber()) {
            throw new MalformedDecision("average must be a number or null");
        }
        DecisionFacts facts = new DecisionFacts(name(value.get("outcome"), OUTCOMES, "outcome"),
                average == null || average.isNull() ? null : average.decimalValue(), failedChecks(value.get("checks")),
                names(value.get("missingAreas"), "missingAreas"), bool(value.get("nearMiss"), "nearMiss"),
                bool(value.get("needsDiscussion"), "needsDiscussion"), reasons(value.get("discussionReasons")));
        return new DecisionRecord.Made(eventId(record, loopId + ":" + version), loopId, version, source(record),
                decidedAt, facts);
    }

    private static JsonNode object(String value) {
        if (value == null) {
            throw new MalformedDecision("the record has no value");
        }
        try {
            JsonNode node = MAPPER.readTree(value);
            if (node == null || !node.isObject()) {
                throw new MalformedDecision("the value is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedDecision("the value is not JSON");
        }
    }

    private static UUID uuid(JsonNode node) {
        try {
            return UUID.fromString(node == null || !node.isTextual() ? "" : node.asText());
        } catch (IllegalArgumentException e) {
            throw new MalformedDecision("loopId must be a loop's id (a UUID)");
        }
    }

    private static int version(JsonNode value) {
        JsonNode version = value.get("decisionVersion");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt() || version.asInt() < 1) {
            throw new MalformedDecision("decisionVersion must be an integer of at least 1");
        }
        return version.asInt();
    }

    /** {@code decidedAt}, else the record's {@code ce_time}: when the decision was made. */
    private static Instant time(JsonNode decidedAt, String ceTime) {
        String text = decidedAt != null && decidedAt.isTextual() ? decidedAt.asText() : ceTime;
        if (text == null) {
            throw new MalformedDecision("decidedAt is missing");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedDecision("decidedAt must be an RFC 3339 time");
        }
    }

    private static String name(JsonNode node, Set<String> allowed, String field) {
        String name = node != null && node.isTextual() ? node.asText() : null;
        if (name == null || !allowed.contains(name)) {
            throw new MalformedDecision(field + " must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return name;
    }

    private static String optionalName(JsonNode node, Set<String> allowed, String field) {
        return node == null || node.isNull() ? null : name(node, allowed, field);
    }

    private static boolean bool(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new MalformedDecision(field + " must be true or false");
        }
        return node.asBoolean();
    }

    /** A vocabulary word (a rule, area, flag or reason): never free text. */
    private static String word(JsonNode node, String field) {
        if (node == null || !node.isTextual() || !NAME.matcher(node.asText()).matches()) {
            throw new MalformedDecision(field + " must be an upper-case name");
        }
        return node.asText();
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        if (array == null || array.isNull()) {
            return names;
        }
        if (!array.isArray()) {
            throw new MalformedDecision(field + " must be a list");
        }
        array.forEach(item -> names.add(word(item, field)));
        return names;
    }

    /** The checks that failed, as {@code RULE} or {@code RULE:AREA}. */
    private static List<String> failedChecks(JsonNode checks) {
        List<String> failed = new ArrayList<>();
        if (checks == null || checks.isNull()) {
            return failed;
        }
        if (!checks.isArray()) {
            throw new MalformedDecision("checks must be a list");
        }
        for (JsonNode check : checks) {
            if (!check.isObject()) {
                throw new MalformedDecision("checks must be objects");
            }
            if (!bool(check.get("passed"), "checks[].passed")) {
                failed.add(qualified(check, "rule", "checks[].rule"));
            }
        }
        return failed;
    }

    /** Each reason as {@code REASON}, {@code REASON:AREA} or {@code REASON:FLAG}. */
    private static List<String> reasons(JsonNode reasons) {
        List<String> names = new ArrayList<>();
        if (reasons == null || reasons.isNull()) {
            return names;
        }
        if (!reasons.isArray()) {
            throw new MalformedDecision("discussionReasons must be a list");
        }
        for (JsonNode reason : reasons) {
            if (reason.isTextual()) {
                names.add(word(reason, "discussionReasons[]"));
            } else if (reason.isObject()) {
                names.add(qualified(reason, "reason", "discussionReasons[].reason"));
            } else {
                throw new MalformedDecision("discussionReasons must be objects");
            }
        }
        return names;
    }

    private static String qualified(JsonNode node, String nameField, String field) {
        StringBuilder text = new StringBuilder(word(node.get(nameField), field));
        for (String detail : List.of("area", "flag")) {
            JsonNode value = node.get(detail);
            if (value != null && !value.isNull()) {
                text.append(':').append(word(value, field.replace(nameField, detail)));
            }
        }
        return text.toString();
    }

    private static String id(JsonNode node, String field) {
        String id = node != null && node.isTextual() ? node.asText() : null;
        if (id == null || id.isBlank() || !plain(id)) {
            throw new MalformedDecision(field + " must be a user id of 1 to " + MAX_ID + " characters");
        }
        return id;
    }

    /** The record's {@code ce_id}; without one, the id CONTRACT.md gives the type. */
    private static String eventId(ConsumerRecord<String, String> record, String contractId) {
        String id = header(record, "ce_id");
        if (id == null) {
            return contractId;
        }
        if (id.isBlank() || !plain(id)) {
            throw new MalformedDecision("ce_id must be an id of 1 to " + MAX_ID + " characters");
        }
        return id;
    }

    /** Who computed a decision: its {@code ce_source} without the leading slash. */
    private static String source(ConsumerRecord<String, String> record) {
        String source = header(record, "ce_source");
        String name = source == null ? "" : source.startsWith("/") ? source.substring(1) : source;
        return name.isBlank() || !plain(name) ? CALIBRATION : name;
    }

    private static boolean plain(String id) {
        return id.length() <= MAX_ID && id.chars().noneMatch(Character::isISOControl);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
