package io.debrief.scorecard.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.debrief.contract.GoldenEvent;
import io.debrief.scorecard.domain.DecisionFacts;
import io.debrief.scorecard.domain.FinalDecisionFacts;

/** The audit's tolerant reader of hiring-decisions, fed the golden fixtures and records it must refuse. */
class DecisionEventsTest {

    private static final GoldenEvent MADE = GoldenEvent.of(DecisionEvents.DECISION_MADE);
    private static final GoldenEvent FINALIZED = GoldenEvent.of(DecisionEvents.DECISION_FINALIZED);
    private static final UUID LOOP = UUID.fromString(MADE.key());

    @Test
    void theGoldenDecisionIsReadWithItsNonPersonalFactsOnly() {
        DecisionRecord.Made made = (DecisionRecord.Made) DecisionEvents.read(record(MADE));

        assertThat(made.eventId()).isEqualTo(LOOP + ":1");
        assertThat(made.loopId()).isEqualTo(LOOP);
        assertThat(made.decisionVersion()).isEqualTo(1);
        assertThat(made.by()).isEqualTo("calibration-service");
        assertThat(made.decidedAt()).isEqualTo(Instant.parse("2026-12-01T10:45:00Z"));
        assertThat(made.facts()).isEqualTo(new DecisionFacts("HIRE", new BigDecimal("3.5"), List.of(), List.of(),
                false, true, List.of("RECOMMENDATION_CONFLICT")));
        assertThat(made.toString()).doesNotContain(MADE.value().get("candidate").get("name").asText());
    }

    @Test
    void theGoldenFinalDecisionIsReadWithoutItsReason() {
        DecisionRecord.Finalized finalized = (DecisionRecord.Finalized) DecisionEvents.read(record(FINALIZED));

        assertThat(finalized.eventId()).isEqualTo(LOOP + ":final");
        assertThat(finalized.by()).isEqualTo("hank");
        assertThat(finalized.decidedAt()).isEqualTo(Instant.parse("2026-12-01T11:30:00Z"));
        assertThat(finalized.facts()).isEqualTo(new FinalDecisionFacts("NO_HIRE", 1, "HIRE", true));
        assertThat(finalized.toString()).doesNotContain("STRONG_NO on communication");
    }

    @Test
    void failedChecksAndQualifiedReasonsAreNamedWithTheirAreaOrFlag() {
        String value = """
                {"loopId":"%s","decisionVersion":2,"outcome":"NO_HIRE","average":3.75,
                 "checks":[{"rule":"AVERAGE","passed":true},{"rule":"AREA_MINIMUM","area":"CI_CD","passed":false}],
                 "missingAreas":["MONITORING"],"nearMiss":false,"needsDiscussion":true,
                 "discussionReasons":[{"reason":"DISAGREEMENT","area":"CI_CD"},{"reason":"REPEATED_RED_FLAG","flag":"RIGID"}],
                 "decidedAt":"2026-12-01T10:45:00Z","futureField":{"x":1}}""".formatted(LOOP);

        DecisionRecord.Made made = (DecisionRecord.Made) DecisionEvents.read(record(LOOP + ":2",
                DecisionEvents.DECISION_MADE, value));

        assertThat(made.facts().failedChecks()).containsExactly("AREA_MINIMUM:CI_CD");
        assertThat(made.facts().missingAreas()).containsExactly("MONITORING");
        assertThat(made.facts().discussionReasons()).containsExactly("DISAGREEMENT:CI_CD", "REPEATED_RED_FLAG:RIGID");
    }

    @Test
    void otherTypesAreNotAudited() {
        assertThat(DecisionEvents.audited("hiring.something.else.v1")).isFalse();
        assertThat(DecisionEvents.audited(DecisionEvents.DECISION_MADE)).isTrue();
        assertThat(DecisionEvents.audited(DecisionEvents.DECISION_FINALIZED)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON|{this is not json|not JSON",
            "not an object|[1,2]|not a JSON object",
            "loopId not a UUID|{\"loopId\":\"x\",\"decisionVersion\":1,\"outcome\":\"HIRE\",\"decidedAt\":\"2026-12-01T10:45:00Z\"}|loopId",
            "no version|{\"loopId\":\"LOOP\",\"outcome\":\"HIRE\",\"decidedAt\":\"2026-12-01T10:45:00Z\"}|decisionVersion",
            "version 0|{\"loopId\":\"LOOP\",\"decisionVersion\":0,\"outcome\":\"HIRE\",\"decidedAt\":\"2026-12-01T10:45:00Z\"}|decisionVersion",
            "unknown outcome|{\"loopId\":\"LOOP\",\"decisionVersion\":1,\"outcome\":\"MAYBE\",\"decidedAt\":\"2026-12-01T10:45:00Z\"}|outcome",
            "average text|{\"loopId\":\"LOOP\",\"decisionVersion\":1,\"outcome\":\"HIRE\",\"average\":\"3.5\",\"decidedAt\":\"2026-12-01T10:45:00Z\"}|average",
            "free text as a reason|{\"loopId\":\"LOOP\",\"decisionVersion\":1,\"outcome\":\"HIRE\",\"discussionReasons\":[{\"reason\":\"Ada was rude\"}],\"decidedAt\":\"2026-12-01T10:45:00Z\"}|upper-case name",
            "bad time|{\"loopId\":\"LOOP\",\"decisionVersion\":1,\"outcome\":\"HIRE\",\"decidedAt\":\"yesterday\"}|decidedAt",
    })
    void unreadableDecisionsAreRefusedWithTheReason(String name, String value, String reason) {
        ConsumerRecord<String, String> record = record(LOOP + ":1", DecisionEvents.DECISION_MADE,
                value.replace("LOOP", LOOP.toString()));
        assertThatThrownBy(() -> DecisionEvents.read(record)).isInstanceOf(MalformedDecision.class)
                .hasMessageContaining(reason);
    }

    @Test
    void aFinalDecisionWithoutItsDeciderOrWithAnInsufficientEvidenceOutcomeIsRefused() {
        String noDecider = FINALIZED.valueText().replace("\"decidedBy\":\"hank\",", "");
        String insufficient = FINALIZED.valueText()
                .replace("\"outcome\":\"NO_HIRE\"", "\"outcome\":\"INSUFFICIENT_EVIDENCE\"");

        assertThatThrownBy(() -> DecisionEvents.read(record(LOOP + ":final", DecisionEvents.DECISION_FINALIZED,
                noDecider))).isInstanceOf(MalformedDecision.class).hasMessageContaining("decidedBy");
        assertThatThrownBy(() -> DecisionEvents.read(record(LOOP + ":final", DecisionEvents.DECISION_FINALIZED,
                insufficient))).isInstanceOf(MalformedDecision.class).hasMessageContaining("outcome");
    }

    private static ConsumerRecord<String, String> record(GoldenEvent golden) {
        return record(golden.headers(), golden.valueText());
    }

    private static ConsumerRecord<String, String> record(String ceId, String type, String value) {
        return record(Map.of("ce_id", ceId, "ce_type", type, "ce_source", "/calibration-service"), value);
    }

    private static ConsumerRecord<String, String> record(Map<String, String> headers, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(MADE.topic(), 0, 0L, LOOP.toString(), value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
