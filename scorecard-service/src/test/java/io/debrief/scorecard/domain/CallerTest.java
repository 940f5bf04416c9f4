package io.debrief.scorecard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The access rules of CONTRACT.md "Identity and access", on a loop where alice submitted and bob did not. */
class CallerTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final ScorecardContent CONTENT = new ScorecardContent(Map.of(Area.CI_CD, 4), Map.of(), List.of(),
            List.of(), Recommendation.YES, null);

    /** alice (submitted), bob and carol (not yet) on the panel. */
    private static Loop loop() {
        Loop loop = Loop.open(UUID.randomUUID(), new Candidate("c", "Ada"), "MLOps", Level.MID,
                List.of(PanelMember.seat("alice", Stage.TECHNICAL_SCREEN), PanelMember.seat("bob", Stage.CULTURAL_FIT),
                        PanelMember.seat("carol", Stage.SYSTEM_DESIGN)), T0);
        return Recorded.after(loop, loop.firstSubmission("alice", CONTENT, UUID.randomUUID(), T0));
    }

    private static Caller caller(String subject, String roles) {
        return new Caller(subject, roles.isBlank() ? Set.of() : Set.of(roles.split("\\+")));
    }

    // Opening and cancelling is a role check of the resource (@RolesAllowed recruiter, admin): AuthorizationIT
    @ParameterizedTest(name = "{0} as {1}: read the loop {2}")
    @CsvSource(delimiter = '|', textBlock = """
            rita    | recruiter             | true
            ann     | admin                 | true
            harry   | hiring-manager        | true
            alice   | interviewer           | true
            bob     | interviewer           | true
            mallory | interviewer           | false
            nobody  | ''                    | false
            bob     | hiring-manager        | true
            mallory | interviewer+recruiter | true
            """)
    void loopsAreReadByOverseersAndThePanel(String subject, String roles, boolean read) {
        assertThat(caller(subject, roles).mayRead(loop())).isEqualTo(read);
    }

    @ParameterizedTest(name = "{0} as {1} reads {2}''s scorecard: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            rita    | recruiter      | alice | true
            rita    | recruiter      | bob   | true
            harry   | hiring-manager | alice | true
            ann     | admin          | carol | true
            alice   | interviewer    | alice | true
            alice   | interviewer    | bob   | true
            alice   | interviewer    | carol | true
            bob     | interviewer    | bob   | true
            bob     | interviewer    | alice | false
            bob     | interviewer    | carol | false
            mallory | interviewer    | alice | false
            mallory | interviewer    | bob   | false
            nobody  | ''             | alice | false
            """)
    void blindFeedbackAnInterviewerReadsOthersOnlyAfterSubmittingTheirOwn(String subject, String roles, String whose,
                                                                          boolean allowed) {
        assertThat(caller(subject, roles).mayReadScorecardOf(loop(), whose)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} as {1} writes {2}''s scorecard: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            alice   | interviewer               | alice   | true
            bob     | interviewer               | alice   | false
            mallory | interviewer               | mallory | true
            alice   | recruiter                 | alice   | false
            alice   | admin+hiring-manager      | alice   | false
            alice   | ''                        | alice   | false
            """)
    void onlyTheInterviewerThemselfWritesTheirScorecard(String subject, String roles, String whose, boolean allowed) {
        assertThat(caller(subject, roles).mayWriteScorecardOf(whose)).isEqualTo(allowed);
    }

    @Test
    void theInterviewerRoleIsNeededToSitOnAPanel() {
        // a hiring manager whose id happens to be on the panel reads as a hiring manager, not as a panel member
        assertThat(caller("bob", "hiring-manager").mayReadScorecardOf(loop(), "alice")).isTrue();
        // the interviewer's id without the interviewer role is no one on the panel
        assertThat(caller("bob", "").mayRead(loop())).isFalse();
        assertThat(caller(null, "interviewer").mayRead(loop())).isFalse();
        assertThat(caller(null, "interviewer").mayWriteScorecardOf(null)).isFalse();
    }
}
