package io.debrief.notification.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

import io.debrief.notification.domain.EventType;

/**
 * The webhook types a subscription names in JSON ({@code hiring.decision.made} …). An unknown one is a 400 naming the
 * field, {@code types[1]}: "must be one of hiring.decision.made, …" ({@link #toString} gives the names the wording uses).
 */
public enum WebhookType {
    @JsonProperty("hiring.decision.made") DECISION_MADE(EventType.DECISION_MADE),
    @JsonProperty("hiring.decision.finalized") DECISION_FINALIZED(EventType.DECISION_FINALIZED),
    @JsonProperty("hiring.scorecard.overdue") SCORECARD_OVERDUE(EventType.SCORECARD_OVERDUE),
    @JsonProperty("hiring.candidate.erased") CANDIDATE_ERASED(EventType.CANDIDATE_ERASED);

    private final EventType type;

    WebhookType(EventType type) {
        this.type = type;
    }

    public EventType type() {
        return type;
    }

    @JsonValue
    @Override
    public String toString() {
        return type.wireName();
    }
}
