package io.debrief.calibration.events;

import io.debrief.platform.events.DeadLetters;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** The platform's {@link DeadLetters} on this service's {@code dead-letters} channel ({@code scorecard-events-dlq}). */
public class DeadLetterChannel {

    @Produces
    @Singleton
    DeadLetters deadLetters(@Channel("dead-letters") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                            MutinyEmitter<String> emitter) {
        return new DeadLetters(emitter);
    }
}
