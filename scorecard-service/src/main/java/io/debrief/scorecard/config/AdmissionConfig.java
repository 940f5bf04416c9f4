package io.debrief.scorecard.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code debrief.admission.*}: how much work the service takes at once before it sheds load (CONTRACT Part 2). */
@ConfigMapping(prefix = "debrief.admission")
public interface AdmissionConfig {

    /** {@code /api} requests in flight at most; one more is answered 503 at once instead of queueing. */
    @WithDefault("256")
    int maxInFlight();

    /** The {@code Retry-After} of a shed request. */
    @WithDefault("1s")
    Duration retryAfter();
}
