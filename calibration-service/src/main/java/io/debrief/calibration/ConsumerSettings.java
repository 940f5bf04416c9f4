package io.debrief.calibration;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the scorecard-events consumer retries a batch that failed, then each of its events ({@code debrief.consumer.*}). */
@ConfigMapping(prefix = "debrief.consumer")
public interface ConsumerSettings {

    /** Retries of a whole batch before its events are processed one at a time. */
    @WithDefault("5")
    int batchRetries();

    /** Retries of one event before it goes to the dead-letter topic. */
    @WithDefault("12")
    int eventRetries();

    /** The first backoff of both; it doubles up to a few seconds. */
    @WithDefault("PT0.2S")
    Duration firstBackoff();
}
