package io.debrief.calibration.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.debrief.calibration.domain.Area;
import io.debrief.calibration.domain.Level;
import io.debrief.calibration.domain.LoopEvent;
import io.debrief.calibration.domain.Recommendation;

/**
 * Reads a {@code scorecard-events} record: the type from the {@code ce_type} header, the data from the JSON value.
 * Unknown fields are ignored; anything this service cannot use throws {@link PoisonRecordException} with the reason.
 */
public final class ScorecardEventParser {

    public static final String LOOP_OPENED = "hiring.loop.opened.v1";
    public static final String SCORECARD_SUBMITTED = "hiring.scorecard.submitted.v1";
    public static final String LOOP_CANCELLED = "hiring.loop.cancelled.v1";
    public static final String SCORECARD_OVERDUE = "hiring.scorecard.overdue.v1";
    public static final String CANDIDATE_ERASED = "hiring.candidate.erased.v1";

    private final ObjectMapper json;

    public ScorecardEventParser(ObjectMapper json) {
        this.json = json;
    }

    /** The event of a record that concerns one loop (every type but {@code hiring.candidate.erased.v1}). */
    public LoopEvent parse(String type, String value, Instant recordTime) {
        List<LoopEvent> events = parseAll(type, value, recordTime);
        if (events.size() != 1) {
            throw new IllegalArgumentException(type + " is not the event of one loop");
        }
        return events.get(0);
    }

    /** The events of a record: one per loop it concerns (an erasure names every loop of its candidate). */
    public List<LoopEvent> parseAll(String type, String value, Instant recordTime) {
        if (type == null || type.isBlank()) {
            throw new PoisonRecordException("missing ce_type header");
        }
        JsonNode data = readObject(value);
        if (CANDIDATE_ERASED.equals(type)) {
            return candidateErased(data, recordTime);
        }
        return List.of(switch (type) {
            case LOOP_OPENED -> loopOpened(data, recordTime);
            case SCORECARD_SUBMITTED -> scorecardSubmitted(data, recordTime);
            case LOOP_CANCELLED -> new LoopEvent.LoopCancelled(
                    text(data, "loopId", true), time(data, "cancelledAt", recordTime));
            case SCORECARD_OVERDUE -> scorecardOverdue(data, recordTime);
            default -> throw new PoisonRecordException("unknown event type " + type);
        });
    }

    /** {candidateId, loopIds, erasedAt}: one {@link LoopEvent.LoopErased} per distinct loop. */
    private List<LoopEvent> candidateErased(JsonNode data, Instant recordTime) {
        String candidateId = text(data, "candidateId", true);
        JsonNode loopIds = data.path("loopIds");
        if (!loopIds.isArray()) {
            throw new PoisonRecordException("loopIds must be an array");
        }
        Instant erasedAt = time(data, "erasedAt", recordTime);
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode loopId : loopIds) {
            if (!loopId.isTextual() || loopId.textValue().isBlank()) {
                throw new PoisonRecordException("loopIds must hold non-blank strings");
            }
            seen.add(loopId.textValue());
        }
        return seen.stream().<LoopEvent>map(loopId -> new LoopEvent.LoopErased(loopId, candidateId, erasedAt)).toList();
    }

    private JsonNode readObject(String value) {
        if (value == null || value.isBlank()) {
            throw new PoisonRecordException("empty record value");
        }
        try {
            JsonNode node = json.readTree(value);
            if (node == null || !node.isObject()) {
                throw new PoisonRecordException("record value is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            // the position only: Jackson's message may quote the record's text (names), which must not reach logs
            throw new PoisonRecordException(e.getLocation() == null ? "malformed JSON"
                    : "malformed JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
    }

    private LoopEvent.LoopOpened loopOpened(JsonNode data, Instant recordTime) {
        String loopId = text(data, "loopId", true);
        JsonNode candidate = data.path("candidate");
        Level level = enumValue(Level.class, text(data, "level", true), "level");
        JsonNode panelNode = data.path("panel");
        if (!panelNode.isArray() || panelNode.isEmpty()) {
            throw new PoisonRecordException("panel must be a non-empty array");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<LoopEvent.PanelMember> panel = new ArrayList<>();
        for (JsonNode member : panelNode) {
            String interviewerId = text(member, "interviewerId", true);
            if (seen.add(interviewerId)) {
                panel.add(new LoopEvent.PanelMember(interviewerId, text(member, "stage", false),
                        optionalTime(member, "scheduledEnd")));
            }
        }
        return new LoopEvent.LoopOpened(loopId, text(candidate, "id", false), text(candidate, "name", false),
                text(data, "position", false), level, List.copyOf(panel), time(data, "openedAt", recordTime));
    }

    private LoopEvent.ScorecardSubmitted scorecardSubmitted(JsonNode data, Instant recordTime) {
        String loopId = text(data, "loopId", true);
        String interviewerId = text(data, "interviewerId", true);
        JsonNode versionNode = data.path("version");
        if (!versionNode.canConvertToInt() || !versionNode.isIntegralNumber() || versionNode.intValue() < 1) {
            throw new PoisonRecordException("version must be an integer of at least 1");
        }
        JsonNode scoresNode = data.path("scores");
        if (!scoresNode.isObject() || scoresNode.isEmpty()) {
            throw new PoisonRecordException("scores must be a non-empty object");
        }
        Map<Area, Integer> scores = new EnumMap<>(Area.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = scoresNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Area area = enumValue(Area.class, entry.getKey(), "scores area");
            JsonNode score = entry.getValue();
            if (!score.isIntegralNumber() || score.intValue() < 1 || score.intValue() > 5) {
                throw new PoisonRecordException("score of " + area + " must be an integer from 1 to 5, not " + score);
            }
            scores.put(area, score.intValue());
        }
        List<String> redFlags = new ArrayList<>();
        JsonNode flagsNode = data.path("redFlags");
        if (flagsNode.isArray()) {
            for (JsonNode flag : flagsNode) {
                if (flag.isTextual()) {
                    redFlags.add(flag.textValue());
                }
            }
        }
        Recommendation recommendation = enumValue(Recommendation.class, text(data, "recommendation", true),
                "recommendation");
        return new LoopEvent.ScorecardSubmitted(loopId, text(data, "scorecardId", false), interviewerId,
                text(data, "stage", false), versionNode.intValue(), scores, List.copyOf(redFlags), recommendation,
                time(data, "submittedAt", recordTime));
    }

    private LoopEvent.ScorecardOverdue scorecardOverdue(JsonNode data, Instant recordTime) {
        JsonNode reminder = data.path("reminder");
        if (!reminder.isIntegralNumber() || !reminder.canConvertToInt() || reminder.intValue() < 1) {
            throw new PoisonRecordException("reminder must be an integer of at least 1");
        }
        return new LoopEvent.ScorecardOverdue(text(data, "loopId", true), text(data, "interviewerId", true),
                reminder.intValue(), time(data, "overdueSince", recordTime));
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new PoisonRecordException("missing field " + field);
            }
            return null;
        }
        if (!value.isTextual() || (required && value.textValue().isBlank())) {
            throw new PoisonRecordException("field " + field + " must be a non-blank string");
        }
        return value.textValue();
    }

    private static Instant time(JsonNode data, String field, Instant fallback) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new PoisonRecordException("field " + field + " is not an RFC 3339 time");
        }
    }

    /** An optional time that only statistics use: absent or unreadable is unknown, never a reason to refuse the event. */
    private static Instant optionalTime(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || !value.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(value.textValue());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String field) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("unknown " + field + " " + name);
        }
    }
}
