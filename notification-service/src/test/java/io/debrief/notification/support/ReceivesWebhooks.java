package io.debrief.notification.support;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * For a test class whose webhooks go to a real receiver: one {@link WebhookReceiver} for the class, started before
 * its first test and stopped after its last.
 */
public abstract class ReceivesWebhooks {

    protected static final Duration WAIT = Duration.ofSeconds(30);
    protected static WebhookReceiver receiver;

    @BeforeAll
    public static void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    public static void stopReceiver() {
        receiver.close();
    }
}
