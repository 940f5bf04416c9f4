package io.debrief.platform.privacy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code debrief.loop-keys.*}: where calibration-service and notification-service get the loop keys that open the
 * personal text of events ({@link PersonalText}), from scorecard-service, which keeps them.
 */
@ConfigMapping(prefix = "debrief.loop-keys")
public interface LoopKeysConfig {

    /** scorecard-service's base URL ({@code POST /internal/loop-keys} is under it). */
    @WithDefault("http://127.0.0.1:8081")
    URI url();

    /**
     * The service token of {@code /internal/loop-keys} ({@code X-Debrief-Service-Token}), the same in all three
     * services ({@code DEBRIEF_LOOP_KEYS_SERVICE_TOKEN}); without one scorecard-service hands out no key and the others
     * can show no encrypted text.
     */
    Optional<String> serviceToken();

    /**
     * How long a key (or the knowledge that a loop has none) is kept in memory. An erasure reaches the instance that
     * consumes its event at once; every other instance stops opening the erased text within this time.
     */
    @WithDefault("30s")
    Duration cacheTtl();

    /** Keys kept in memory at most (about 100 bytes each). */
    @WithDefault("100000")
    int maxCached();

    /** How long a key request may take before the text is reported unavailable (a 503, never a wrong value). */
    @WithDefault("2s")
    Duration timeout();
}
