package io.debrief.platform.admission;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code debrief.admission.*}: how much work a service takes at once before it sheds load (CONTRACT Part 2). */
@ConfigMapping(prefix = "debrief.admission")
public interface AdmissionConfig {

    /**
     * {@code /api} requests in flight at most (live streams apart), however fast the service answers; one more is
     * answered 503 at once. The adaptive limit starts here and comes back here after a quiet second, so a burst of up
     * to this many concurrent callers on a quiet service is let in whole.
     */
    @WithDefault("256")
    int maxInFlight();

    /**
     * Whether the limit of requests adapts to the service's latency ({@code AdaptiveLimit}) between {@code
     * min-in-flight} and {@code max-in-flight}; false: always {@code max-in-flight}.
     */
    @WithDefault("true")
    boolean adaptive();

    /**
     * The adaptive limit's floor: it never admits fewer requests at once than this. Low enough that a saturated
     * instance keeps its queue short, high enough that a brief slowdown (a collection, a checkpoint) never refuses a
     * handful of concurrent callers.
     */
    @WithDefault("16")
    int minInFlight();

    /** Live streams ({@code /api/.../stream}) open at most; they last, so they are counted apart. */
    @WithDefault("512")
    int maxStreams();

    /** The {@code Retry-After} of a shed request. */
    @WithDefault("1s")
    Duration retryAfter();
}
