package io.debrief.notification.events;

import java.util.List;

import io.debrief.notification.domain.IncomingEvent;
import io.smallrye.mutiny.Uni;

/**
 * Where the consumers hand the events other than decisions (implemented by {@code usecase.RecordEvents}, so that this
 * package never imports the layer above it); the batch is acknowledged once the returned Uni completes.
 */
public interface EventBatches {

    /** Stores the events and their deliveries; yields the events the database refused for good, each with why. */
    Uni<List<Refusal>> record(List<IncomingEvent> events);

    record Refusal(IncomingEvent event, String reason) {
    }
}
