package io.debrief.scorecard.events;

import java.time.Instant;

import io.debrief.scorecard.domain.Loop;

/** Data of {@code hiring.loop.cancelled.v1}. */
public record LoopCancelled(String loopId, Instant cancelledAt) {

    public static LoopCancelled of(Loop loop) {
        return new LoopCancelled(loop.loopId().toString(), loop.cancelledAt());
    }
}
