package io.debrief.calibration.events;

import java.util.List;

import io.debrief.calibration.store.CalibrationStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Events of {@code scorecard-events}, start to end: apply them in one PostgreSQL transaction and only after the commit
 * publish each touched loop's calibration and every decision the events made, waiting for the broker's
 * acknowledgements. The caller acknowledges the records when the returned Uni completes. Redelivered events change
 * nothing and republish the same outputs (idempotent for every consumer).
 */
@ApplicationScoped
public class ScorecardEventProcessor {

    private final CalibrationStore store;
    private final CalibrationPublisher publisher;

    public ScorecardEventProcessor(CalibrationStore store, CalibrationPublisher publisher) {
        this.store = store;
        this.publisher = publisher;
    }

    public Uni<Void> process(List<ScorecardEvent> events) {
        return store.apply(events).chain(publisher::publish);
    }
}
