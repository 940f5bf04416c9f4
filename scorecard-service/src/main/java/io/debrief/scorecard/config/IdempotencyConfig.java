package io.debrief.scorecard.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code debrief.idempotency.*}: how long an {@code Idempotency-Key} is remembered, and how often expired ones go. */
@ConfigMapping(prefix = "debrief.idempotency")
public interface IdempotencyConfig {

    /** A key is remembered this long after its first use. */
    @WithDefault("24h")
    Duration ttl();

    /** Schedule of the purge of expired keys (read by {@code @Scheduled} as {@code ${debrief.idempotency.cleanup-every}}). */
    @WithDefault("1h")
    String cleanupEvery();
}
