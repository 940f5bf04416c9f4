package io.debrief.notification.api;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code debrief.stream.*}: the live decision stream. */
@ConfigMapping(prefix = "debrief.stream")
public interface StreamConfig {

    /** How often a comment keeps an idle stream open. */
    @WithDefault("15s")
    Duration keepAlive();
}
