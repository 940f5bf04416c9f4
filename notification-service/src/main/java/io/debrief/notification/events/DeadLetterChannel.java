package io.debrief.notification.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.debrief.platform.events.DeadLetters;
import io.smallrye.reactive.messaging.MutinyEmitter;

/** {@code hiring-decisions-dlq}: the platform's dead letters on this service's {@code dead-letters} channel. */
public class DeadLetterChannel {

    @Produces
    @ApplicationScoped
    DeadLetters deadLetters(@Channel("dead-letters") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
            MutinyEmitter<String> emitter) {
        return new DeadLetters(emitter);
    }
}
