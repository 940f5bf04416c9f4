package io.debrief.scorecard.events;

import java.time.Instant;
import java.util.List;

import io.debrief.scorecard.domain.Level;
import io.debrief.scorecard.domain.Loop;
import io.debrief.scorecard.domain.Stage;

/** Data of {@code hiring.loop.opened.v1}. */
public record LoopOpened(String loopId, Candidate candidate, String position, Level level, List<Seat> panel,
                         Instant openedAt) {

    public record Candidate(String id, String name) {
    }

    public record Seat(String interviewerId, Stage stage) {
    }

    public static LoopOpened of(Loop loop) {
        return new LoopOpened(loop.loopId().toString(),
                new Candidate(loop.candidate().id(), loop.candidate().name()), loop.position(), loop.level(),
                loop.panel().stream().map(m -> new Seat(m.interviewerId(), m.stage())).toList(), loop.openedAt());
    }
}
