package io.debrief.notification.events;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.debrief.platform.events.DeadLetters;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * The platform's dead letters on this service's channels: {@code dead-letters} ({@code hiring-decisions-dlq}) for the
 * hiring-decisions consumer, {@code scorecard-dead-letters} ({@code scorecard-events-notification-dlq}) for the
 * scorecard-events one, so that neither topic mixes another consumer group's records.
 */
public class DeadLetterChannel {

    @Produces
    @Default
    @Singleton
    DeadLetters deadLetters(@Channel("dead-letters") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
            MutinyEmitter<String> emitter) {
        return new DeadLetters(emitter);
    }

    @Produces
    @ScorecardDeadLetters
    @Singleton
    DeadLetters scorecardDeadLetters(@Channel("scorecard-dead-letters")
            @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<String> emitter) {
        return new DeadLetters(emitter);
    }
}
