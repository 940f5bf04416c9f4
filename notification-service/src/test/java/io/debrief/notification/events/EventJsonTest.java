package io.debrief.notification.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.debrief.contract.GoldenEvent;
import io.debrief.notification.domain.EventType;
import io.debrief.notification.domain.IncomingEvent;
import io.debrief.platform.privacy.PersonalText;

/** The events other than decisions, read as a tolerant reader: the contract's fixtures, unknown fields, no ce_id. */
class EventJsonTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void theGoldenOverdueReminderIsReadWithItsIdInterviewerAndTime() {
        GoldenEvent golden = GoldenEvent.of("hiring.scorecard.overdue.v1");

        IncomingEvent event = EventJson.parse(EventType.SCORECARD_OVERDUE, golden.headers().get("ce_id"),
                golden.headers().get("ce_time"), golden.valueText(), NOW);

        assertThat(event.ceId()).isEqualTo(golden.headers().get("ce_id"));
        assertThat(event.type()).isEqualTo(EventType.SCORECARD_OVERDUE);
        assertThat(event.loopId()).isEqualTo(golden.value().get("loopId").asText());
        assertThat(event.interviewerId()).isEqualTo("sara");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse(golden.headers().get("ce_time")));
        assertThat(golden.mismatches(golden.topic(), golden.key(), golden.headers(), EventJson.relay(event.json())))
                .isEmpty();
    }

    @Test
    void theGoldenFinalDecisionIsReadWithItsLoopAndKeepsItsReasonSealedUntilRelayed() {
        GoldenEvent golden = GoldenEvent.of("hiring.decision.finalized.v1");
        String loopId = golden.value().get("loopId").asText();
        byte[] key = PersonalText.newKey();
        GoldenEvent sealed = golden.sealedWith(text -> PersonalText.encrypt(key, loopId, text));

        IncomingEvent event = EventJson.parse(EventType.DECISION_FINALIZED, sealed.headers().get("ce_id"),
                sealed.headers().get("ce_time"), sealed.valueText(), NOW);

        assertThat(event.ceId()).endsWith(":final");
        assertThat(event.loopId()).isEqualTo(loopId);
        assertThat(event.interviewerId()).isNull();
        // stored as it travels: sealed, opening to the fixture's reason
        assertThat(golden.mismatches(golden.topic(), golden.key(), golden.headers(), EventJson.relay(event.json()),
                value -> PersonalText.decrypt(key, loopId, value).orElse(null))).isEmpty();
        assertThat(EventJson.reason(event.json())).startsWith(PersonalText.PREFIX);
        // relayed with the reason opened at the edge, or null once erased; the field stays
        String reason = golden.value().get("reason").asText();
        assertThat(EventJson.relayFinalized(event.json(), reason)).contains(reason).doesNotContain(PersonalText.PREFIX);
        assertThat(EventJson.relayFinalized(event.json(), null)).contains("\"reason\":null");
    }

    @Test
    void anErasureOfTheContractsShapeIsReadAndKeepsFieldsItDoesNotKnow() {
        String erased = "{\"candidateId\":\"cand-42\",\"loopIds\":[\"loop-1\",\"loop-2\"],"
                + "\"erasedAt\":\"2026-12-01T09:00:00Z\",\"futureField\":1.50}";

        IncomingEvent event = EventJson.parse(EventType.CANDIDATE_ERASED, null, null, erased, NOW);

        assertThat(event.ceId()).isEqualTo("cand-42:erased");
        assertThat(event.loopId()).isNull();
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(EventJson.relay(event.json())).isEqualTo(erased);
    }

    @Test
    void withoutCeIdTheContractsIdIsBuiltFromTheData() {
        String overdue = "{\"loopId\":\"loop-7\",\"interviewerId\":\"ivan\",\"reminder\":3}";

        IncomingEvent event = EventJson.parse(EventType.SCORECARD_OVERDUE, null, "not a time", overdue, NOW);

        assertThat(event.ceId()).isEqualTo("loop-7:ivan:overdue:3");
        assertThat(event.occurredAt()).isEqualTo(NOW);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "{nope", "[1]", "{\"interviewerId\":\"ivan\"}", "{\"loopId\":\"l\"}",
            "{\"loopId\":7,\"interviewerId\":\"ivan\"}", "{\"loopId\":\" \",\"interviewerId\":\"ivan\"}" })
    void anOverdueReminderWithoutItsLoopOrInterviewerIsMalformed(String value) {
        assertThatThrownBy(() -> EventJson.parse(EventType.SCORECARD_OVERDUE, "x", null, value, NOW))
                .isInstanceOf(MalformedDecisionException.class);
    }

    @Test
    void anErasureWhoseLoopIdsAreNotAListIsMalformed() {
        assertThatThrownBy(() -> EventJson.parse(EventType.CANDIDATE_ERASED, "x", null,
                "{\"candidateId\":\"c\",\"loopIds\":\"loop-1\"}", NOW))
                .isInstanceOf(MalformedDecisionException.class).hasMessageContaining("loopIds");
        assertThat(EventJson.loopIds("{\"candidateId\":\"c\",\"loopIds\":[\"loop-1\",\"\",7,\"loop-2\"]}"))
                .containsExactly("loop-1", "loop-2");
    }

    @Test
    void anErasureWithoutItsCandidateIsMalformed() {
        assertThatThrownBy(() -> EventJson.parse(EventType.CANDIDATE_ERASED, "x", null, "{\"loopIds\":[]}", NOW))
                .isInstanceOf(MalformedDecisionException.class).hasMessageContaining("candidateId");
    }
}
