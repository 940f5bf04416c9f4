package io.debrief.scorecard.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code debrief.retention.*} (CONTRACT.md Part 2; also as environment variables, e.g.
 * {@code DEBRIEF_RETENTION_ERASE_AFTER=PT10S}): how long a loop's personal data outlives its last decision.
 */
@ConfigMapping(prefix = "debrief.retention")
public interface RetentionConfig {

    /** A loop is erased this long after its last decision, computed or final (ISO-8601). */
    @WithDefault("P365D")
    Duration eraseAfter();

    /** How often the job claims the loops that are due (a {@code @Scheduled} interval). */
    @WithDefault("1m")
    String checkEvery();

    /** Loops claimed per transaction. */
    @WithDefault("100")
    int batchSize();
}
