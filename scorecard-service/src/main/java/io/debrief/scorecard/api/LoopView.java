package io.debrief.scorecard.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.debrief.scorecard.domain.Area;
import io.debrief.scorecard.domain.Level;
import io.debrief.scorecard.domain.Loop;
import io.debrief.scorecard.domain.LoopStatus;
import io.debrief.scorecard.domain.Plans;
import io.debrief.scorecard.domain.ReminderSchedule;
import io.debrief.scorecard.domain.Stage;

/**
 * The Loop of CONTRACT.md (with Part 2's {@code coverageWarnings} and the panel's {@code scheduledEnd}, {@code overdue},
 * {@code reminders}). {@code version} is the latest scorecard version, null before the first submission.
 */
@Schema(name = "Loop", example = """
        {"loopId":"0b9f3c52-8d0e-4a55-9c61-2f6f4e8f0a11","candidate":{"id":"cand-42","name":"Ada Lovelace"},
         "position":"MLOps Engineer","level":"MID","status":"OPEN",
         "panel":[{"interviewerId":"alice","stage":"TECHNICAL_DEEP_DIVE","submitted":true,"version":2,
                   "scheduledEnd":"2026-11-26T10:00:00Z","overdue":false,"reminders":0},
                  {"interviewerId":"bob","stage":"SYSTEM_DESIGN","submitted":false,"version":null,
                   "scheduledEnd":"2026-11-26T11:00:00Z","overdue":true,"reminders":1}],
         "openedAt":"2026-11-26T09:00:00.000Z","coverageWarnings":["COMMUNICATION"]}""")
public record LoopView(String loopId, CandidateView candidate, String position, Level level, LoopStatus status,
                       List<Seat> panel, Instant openedAt,
                       @Schema(description = "Areas no stage of the panel focuses on (the loop risks "
                               + "INSUFFICIENT_EVIDENCE); empty when every area is covered") List<Area> coverageWarnings,
                       @Schema(description = "When the candidate's personal data was erased (the name is then null, "
                               + "the scorecards keep no notes or evidence); null while it is kept",
                               nullable = true) Instant erasedAt) {

    public record CandidateView(String id,
                                @Schema(description = "null once the candidate is erased", nullable = true) String name) {
    }

    public record Seat(String interviewerId, Stage stage, boolean submitted,
                       @Schema(description = "Latest scorecard version; null until the interviewer submits",
                               nullable = true) Integer version,
                       @Schema(description = "When the interview ends (RFC 3339); null when not scheduled",
                               nullable = true) Instant scheduledEnd,
                       @Schema(description = "The scorecard is overdue: its first reminder is due and nothing is "
                               + "submitted") boolean overdue,
                       @Schema(description = "Overdue reminders sent so far") int reminders) {
    }

    public static LoopView of(Loop loop, Plans plans, ReminderSchedule schedule, Instant now) {
        return new LoopView(loop.loopId().toString(), new CandidateView(loop.candidate().id(), loop.candidate().name()),
                loop.position(), loop.level(), loop.status(),
                loop.panel().stream().map(m -> new Seat(m.interviewerId(), m.stage(), m.submitted(),
                        m.submitted() ? m.latestVersion() : null, m.scheduledEnd(),
                        schedule.overdue(loop.status(), m, now), m.reminders())).toList(),
                loop.openedAt(), plans.uncovered(loop.panel().stream().map(m -> m.stage()).toList()), loop.erasedAt());
    }
}
