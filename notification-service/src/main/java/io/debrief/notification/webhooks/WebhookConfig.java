package io.debrief.notification.webhooks;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code debrief.webhooks.*}: how webhooks are sent and retried. */
@ConfigMapping(prefix = "debrief.webhooks")
public interface WebhookConfig {

    /**
     * Delay before each attempt: the first entry is the first attempt's; after the last one a delivery fails. The
     * default, immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, reaches a little over 27 hours.
     */
    @WithDefault("0s,5s,5m,30m,2h,5h,10h,10h")
    List<Duration> retrySchedule();

    /** Random spread of each delay, as a fraction of it (0.2 = ±20 %). */
    @WithDefault("0.2")
    double retryJitter();

    /** A receiver must answer within this time. */
    @WithDefault("15s")
    Duration timeout();

    /**
     * How long a claimed attempt is reserved for its instance; must exceed the timeout. It is also how long the
     * attempts an instance had claimed when it died wait before another instance (or its restart) sends them: the
     * timeout and a margin for recording the result, no more.
     */
    @WithDefault("20s")
    Duration lease();

    /** Most deliveries claimed at once by one instance. */
    @WithDefault("32")
    int maxInFlight();

    /** How often the dispatcher looks for due deliveries (it is also woken when new ones are committed). */
    @WithDefault("1s")
    Duration dispatchInterval();

    /** Whether subscriptions may target private, loopback and link-local addresses. */
    @WithDefault("false")
    boolean allowPrivateTargets();
}
