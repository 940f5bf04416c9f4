package io.debrief.scorecard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.debrief.scorecard.domain.AuditEntry.Change;

/** The audit's diff of scorecard versions and decision versions: values of non-personal fields, names of texts. */
class ScorecardChangesTest {

    private static final String SECRET_NOTE = "candidate said private things";
    private static final String SECRET_EVIDENCE = "evidence text quoting the candidate";

    @Test
    void aFirstVersionListsEverythingItSetsAndOnlyTheNamesOfItsTexts() {
        ScorecardChanges changes = ScorecardChanges.between(null, content(Map.of(Area.CI_CD, 3, Area.MONITORING, 4),
                Map.of(Area.CI_CD, SECRET_EVIDENCE), List.of(RedFlag.RIGID), List.of(), Recommendation.YES,
                SECRET_NOTE));

        assertThat(changes.changes()).containsExactly(
                new Change("scores.CI_CD", null, 3),
                new Change("scores.MONITORING", null, 4),
                new Change("recommendation", null, "YES"),
                new Change("redFlags", List.of(), List.of("RIGID")));
        assertThat(changes.freeTextChanged()).containsExactly("evidence.CI_CD", "notes");
        assertThat(changes.toString()).doesNotContain(SECRET_NOTE).doesNotContain(SECRET_EVIDENCE);
    }

    @Test
    void anAmendmentListsScoresBeforeAndAfterTheRecommendationAndTheFlagsThatChanged() {
        ScorecardContent v1 = content(Map.of(Area.CI_CD, 3, Area.MONITORING, 4, Area.ML_TOOLS, 2),
                Map.of(Area.CI_CD, "old evidence", Area.MONITORING, "kept"), List.of(RedFlag.RIGID),
                List.of(GreenFlag.PROACTIVE), Recommendation.NO, "old notes");
        ScorecardContent v2 = content(Map.of(Area.CI_CD, 4, Area.MONITORING, 4, Area.SYSTEM_DESIGN, 5),
                Map.of(Area.CI_CD, "new evidence", Area.MONITORING, "kept", Area.SYSTEM_DESIGN, "added"), List.of(),
                List.of(GreenFlag.PROACTIVE), Recommendation.YES, "new notes");

        ScorecardChanges changes = ScorecardChanges.between(v1, v2);

        assertThat(changes.changes()).containsExactly(
                new Change("scores.CI_CD", 3, 4),
                new Change("scores.ML_TOOLS", 2, null),
                new Change("scores.SYSTEM_DESIGN", null, 5),
                new Change("recommendation", "NO", "YES"),
                new Change("redFlags", List.of("RIGID"), List.of()));
        assertThat(changes.freeTextChanged()).containsExactly("evidence.CI_CD", "evidence.SYSTEM_DESIGN", "notes");
        assertThat(changes.toString()).doesNotContain("old evidence").doesNotContain("old notes")
                .doesNotContain("new notes").doesNotContain("new evidence");
    }

    @Test
    void theSameContentAgainChangesNothingAndFlagOrderAndEmptyTextsDoNotCount() {
        ScorecardContent v1 = content(Map.of(Area.CI_CD, 3), Map.of(), List.of(RedFlag.RIGID, RedFlag.OVERENGINEERING),
                List.of(), Recommendation.YES, null);
        ScorecardContent v2 = content(Map.of(Area.CI_CD, 3), Map.of(Area.CI_CD, ""),
                List.of(RedFlag.OVERENGINEERING, RedFlag.RIGID), List.of(), Recommendation.YES, "");

        ScorecardChanges changes = ScorecardChanges.between(v1, v2);

        assertThat(changes.changes()).isEmpty();
        assertThat(changes.freeTextChanged()).isEmpty();
    }

    @Test
    void removedNotesAndEvidenceAreChangesByName() {
        ScorecardContent v1 = content(Map.of(Area.CI_CD, 3), Map.of(Area.CI_CD, "x"), List.of(), List.of(),
                Recommendation.YES, "notes");
        ScorecardContent v2 = content(Map.of(Area.CI_CD, 3), Map.of(), List.of(), List.of(), Recommendation.YES, null);

        assertThat(ScorecardChanges.between(v1, v2).freeTextChanged()).containsExactly("evidence.CI_CD", "notes");
    }

    @Test
    void aScorecardEntryIsByTheWriterAtTheVersionsTimeAndNamesTheAction() {
        UUID loop = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-01T10:15:00Z");
        ScorecardContent v1 = content(Map.of(Area.CI_CD, 3), Map.of(), List.of(), List.of(), Recommendation.YES, null);
        ScorecardContent v2 = content(Map.of(Area.CI_CD, 4), Map.of(), List.of(), List.of(), Recommendation.YES, null);

        AuditEntry first = AuditEntry.scorecard("ivan", new Scorecard(UUID.randomUUID(), loop, "ivan",
                Stage.SYSTEM_DESIGN, 1, v1, at), null);
        AuditEntry second = AuditEntry.scorecard("ivan", new Scorecard(UUID.randomUUID(), loop, "ivan",
                Stage.SYSTEM_DESIGN, 2, v2, at.plusSeconds(60)), v1);

        assertThat(first.action()).isEqualTo(AuditAction.SCORECARD_SUBMITTED);
        assertThat(first.key()).isEqualTo("scorecard:ivan:1");
        assertThat(second.action()).isEqualTo(AuditAction.SCORECARD_AMENDED);
        assertThat(second).extracting(AuditEntry::by, AuditEntry::at, AuditEntry::interviewerId, AuditEntry::version)
                .containsExactly("ivan", at.plusSeconds(60), "ivan", 2);
        assertThat(second.changes()).containsExactly(new Change("scores.CI_CD", 3, 4));
    }

    @Test
    void aDecisionVersionListsWhatChangedSinceThePreviousOne() {
        DecisionFacts v1 = new DecisionFacts("HIRE", new BigDecimal("3.5"), List.of(), List.of(), false, true,
                List.of("RECOMMENDATION_CONFLICT"));
        DecisionFacts v2 = new DecisionFacts("NO_HIRE", new BigDecimal("3.50"), List.of("AREA_MINIMUM:CI_CD"),
                List.of(), false, false, List.of());

        assertThat(v1.changesFrom(null)).containsExactly(
                new Change("outcome", null, "HIRE"),
                new Change("average", null, new BigDecimal("3.5")),
                new Change("nearMiss", null, false),
                new Change("needsDiscussion", null, true),
                new Change("discussionReasons", null, List.of("RECOMMENDATION_CONFLICT")));
        assertThat(v2.changesFrom(v1)).containsExactly(
                new Change("outcome", "HIRE", "NO_HIRE"),
                new Change("failedChecks", List.of(), List.of("AREA_MINIMUM:CI_CD")),
                new Change("needsDiscussion", true, false),
                new Change("discussionReasons", List.of("RECOMMENDATION_CONFLICT"), List.of()));
        assertThat(v2.changesFrom(v2)).isEmpty();
    }

    @Test
    void aFinalDecisionKeepsItsOutcomeAndVersionAndItsReasonOnlyByName() {
        AuditEntry entry = AuditEntry.finalDecision(UUID.randomUUID(), "x:final", "hank",
                Instant.parse("2026-12-01T11:30:00Z"), new FinalDecisionFacts("NO_HIRE", 1, "HIRE", true));

        assertThat(entry.action()).isEqualTo(AuditAction.DECISION_FINALIZED);
        assertThat(entry.version()).isEqualTo(1);
        assertThat(entry.changes()).containsExactly(new Change("outcome", null, "NO_HIRE"),
                new Change("decisionVersion", null, 1), new Change("computedOutcome", null, "HIRE"),
                new Change("override", null, true));
        assertThat(entry.freeTextChanged()).containsExactly("reason");
    }

    @Test
    void anErasureIsRecordedOncePerErasureTime() {
        UUID loop = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-01T12:00:00Z");
        AuditEntry erased = AuditEntry.erased(loop, "ada-admin", at);

        assertThat(erased).extracting(AuditEntry::action, AuditEntry::by, AuditEntry::at)
                .containsExactly(AuditAction.ERASED, "ada-admin", at);
        assertThat(erased.key()).isEqualTo(AuditEntry.erased(loop, "someone-else", at).key())
                .isNotEqualTo(AuditEntry.erased(loop, "ada-admin", at.plusSeconds(1)).key());
        assertThat(erased.changes()).isEmpty();
    }

    private static ScorecardContent content(Map<Area, Integer> scores, Map<Area, String> evidence,
                                            List<RedFlag> red, List<GreenFlag> green, Recommendation recommendation,
                                            String notes) {
        EnumMap<Area, Integer> scored = new EnumMap<>(Area.class);
        scored.putAll(scores);
        EnumMap<Area, String> texts = new EnumMap<>(Area.class);
        texts.putAll(evidence);
        return new ScorecardContent(scored, texts, red, green, recommendation, notes);
    }
}
