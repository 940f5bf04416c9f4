package io.debrief.notification.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.debrief.notification.domain.IncomingDecision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecisionJsonTest {

    private static final String DECISION = "{\"decidedAt\":\"2026-11-26T10:15:30Z\",\"loopId\":\"loop-1\","
            + "\"decisionVersion\":2,\"candidate\":{\"id\":\"c\",\"name\":\"Ada\"},\"position\":\"MLOps Engineer\","
            + "\"level\":\"SENIOR\",\"outcome\":\"NO_HIRE\",\"average\":4.250,\"areaScores\":{\"CI_CD\":4.0},"
            + "\"nearMiss\":true,\"strengths\":[\"CI_CD\"],\"areasToImprove\":[],\"newField\":[1,2]}";

    @Test
    void readsIdentityAndBuildsAStoredSummaryThatNamesNoCandidateWhenUpstreamSentNone() {
        IncomingDecision decision = DecisionJson.parse(DECISION);

        assertThat(decision.loopId()).isEqualTo("loop-1");
        assertThat(decision.decisionVersion()).isEqualTo(2);
        assertThat(decision.eventId()).isEqualTo("loop-1:2");
        assertThat(decision.outcome()).isEqualTo("NO_HIRE");
        assertThat(decision.level()).isEqualTo("SENIOR");
        assertThat(decision.summary()).isEqualTo("No hire — SENIOR MLOps Engineer, average 4.25; "
                + "strengths: CI/CD; near miss: encourage reapplication");
    }

    @Test
    void theRelayedSummaryNamesTheCandidateAsOpenedAtTheEdge() {
        IncomingDecision decision = DecisionJson.parse(DECISION.replace("\"Ada\"", "\"enc:v1:sealed\""));

        ObjectNode relayed = DecisionJson.relay(decision.json(), "Ada");

        assertThat(decision.json()).contains("enc:v1:sealed").doesNotContain("Ada");
        assertThat(decision.summary()).doesNotContain("Ada").doesNotContain("enc:v1:");
        assertThat(relayed.at("/candidate/name").asText()).isEqualTo("Ada");
        assertThat(relayed.get("summary").asText()).startsWith("No hire — Ada, SENIOR MLOps Engineer");
    }

    @Test
    void anErasedCandidateIsRelayedWithANullNameAndTheSameShape() {
        IncomingDecision decision = DecisionJson.parse(DECISION.replace("\"Ada\"", "\"enc:v1:sealed\""));

        ObjectNode relayed = DecisionJson.relay(decision.json(), null);

        assertThat(relayed.get("candidate").has("name")).isTrue();
        assertThat(relayed.at("/candidate/name").isNull()).isTrue();
        assertThat(relayed.at("/candidate/id").asText()).isEqualTo("c");
        assertThat(relayed.get("summary").asText()).startsWith("No hire — SENIOR MLOps Engineer");
    }

    @Test
    void erasingAStoredDecisionNullsThePlainNameAndKeepsEveryFact() {
        IncomingDecision decision = DecisionJson.parse(DECISION);

        DecisionJson.Erased erased = DecisionJson.erased(decision.json());

        assertThat(erased.json()).doesNotContain("Ada").contains("\"name\":null").contains("\"average\":4.250")
                .contains("\"outcome\":\"NO_HIRE\"").contains("\"newField\":[1,2]");
        assertThat(erased.summary()).isEqualTo(decision.summary());
    }

    @Test
    void relayKeepsEveryFieldAndExactNumbersInContractOrderAndAddsTheSummary() {
        IncomingDecision decision = DecisionJson.parse(DECISION);

        String relayed = DecisionJson.write(DecisionJson.relay(decision.json(), "Ada"));

        assertThat(relayed).startsWith("{\"loopId\":\"loop-1\",\"decisionVersion\":2,")
                .contains("\"average\":4.250").contains("\"CI_CD\":4.0")
                .contains("\"decidedAt\":\"2026-11-26T10:15:30Z\",\"newField\":[1,2],\"summary\":\"No hire — Ada");
    }

    @Test
    void upstreamSummaryIsKept() {
        IncomingDecision decision = DecisionJson.parse(DECISION.replace("{\"decidedAt\"",
                "{\"summary\":\"theirs\",\"decidedAt\""));

        assertThat(decision.summary()).isEqualTo("theirs");
        assertThat(DecisionJson.relay(decision.json(), "Ada").get("summary").asText()).isEqualTo("theirs");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "not json", "[1,2]", "\"text\"", "{}", "{\"loopId\":\"x\"}",
            "{\"loopId\":\"\",\"decisionVersion\":1}", "{\"loopId\":7,\"decisionVersion\":1}",
            "{\"loopId\":\"x\",\"decisionVersion\":0}", "{\"loopId\":\"x\",\"decisionVersion\":\"1\"}",
            "{\"loopId\":\"x\",\"decisionVersion\":1.5}", "{\"loopId\":\"x\",\"decisionVersion\":1" })
    void recordsThatAreNotDecisionsAreMalformed(String value) {
        assertThatThrownBy(() -> DecisionJson.parse(value)).isInstanceOf(MalformedDecisionException.class);
    }

    @Test
    void nullValueIsMalformed() {
        assertThatThrownBy(() -> DecisionJson.parse(null)).isInstanceOf(MalformedDecisionException.class);
    }

    @Test
    void overlongLoopIdIsMalformed() {
        String value = "{\"loopId\":\"" + "x".repeat(201) + "\",\"decisionVersion\":1}";
        assertThatThrownBy(() -> DecisionJson.parse(value)).isInstanceOf(MalformedDecisionException.class);
    }

    @Test
    void minimalDecisionIsAccepted() {
        IncomingDecision decision = DecisionJson.parse("{\"loopId\":\"x\",\"decisionVersion\":1}");
        assertThat(decision.summary()).isEqualTo("Decision");
    }
}
