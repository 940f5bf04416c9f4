package io.debrief.platform.observability;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code debrief.observability.*}: how the services' metrics are gathered. */
@ConfigMapping(prefix = "debrief.observability")
public interface ObservabilityConfig {

    /** How often the gauges read from the database (backlogs, oldest rows, loops by outcome) are refreshed. */
    @WithDefault("15s")
    Duration refreshEvery();
}
