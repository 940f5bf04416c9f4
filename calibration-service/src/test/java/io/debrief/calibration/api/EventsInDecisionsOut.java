package io.debrief.calibration.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.debrief.calibration.Events;

/** A test that sends scorecard-events and reads hiring-decisions: a producer and a reader for each test. */
abstract class EventsInDecisionsOut {

    protected Events events;
    protected Events.Reader decisions;

    @BeforeEach
    void connect() {
        events = new Events();
        decisions = Events.reader("hiring-decisions");
    }

    @AfterEach
    void disconnect() {
        events.close();
        decisions.close();
    }
}
