package io.debrief.notification.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.debrief.notification.domain.DecisionFacts;
import io.debrief.notification.domain.IncomingDecision;
import io.debrief.notification.domain.DecisionSummary;

/**
 * Reads a Decision as a tolerant reader and writes it back for relaying. The JSON tree is kept as received (unknown
 * fields included, numbers as exact decimals, {@code candidate.name} sealed as it travels); only a {@code summary} is
 * added when upstream did not send one. The stored summary never names the candidate: the relayed one is built with
 * the name opened at the edge.
 */
public final class DecisionJson {

    /** The contract's field order; fields we do not know follow in the order received. */
    private static final List<String> FIELD_ORDER = List.of("loopId", "decisionVersion", "candidate", "position",
            "level", "outcome", "average", "areaScores", "checks", "missingAreas", "nearMiss", "needsDiscussion",
            "discussionReasons", "strengths", "areasToImprove", "decidedAt", "summary");

    private static final ObjectMapper MAPPER = EventJson.MAPPER;

    private DecisionJson() {
    }

    /** The decision in a hiring-decisions record, or a {@link MalformedDecisionException}. */
    public static IncomingDecision parse(String value) {
        ObjectNode decision = EventJson.object(value);
        String loopId = EventJson.id(decision, "loopId");
        JsonNode version = decision.get("decisionVersion");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt() || version.asInt() < 1) {
            throw new MalformedDecisionException("decisionVersion must be an integer of at least 1");
        }
        return new IncomingDecision(loopId, version.asInt(), text(decision, "outcome"),
                text(decision, "level"), write(decision), storedSummary(decision));
    }

    /** Upstream's summary, or ours without the candidate's name (the summary column must hold no personal text). */
    private static String storedSummary(ObjectNode decision) {
        String summary = text(decision, "summary");
        return summary == null || summary.isBlank() ? DecisionSummary.of(facts(decision).withCandidateName(null))
                : summary;
    }

    /** {@code candidate.name} of a stored decision as it is stored: sealed, plain (old events) or null. */
    public static String candidateName(String storedJson) {
        JsonNode name = read(storedJson).path("candidate").path("name");
        return name.isTextual() ? name.asText() : null;
    }

    /**
     * The Decision as relayed (webhooks, stream, REST): the stored JSON in contract order, {@code candidate.name} the
     * opened {@code name} (null once erased; the field stays), plus a summary, built with that name when upstream sent
     * none.
     */
    public static ObjectNode relay(String storedJson, String name) {
        ObjectNode stored = read(storedJson);
        if (stored.path("candidate") instanceof ObjectNode candidate && candidate.has("name")) {
            candidate.put("name", name);
        }
        ObjectNode ordered = MAPPER.createObjectNode();
        for (String field : FIELD_ORDER) {
            if (stored.has(field)) {
                ordered.set(field, stored.get(field));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = stored.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!ordered.has(field.getKey())) {
                ordered.set(field.getKey(), field.getValue());
            }
        }
        String upstream = text(stored, "summary");
        if (upstream == null || upstream.isBlank()) {
            ordered.put("summary", DecisionSummary.of(facts(stored)));
        }
        return ordered;
    }

    /**
     * A stored decision after its candidate's erasure: {@code candidate.name} null (sealed or plain), every decision
     * fact as it was; and the summary column that goes with it.
     */
    public static Erased erased(String storedJson) {
        ObjectNode stored = read(storedJson);
        if (stored.path("candidate") instanceof ObjectNode candidate && candidate.has("name")) {
            candidate.putNull("name");
        }
        return new Erased(write(stored), storedSummary(stored));
    }

    /** See {@link #erased}. Never shown: it is what replaces the personal text. */
    public record Erased(String json, String summary) {
    }

    /** The facts of a stored decision with the candidate's name as opened at the edge. */
    public static DecisionFacts facts(String storedJson, String name) {
        return facts(storedJson).withCandidateName(name);
    }

    private static ObjectNode read(String storedJson) {
        try {
            return (ObjectNode) MAPPER.readTree(storedJson);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("stored decision is not a JSON object");
        }
    }

    /** When the decision was made, if it says ({@code decidedAt}, RFC 3339). */
    public static Optional<Instant> decidedAt(ObjectNode decision) {
        JsonNode decidedAt = decision.get("decidedAt");
        if (decidedAt != null && decidedAt.isTextual()) {
            try {
                return Optional.of(Instant.parse(decidedAt.asText()));
            } catch (DateTimeParseException ignored) {
                // not a time: the caller falls back to when it was received
            }
        }
        return Optional.empty();
    }

    public static String write(JsonNode node) {
        return EventJson.write(node);
    }

    /** The facts of a stored decision's JSON (as {@link #parse} accepted it). */
    public static DecisionFacts facts(String storedJson) {
        try {
            return facts((ObjectNode) MAPPER.readTree(storedJson));
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("stored decision is not a JSON object");
        }
    }

    static DecisionFacts facts(ObjectNode decision) {
        JsonNode candidate = decision.path("candidate");
        JsonNode average = decision.get("average");
        return new DecisionFacts(
                candidate.isObject() ? text((ObjectNode) candidate, "name") : null,
                text(decision, "position"),
                text(decision, "level"),
                text(decision, "outcome"),
                average != null && average.isNumber() ? average.decimalValue() : null,
                texts(decision.get("strengths")),
                texts(decision.get("areasToImprove")),
                texts(decision.get("missingAreas")),
                decision.path("nearMiss").asBoolean(false),
                decision.path("needsDiscussion").asBoolean(false),
                reasons(decision.get("discussionReasons")));
    }

    private static List<String> reasons(JsonNode reasons) {
        List<String> phrased = new ArrayList<>();
        if (reasons == null || !reasons.isArray()) {
            return phrased;
        }
        for (JsonNode reason : reasons) {
            String name = reason.isTextual() ? reason.asText() : reason.path("reason").asText("");
            if (name.isBlank()) {
                continue;
            }
            StringBuilder text = new StringBuilder(DecisionSummary.area(name).toLowerCase(java.util.Locale.ROOT));
            if (reason.path("area").isTextual()) {
                text.append(" on ").append(DecisionSummary.area(reason.path("area").asText()));
            }
            if (reason.path("flag").isTextual()) {
                text.append(" (").append(reason.path("flag").asText()).append(')');
            }
            phrased.add(text.toString());
        }
        return phrased;
    }

    private static String text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(item -> {
                if (item.isTextual()) {
                    values.add(item.asText());
                }
            });
        }
        return values;
    }
}
