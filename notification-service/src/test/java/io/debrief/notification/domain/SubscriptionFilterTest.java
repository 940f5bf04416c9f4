package io.debrief.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which decisions a subscription receives: empty filters mean "all", otherwise the value must be listed. */
class SubscriptionFilterTest {

    @ParameterizedTest(name = "outcomes [{0}] levels [{1}] + {2} {3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            ''                    | ''           | HIRE                  | MID    | true
            ''                    | ''           | null                  | null   | true
            HIRE                  | ''           | HIRE                  | SENIOR | true
            HIRE                  | ''           | NO_HIRE               | SENIOR | false
            HIRE                  | ''           | null                  | SENIOR | false
            NO_HIRE,HIRE          | ''           | NO_HIRE               | JUNIOR | true
            ''                    | SENIOR       | INSUFFICIENT_EVIDENCE | SENIOR | true
            ''                    | SENIOR       | HIRE                  | MID    | false
            ''                    | SENIOR       | HIRE                  | null   | false
            HIRE                  | JUNIOR,MID   | HIRE                  | MID    | true
            HIRE                  | JUNIOR,MID   | HIRE                  | SENIOR | false
            HIRE                  | JUNIOR,MID   | NO_HIRE               | MID    | false
            INSUFFICIENT_EVIDENCE | ''           | INSUFFICIENT_EVIDENCE | MID    | true
            """)
    void aFilterAcceptsADecisionWhenEveryNonEmptyListNamesItsValue(String outcomes, String levels, String outcome,
            String level, boolean receives) {
        SubscriptionFilter filter = new SubscriptionFilter(list(outcomes), list(levels));

        assertThat(filter.matchesDecision(outcome, level)).isEqualTo(receives);
        assertThat(subscription(list(outcomes), list(levels), null).receives(decision(outcome, level)))
                .isEqualTo(receives);
    }

    @ParameterizedTest(name = "types [{0}] interviewers [{1}] + {2} of {3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            ''                                              | ''        | DECISION_MADE      | null | true
            ''                                              | ''        | SCORECARD_OVERDUE  | ivan | false
            ''                                              | ''        | DECISION_FINALIZED | null | false
            ''                                              | ''        | CANDIDATE_ERASED   | null | false
            SCORECARD_OVERDUE                               | ''        | SCORECARD_OVERDUE  | ivan | true
            SCORECARD_OVERDUE                               | ''        | DECISION_MADE      | null | false
            SCORECARD_OVERDUE                               | ivan,sara | SCORECARD_OVERDUE  | sara | true
            SCORECARD_OVERDUE                               | ivan      | SCORECARD_OVERDUE  | chen | false
            SCORECARD_OVERDUE                               | ivan      | SCORECARD_OVERDUE  | null | false
            SCORECARD_OVERDUE,CANDIDATE_ERASED              | ivan      | CANDIDATE_ERASED   | null | true
            DECISION_FINALIZED                              | ivan      | DECISION_FINALIZED | null | true
            DECISION_MADE,DECISION_FINALIZED                | ''        | DECISION_FINALIZED | null | true
            """)
    void typesChooseWhatArrivesAndTheInterviewerFilterOnlyNarrowsOverdueReminders(String types, String interviewers,
            EventType type, String interviewerId, boolean receives) {
        List<EventType> chosen = list(types).stream().map(EventType::valueOf).toList();
        SubscriptionFilter filter = new SubscriptionFilter(chosen, List.of(), List.of(), list(interviewers));
        IncomingEvent event = new IncomingEvent("loop-1:x", type, "loop-1", interviewerId, "{}", Instant.EPOCH);

        boolean actual = type == EventType.DECISION_MADE ? filter.matchesDecision("HIRE", "MID")
                : filter.matchesEvent(type, interviewerId);
        assertThat(actual).isEqualTo(receives);
        Subscription subscription = new Subscription(UUID.randomUUID(), "https://hooks.example.com/", null, chosen,
                List.of(), List.of(), list(interviewers), "whsec_x", Instant.EPOCH, null, null);
        assertThat(type == EventType.DECISION_MADE ? subscription.receives(decision("HIRE", "MID"))
                : subscription.receives(event)).isEqualTo(receives);
    }

    @ParameterizedTest(name = "outcomes [{0}] levels [{1}] do not narrow {2}")
    @CsvSource(delimiter = '|', textBlock = """
            HIRE    | SENIOR | DECISION_FINALIZED
            NO_HIRE | ''     | CANDIDATE_ERASED
            ''      | JUNIOR | SCORECARD_OVERDUE
            """)
    void outcomeAndLevelFiltersApplyToDecisionsOnly(String outcomes, String levels, EventType type) {
        SubscriptionFilter filter = new SubscriptionFilter(List.of(type, EventType.DECISION_MADE), list(outcomes),
                list(levels), List.of());

        assertThat(filter.matchesEvent(type, "ivan")).isTrue();
    }

    @ParameterizedTest(name = "disabled subscription with outcomes [{0}] receives nothing")
    @CsvSource({ "''", "HIRE" })
    void aDisabledSubscriptionReceivesNothing(String outcomes) {
        Subscription disabled = subscription(list(outcomes), List.of(), Instant.now());

        assertThat(disabled.receives(decision("HIRE", "MID"))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "loop-1:2", "a:b:c" })
    void theWebhookIdIsTheEventIdAndTheSubscriptionId(String eventId) {
        Subscription subscription = subscription(List.of(), List.of(), null);

        assertThat(subscription.webhookId(eventId)).isEqualTo(eventId + ":" + subscription.id());
    }

    private static Subscription subscription(List<String> outcomes, List<String> levels, Instant disabledAt) {
        return new Subscription(UUID.randomUUID(), "https://hooks.example.com/", null, List.of(), outcomes, levels,
                List.of(), "whsec_x", Instant.EPOCH, disabledAt, null);
    }

    private static IncomingDecision decision(String outcome, String level) {
        return new IncomingDecision("loop-1", 1, outcome, level, "{}", "summary");
    }

    private static List<String> list(String csv) {
        return csv == null || csv.isBlank() ? List.of() : List.of(csv.split(","));
    }
}
