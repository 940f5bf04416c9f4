package io.debrief.notification.webhooks;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

import io.debrief.notification.domain.RetryPolicy;

/** The retry policy from {@code debrief.webhooks.retry-schedule} and {@code retry-jitter}. */
public class RetryPolicyProducer {

    @Produces
    @Singleton
    RetryPolicy retryPolicy(WebhookConfig config) {
        return new RetryPolicy(config.retrySchedule(), config.retryJitter());
    }
}
