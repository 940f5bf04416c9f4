package io.debrief.calibration.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.debrief.calibration.domain.Area;
import io.debrief.calibration.domain.Bars;
import io.debrief.calibration.domain.CalibrationEngine;
import io.debrief.calibration.domain.Level;
import io.debrief.calibration.domain.Recommendation;
import io.debrief.calibration.events.ScorecardEvent;
import io.debrief.calibration.events.ScorecardEvent.PanelMember;
import org.junit.jupiter.api.Test;

/** The in-memory rules a batch applies: each event exactly as if it were alone in its transaction. */
class EventApplierTest {

    private static final String LOOP = "loop-1";
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private final AtomicInteger ignored = new AtomicInteger();
    private final EventApplier applier = new EventApplier(new CalibrationEngine(Bars.HANDBOOK),
            new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS),
            ignored::incrementAndGet);

    @Test
    void aWholeLoopInOneBatchMakesExactlyTheDecisionVersionsItsEventsMake() {
        LoopState loop = new LoopState(LOOP);
        List<Boolean> changed = new ArrayList<>();
        var alice = submitted("alice", 1, 4);
        for (ScorecardEvent event : List.of(opened("alice", "bob"), alice, submitted("bob", 1, 4), alice,
                submitted("alice", 2, 2), submitted("alice", 2, 2), submitted("alice", 1, 5))) {
            changed.add(applier.apply(loop, event));
        }

        assertThat(changed).containsExactly(true, true, true, false, true, false, false);
        assertThat(loop.newDecisions).extracting(LoopState.DecisionRow::version).containsExactly(1, 2);
        assertThat(loop.newDecisions).extracting(LoopState.DecisionRow::trigger)
                .containsExactly("scorecard/bob/1", "scorecard/alice/2");
        assertThat(loop.decisionVersion).isEqualTo(2);
        assertThat(loop.outcome).isEqualTo("NO_HIRE");
        assertThat(loop.scorecards.get("alice").version).isEqualTo(2);
        assertThat(loop.changed).isTrue();
        assertThat(loop.changedScorecards).containsExactlyInAnyOrder("alice", "bob");
        assertThat(loop.calibration).as("written once, when the batch is done").isNull();
        applier.finish(loop);
        assertThat(loop.calibration).contains("\"decisionVersion\":2", "\"outcome\":\"NO_HIRE\"");
    }

    @Test
    void aScorecardBeforeItsLoopIsKeptAndCountsOnceTheLoopOpens() {
        LoopState loop = new LoopState(LOOP);

        assertThat(applier.apply(loop, submitted("alice", 1, 4))).isTrue();
        assertThat(loop.calibration).as("no calibration before the loop is opened").isNull();
        assertThat(loop.changed).as("the loop row itself is unchanged").isFalse();
        applier.apply(loop, opened("alice"));

        assertThat(loop.outcome).isEqualTo("HIRE");
        assertThat(loop.newDecisions).extracting(LoopState.DecisionRow::trigger).containsExactly("opened");
    }

    @Test
    void aScorecardOfSomeoneNotOnThePanelIsIgnoredAndCounted() {
        LoopState loop = new LoopState(LOOP);
        applier.apply(loop, opened("alice"));

        assertThat(applier.apply(loop, submitted("mallory", 1, 5))).isFalse();
        assertThat(loop.scorecards).doesNotContainKey("mallory");
        assertThat(ignored).hasValue(1);
    }

    @Test
    void aCancelledLoopMakesNoFurtherDecision() {
        LoopState loop = new LoopState(LOOP);
        applier.apply(loop, opened("alice", "bob"));
        applier.apply(loop, submitted("alice", 1, 4));
        assertThat(applier.apply(loop, new ScorecardEvent.LoopCancelled(LOOP, T0.plusSeconds(5)))).isTrue();
        applier.apply(loop, submitted("bob", 1, 4));

        assertThat(loop.status).isEqualTo("CANCELLED");
        assertThat(loop.newDecisions).isEmpty();
        assertThat(applier.apply(loop, new ScorecardEvent.LoopCancelled(LOOP, T0.plusSeconds(9)))).isFalse();
        assertThat(loop.cancelledAt).isEqualTo(T0.plusSeconds(5));
    }

    private static ScorecardEvent.LoopOpened opened(String... panel) {
        List<PanelMember> members = new ArrayList<>();
        for (String interviewer : panel) {
            members.add(new PanelMember(interviewer, "ONSITE"));
        }
        return new ScorecardEvent.LoopOpened(LOOP, "c-1", "Candidate", "Engineer", Level.MID, members, T0);
    }

    private static ScorecardEvent.ScorecardSubmitted submitted(String interviewer, int version, int score) {
        Map<Area, Integer> scores = new EnumMap<>(Area.class);
        for (Area area : Area.values()) {
            scores.put(area, score);
        }
        return new ScorecardEvent.ScorecardSubmitted(LOOP, "sc-" + interviewer, interviewer, "ONSITE", version, scores,
                List.of(), score >= 3 ? Recommendation.YES : Recommendation.NO, T0.plusSeconds(version));
    }
}
