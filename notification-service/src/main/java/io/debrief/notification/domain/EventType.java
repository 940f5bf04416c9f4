package io.debrief.notification.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a webhook subscription can receive (CONTRACT.md Part 2): the webhook {@code type} names, each the CloudEvents
 * type of its Kafka event without the version suffix.
 */
public enum EventType {
    DECISION_MADE("hiring.decision.made"),
    DECISION_FINALIZED("hiring.decision.finalized"),
    SCORECARD_OVERDUE("hiring.scorecard.overdue"),
    CANDIDATE_ERASED("hiring.candidate.erased");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The webhook's {@code type}, as subscriptions and deliveries name it. */
    public String wireName() {
        return wireName;
    }

    /** The CloudEvents type of version 1 of the event ({@code ce_type}). */
    public String ceType() {
        return wireName + ".v1";
    }

    public static Optional<EventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(type -> type.ceType().equals(ceType)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
