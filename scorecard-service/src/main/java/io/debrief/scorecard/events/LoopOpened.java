package io.debrief.scorecard.events;

import java.time.Instant;
import java.util.List;

import io.debrief.platform.privacy.PersonalText;
import io.debrief.scorecard.domain.Level;
import io.debrief.scorecard.domain.Loop;
import io.debrief.scorecard.domain.Stage;

/** Data of {@code hiring.loop.opened.v1}; the candidate's name travels sealed ({@link PersonalText}). */
public record LoopOpened(String loopId, Candidate candidate, String position, Level level, List<Seat> panel,
                         Instant openedAt) {

    public record Candidate(String id, String name) {
    }

    public record Seat(String interviewerId, Stage stage) {
    }

    /** The event of {@code loop}, its candidate's name sealed under the loop's {@code key}. */
    public static LoopOpened of(Loop loop, byte[] key) {
        String loopId = loop.loopId().toString();
        return new LoopOpened(loopId,
                new Candidate(loop.candidate().id(), PersonalText.encrypt(key, loopId, loop.candidate().name())),
                loop.position(), loop.level(),
                loop.panel().stream().map(m -> new Seat(m.interviewerId(), m.stage())).toList(), loop.openedAt());
    }
}
