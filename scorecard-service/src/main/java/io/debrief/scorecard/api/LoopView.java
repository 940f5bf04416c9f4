package io.debrief.scorecard.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.debrief.scorecard.domain.Level;
import io.debrief.scorecard.domain.Loop;
import io.debrief.scorecard.domain.LoopStatus;
import io.debrief.scorecard.domain.Stage;

/** The Loop of CONTRACT.md. {@code version} is the latest scorecard version, null before the first submission. */
@Schema(name = "Loop", example = """
        {"loopId":"0b9f3c52-8d0e-4a55-9c61-2f6f4e8f0a11","candidate":{"id":"cand-42","name":"Ada Lovelace"},
         "position":"MLOps Engineer","level":"MID","status":"OPEN",
         "panel":[{"interviewerId":"alice","stage":"TECHNICAL_SCREEN","submitted":true,"version":2},
                  {"interviewerId":"bob","stage":"SYSTEM_DESIGN","submitted":false,"version":null}],
         "openedAt":"2026-11-26T17:00:00.000Z"}""")
public record LoopView(String loopId, CandidateView candidate, String position, Level level, LoopStatus status,
                       List<Seat> panel, Instant openedAt) {

    public record CandidateView(String id, String name) {
    }

    public record Seat(String interviewerId, Stage stage, boolean submitted,
                       @Schema(description = "Latest scorecard version; null until the interviewer submits",
                               nullable = true) Integer version) {
    }

    public static LoopView of(Loop loop) {
        return new LoopView(loop.loopId().toString(), new CandidateView(loop.candidate().id(), loop.candidate().name()),
                loop.position(), loop.level(), loop.status(),
                loop.panel().stream().map(m -> new Seat(m.interviewerId(), m.stage(), m.submitted(),
                        m.submitted() ? m.latestVersion() : null)).toList(),
                loop.openedAt());
    }
}
