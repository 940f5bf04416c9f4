package io.debrief.calibration.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What happens to a loop, as far as its calibration needs to know: the facts of scorecard-service's events (read by
 * {@code events.ScorecardEventParser}), free of their wire format.
 */
public sealed interface LoopEvent {

    String loopId();

    /** When it happened: the event's own time, else the record's timestamp (both survive a replay unchanged). */
    Instant time();

    /** What a decision made by this event is recorded under, so that a redelivery republishes exactly that decision. */
    String trigger();

    /** One interviewer of the panel; {@code scheduledEnd} (the end of their interview) may be unknown. */
    record PanelMember(String interviewerId, String stage, Instant scheduledEnd) {

        public PanelMember(String interviewerId, String stage) {
            this(interviewerId, stage, null);
        }
    }

    record LoopOpened(String loopId, String candidateId, String candidateName, String position, Level level,
                      List<PanelMember> panel, Instant time) implements LoopEvent {
        @Override
        public String trigger() {
            return "opened";
        }
    }

    record ScorecardSubmitted(String loopId, String scorecardId, String interviewerId, String stage, int version,
                              Map<Area, Integer> scores, List<String> redFlags, Recommendation recommendation,
                              Instant time) implements LoopEvent {
        @Override
        public String trigger() {
            return "scorecard/" + interviewerId + "/" + version;
        }
    }

    /** An interviewer's scorecard is overdue (a reminder was sent); it stops counting once they submit. */
    record ScorecardOverdue(String loopId, String interviewerId, int reminder, Instant time) implements LoopEvent {
        @Override
        public String trigger() {
            return "overdue/" + interviewerId + "/" + reminder;
        }
    }

    record LoopCancelled(String loopId, Instant time) implements LoopEvent {
        @Override
        public String trigger() {
            return "cancelled";
        }
    }

    /**
     * The loop's candidate was erased (one loop of {@code hiring.candidate.erased.v1}): its personal text is forgotten,
     * its scores, checks and decisions stay.
     */
    record LoopErased(String loopId, String candidateId, Instant time) implements LoopEvent {
        @Override
        public String trigger() {
            return "erased";
        }
    }
}
