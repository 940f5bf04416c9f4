package io.debrief.calibration.events;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every calibration update, live, for the SSE stream. Fed from {@code calibration-updates} by a consumer group of its
 * own per instance, so each instance streams the updates of every instance, not only of its own partitions.
 */
@ApplicationScoped
public class CalibrationStream {

    private final BroadcastProcessor<String> updates = BroadcastProcessor.create();

    @Incoming("calibration-stream")
    public void onUpdate(String calibration) {
        if (calibration != null) {
            updates.onNext(calibration);
        }
    }

    /** A hot stream of Calibration JSON documents; a subscriber too slow for a buffer of 1024 is disconnected. */
    public Multi<String> updates() {
        return updates.onOverflow().buffer(1024);
    }
}
