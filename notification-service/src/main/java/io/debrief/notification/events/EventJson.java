package io.debrief.notification.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.debrief.notification.domain.EventType;
import io.debrief.notification.domain.IncomingEvent;

/**
 * Reads the events other than decisions as a tolerant reader (CONTRACT.md Part 2): only the fields that identify and
 * route an event are required; the data is kept as received (unknown fields included, numbers exact) and relayed as
 * the webhook's {@code data}. When a record carries no {@code ce_id}, the contract's id is built from the data.
 */
public final class EventJson {

    /** How event JSON is read and written here and in {@link DecisionJson}: numbers as exact decimals, written plain. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final int MAX_ID_LENGTH = 200;

    private EventJson() {
    }

    /**
     * @param ceId   the record's {@code ce_id}, or null
     * @param ceTime the record's {@code ce_time}, or null
     * @param now    when it is received: the time of an event that says none
     */
    public static IncomingEvent parse(EventType type, String ceId, String ceTime, String value, Instant now) {
        ObjectNode data = object(value);
        return switch (type) {
            case SCORECARD_OVERDUE -> {
                String loopId = id(data, "loopId");
                String interviewerId = id(data, "interviewerId");
                String id = ceId != null ? ceId
                        : loopId + ":" + interviewerId + ":overdue:" + data.path("reminder").asText("?");
                yield new IncomingEvent(id, type, loopId, interviewerId, write(data),
                        time(ceTime, data, "overdueSince", now));
            }
            case DECISION_FINALIZED -> {
                String loopId = id(data, "loopId");
                yield new IncomingEvent(ceId != null ? ceId : loopId + ":final", type, loopId, null, write(data),
                        time(ceTime, data, "decidedAt", now));
            }
            case CANDIDATE_ERASED -> {
                String candidateId = id(data, "candidateId");
                if (!data.path("loopIds").isArray()) {
                    throw new MalformedDecisionException("loopIds must be an array of loop ids");
                }
                yield new IncomingEvent(ceId != null ? ceId : candidateId + ":erased", type, null, null, write(data),
                        time(ceTime, data, "erasedAt", now));
            }
            case DECISION_MADE -> throw new IllegalArgumentException("decisions are read by DecisionJson");
        };
    }

    /** The stored data as the webhook's {@code data}: compact JSON, numbers as received. */
    public static String relay(String storedJson) {
        return write(read(storedJson));
    }

    /**
     * A stored final decision as the webhook's {@code data}, its {@code reason} the opened {@code reason} (null once
     * erased; the field stays).
     */
    public static String relayFinalized(String storedJson, String reason) {
        return write(finalDecision(storedJson, reason));
    }

    /** A stored final decision as relayed (see {@link #relayFinalized}), as a JSON tree. */
    public static JsonNode finalDecision(String storedJson, String reason) {
        JsonNode data = read(storedJson);
        if (data instanceof ObjectNode object && object.has("reason")) {
            object.put("reason", reason);
        }
        return data;
    }

    /** The {@code reason} of a stored final decision as it is stored: sealed, plain (old events) or null. */
    public static String reason(String storedJson) {
        JsonNode reason = read(storedJson).path("reason");
        return reason.isTextual() ? reason.asText() : null;
    }

    /** The loops of a stored erasure ({@code loopIds}); none when it names none. */
    public static List<String> loopIds(String storedJson) {
        List<String> loopIds = new ArrayList<>();
        read(storedJson).path("loopIds").forEach(loopId -> {
            if (loopId.isTextual() && !loopId.asText().isBlank()) {
                loopIds.add(loopId.asText());
            }
        });
        return loopIds;
    }

    /** The candidate of a stored erasure. */
    public static String candidateId(String storedJson) {
        return read(storedJson).path("candidateId").asText();
    }

    private static JsonNode read(String storedJson) {
        try {
            return MAPPER.readTree(storedJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event is not JSON");
        }
    }

    /**
     * The JSON object of a record's value, or a {@link MalformedDecisionException} naming only the position of the
     * fault: the parser's own message quotes the record's text, which may hold a candidate's name.
     */
    static ObjectNode object(String value) {
        if (value == null || value.isBlank()) {
            throw new MalformedDecisionException("empty record value");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(value);
        } catch (JsonProcessingException e) {
            throw new MalformedDecisionException(e.getLocation() == null ? "value is not JSON"
                    : "value is not JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")");
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new MalformedDecisionException("value is not a JSON object");
        }
        return object;
    }

    /** The non-blank text of at most 200 characters in {@code field}, or a {@link MalformedDecisionException}. */
    static String id(ObjectNode data, String field) {
        JsonNode id = data.get(field);
        if (id == null || !id.isTextual() || id.asText().isBlank() || id.asText().length() > MAX_ID_LENGTH) {
            throw new MalformedDecisionException(field + " must be a non-blank string of at most 200 characters");
        }
        return id.asText();
    }

    private static Instant time(String ceTime, ObjectNode data, String field, Instant now) {
        for (String candidate : new String[] { ceTime, data.path(field).isTextual() ? data.get(field).asText() : null }) {
            if (candidate != null) {
                try {
                    return Instant.parse(candidate);
                } catch (DateTimeParseException ignored) {
                    // the next candidate
                }
            }
        }
        return now;
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
