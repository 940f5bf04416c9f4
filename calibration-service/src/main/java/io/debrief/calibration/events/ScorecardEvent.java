package io.debrief.calibration.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.debrief.calibration.domain.Area;
import io.debrief.calibration.domain.Level;
import io.debrief.calibration.domain.Recommendation;

/** The events of {@code scorecard-events} this service reads, with only the fields it needs (tolerant reader). */
public sealed interface ScorecardEvent {

    String TYPE_LOOP_OPENED = "hiring.loop.opened.v1";
    String TYPE_SCORECARD_SUBMITTED = "hiring.scorecard.submitted.v1";
    String TYPE_LOOP_CANCELLED = "hiring.loop.cancelled.v1";

    String loopId();

    /** When it happened: the event's own time, else the record's timestamp (both survive a replay unchanged). */
    Instant time();

    /** What a decision made by this event is recorded under, so that a redelivery republishes exactly that decision. */
    String trigger();

    record PanelMember(String interviewerId, String stage) {
    }

    record LoopOpened(String loopId, String candidateId, String candidateName, String position, Level level,
                      List<PanelMember> panel, Instant time) implements ScorecardEvent {
        @Override
        public String trigger() {
            return "opened";
        }
    }

    record ScorecardSubmitted(String loopId, String scorecardId, String interviewerId, String stage, int version,
                              Map<Area, Integer> scores, List<String> redFlags, Recommendation recommendation,
                              Instant time) implements ScorecardEvent {
        @Override
        public String trigger() {
            return "scorecard/" + interviewerId + "/" + version;
        }
    }

    record LoopCancelled(String loopId, Instant time) implements ScorecardEvent {
        @Override
        public String trigger() {
            return "cancelled";
        }
    }
}
