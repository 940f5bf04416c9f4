package io.debrief.scorecard.testing;

import org.junit.jupiter.api.BeforeAll;

/** For a test class that checks what reached scorecard-events: the JVM's one reader runs before its first test. */
public abstract class ReadsScorecardEvents {

    @BeforeAll
    public static void readEvents() {
        ScorecardEvents.shared();
    }
}
