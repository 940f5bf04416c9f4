package io.debrief.calibration.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.debrief.calibration.JsonConfig;
import io.debrief.calibration.domain.Area;
import io.debrief.calibration.domain.Level;
import io.debrief.calibration.domain.LoopEvent;
import io.debrief.calibration.domain.Recommendation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ScorecardEventParserTest {

    private static final Instant RECORD_TIME = Instant.parse("2026-11-26T10:00:00Z");
    private final ScorecardEventParser parser = new ScorecardEventParser(mapper());

    static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        new JsonConfig().customize(mapper);
        return mapper;
    }

    @Test
    void aLoopOpenedEventIsReadIgnoringUnknownFields() {
        LoopEvent event = parser.parse("hiring.loop.opened.v1", """
                {"loopId":"L1","candidate":{"id":"c1","name":"An","age":30},"position":"MLOps Engineer","level":"MID",
                 "panel":[{"interviewerId":"alice","stage":"SYSTEM_DESIGN","x":1},{"interviewerId":"bob"}],
                 "openedAt":"2026-11-26T09:00:00Z","newField":[1,2,3]}""", RECORD_TIME);

        assertThat(event).isEqualTo(new LoopEvent.LoopOpened("L1", "c1", "An", "MLOps Engineer", Level.MID,
                java.util.List.of(new LoopEvent.PanelMember("alice", "SYSTEM_DESIGN"),
                        new LoopEvent.PanelMember("bob", null)),
                Instant.parse("2026-11-26T09:00:00Z")));
    }

    @Test
    void aSealedNameIsTakenAsItArrivesHoweverLong() {
        String sealed = "enc:v1:" + "A".repeat(4000);
        LoopEvent.LoopOpened event = (LoopEvent.LoopOpened) parser.parse("hiring.loop.opened.v1",
                "{\"loopId\":\"L1\",\"candidate\":{\"id\":\"c1\",\"name\":\"" + sealed
                        + "\"},\"level\":\"MID\",\"panel\":[{\"interviewerId\":\"alice\"}]}", RECORD_TIME);
        assertThat(event.candidateName()).isEqualTo(sealed);
    }

    @Test
    void aCandidateErasureIsOneErasureOfEachOfItsLoops() {
        var events = parser.parseAll("hiring.candidate.erased.v1", """
                {"candidateId":"cand-42","loopIds":["L1","L2","L1"],"erasedAt":"2026-12-02T09:00:00Z"}""", RECORD_TIME);
        Instant at = Instant.parse("2026-12-02T09:00:00Z");
        assertThat(events).containsExactly(new LoopEvent.LoopErased("L1", "cand-42", at),
                new LoopEvent.LoopErased("L2", "cand-42", at));
        assertThat(parser.parseAll("hiring.candidate.erased.v1", """
                {"candidateId":"cand-42","loopIds":[]}""", RECORD_TIME)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"loopIds\":[\"L1\"]}|missing field candidateId",
            "{\"candidateId\":\"c\",\"loopIds\":\"L1\"}|loopIds must be an array",
            "{\"candidateId\":\"c\"}|loopIds must be an array",
            "{\"candidateId\":\"c\",\"loopIds\":[1]}|loopIds must hold non-blank strings",
            "{\"candidateId\":\"c\",\"loopIds\":[\"L1\"],\"erasedAt\":\"soon\"}|erasedAt"})
    void aMalformedErasureIsAPoisonRecord(String value, String reason) {
        assertThatThrownBy(() -> parser.parseAll("hiring.candidate.erased.v1", value, RECORD_TIME))
                .isInstanceOf(PoisonRecordException.class).hasMessageContaining(reason);
    }

    @Test
    void aPanelMembersScheduledEndIsReadWhenPresentAndUnknownWhenAbsentOrUnreadable() {
        LoopEvent.LoopOpened event = (LoopEvent.LoopOpened) parser.parse("hiring.loop.opened.v1", """
                {"loopId":"L1","candidate":{"id":"c1","name":"An"},"position":"p","level":"MID",
                 "panel":[{"interviewerId":"alice","stage":"SYSTEM_DESIGN","scheduledEnd":"2026-11-26T11:00:00Z"},
                          {"interviewerId":"bob","stage":"CULTURAL_FIT"},
                          {"interviewerId":"carol","stage":"CULTURAL_FIT","scheduledEnd":"tomorrow"}]}""", RECORD_TIME);

        assertThat(event.panel()).extracting(LoopEvent.PanelMember::scheduledEnd)
                .containsExactly(Instant.parse("2026-11-26T11:00:00Z"), null, null);
    }

    @Test
    void aScorecardSubmittedEventIsReadAndItsTimeFallsBackToTheRecordTimestamp() {
        LoopEvent.ScorecardSubmitted event = (LoopEvent.ScorecardSubmitted) parser.parse(
                "hiring.scorecard.submitted.v1", """
                {"loopId":"L1","scorecardId":"s1","interviewerId":"alice","stage":"SYSTEM_DESIGN","version":2,
                 "scores":{"CI_CD":4,"MONITORING":5},"redFlags":["RIGID"],"greenFlags":["PRAGMATIC"],
                 "recommendation":"STRONG_YES"}""", RECORD_TIME);

        assertThat(event.version()).isEqualTo(2);
        assertThat(event.scores()).containsEntry(Area.CI_CD, 4).containsEntry(Area.MONITORING, 5).hasSize(2);
        assertThat(event.redFlags()).containsExactly("RIGID");
        assertThat(event.recommendation()).isEqualTo(Recommendation.STRONG_YES);
        assertThat(event.time()).isEqualTo(RECORD_TIME);
        assertThat(event.trigger()).isEqualTo("scorecard/alice/2");
    }

    @Test
    void aMalformedRecordIsReportedByPositionWithoutQuotingItsText() {
        assertThatThrownBy(() -> parser.parse("hiring.loop.opened.v1", "{\"candidate\": Nguyen Van A}", RECORD_TIME))
                .isInstanceOf(PoisonRecordException.class)
                .hasMessageStartingWith("malformed JSON at line 1, column")
                .hasMessageNotContaining("Nguyen");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON             | hiring.loop.opened.v1         | {\"loopId\":",
            "not an object              | hiring.loop.opened.v1         | [1,2]",
            "empty                      | hiring.loop.opened.v1         | ' '",
            "unknown type               | hiring.loop.closed.v1         | {\"loopId\":\"L1\"}",
            "missing type               | ''                            | {\"loopId\":\"L1\"}",
            "missing loopId             | hiring.loop.cancelled.v1      | {\"cancelledAt\":\"2026-11-26T09:00:00Z\"}",
            "unknown level              | hiring.loop.opened.v1         | {\"loopId\":\"L1\",\"level\":\"LEAD\",\"panel\":[{\"interviewerId\":\"a\"}]}",
            "empty panel                | hiring.loop.opened.v1         | {\"loopId\":\"L1\",\"level\":\"MID\",\"panel\":[]}",
            "score out of range         | hiring.scorecard.submitted.v1 | {\"loopId\":\"L1\",\"interviewerId\":\"a\",\"version\":1,\"scores\":{\"CI_CD\":0},\"recommendation\":\"YES\"}",
            "fractional score           | hiring.scorecard.submitted.v1 | {\"loopId\":\"L1\",\"interviewerId\":\"a\",\"version\":1,\"scores\":{\"CI_CD\":3.5},\"recommendation\":\"YES\"}",
            "score as text              | hiring.scorecard.submitted.v1 | {\"loopId\":\"L1\",\"interviewerId\":\"a\",\"version\":1,\"scores\":{\"CI_CD\":\"4\"},\"recommendation\":\"YES\"}",
            "unknown area               | hiring.scorecard.submitted.v1 | {\"loopId\":\"L1\",\"interviewerId\":\"a\",\"version\":1,\"scores\":{\"KUBERNETES\":4},\"recommendation\":\"YES\"}",
            "missing version            | hiring.scorecard.submitted.v1 | {\"loopId\":\"L1\",\"interviewerId\":\"a\",\"scores\":{\"CI_CD\":4},\"recommendation\":\"YES\"}",
            "missing recommendation     | hiring.scorecard.submitted.v1 | {\"loopId\":\"L1\",\"interviewerId\":\"a\",\"version\":1,\"scores\":{\"CI_CD\":4}}",
            "bad time                   | hiring.loop.cancelled.v1      | {\"loopId\":\"L1\",\"cancelledAt\":\"yesterday\"}"})
    void aRecordThatCannotBeUsedIsPoison(String why, String type, String value) {
        assertThatThrownBy(() -> parser.parse(type, value, RECORD_TIME)).as(why)
                .isInstanceOf(PoisonRecordException.class).hasMessageNotContaining("Exception");
    }
}
