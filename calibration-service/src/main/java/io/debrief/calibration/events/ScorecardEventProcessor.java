package io.debrief.calibration.events;

import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.debrief.calibration.store.Applied;
import io.debrief.calibration.store.CalibrationStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * One record of {@code scorecard-events}, start to end: parse, apply in one PostgreSQL transaction, and only after the
 * commit publish the calibration and any decision this event made, waiting for the broker's acknowledgement. The
 * caller acknowledges the record when the returned Uni completes. A redelivered record changes nothing and republishes
 * the same outputs (idempotent for every consumer).
 */
@ApplicationScoped
public class ScorecardEventProcessor {

    private final ScorecardEventParser parser;
    private final CalibrationStore store;
    private final CalibrationPublisher publisher;

    public ScorecardEventProcessor(ObjectMapper json, CalibrationStore store, CalibrationPublisher publisher) {
        this.parser = new ScorecardEventParser(json);
        this.store = store;
        this.publisher = publisher;
    }

    /** @throws PoisonRecordException (as a failed Uni) when the record can never be processed */
    public Uni<Applied> process(String type, String value, Instant recordTime) {
        return Uni.createFrom().item(() -> parser.parse(type, value, recordTime))
                .chain(event -> Panache.withTransaction(() -> store.apply(event)))
                .call(publisher::publish);
    }
}
