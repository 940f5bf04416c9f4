package io.debrief.scorecard.usecase;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times are stored with millisecond precision, so that what a response shows is what a later read shows. */
final class Now {

    private Now() {
    }

    static Instant of(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
