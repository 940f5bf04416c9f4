package io.debrief.platform.admission;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code debrief.admission.*}: how much work a service takes at once before it sheds load (CONTRACT Part 2). */
@ConfigMapping(prefix = "debrief.admission")
public interface AdmissionConfig {

    /** {@code /api} requests in flight at most (live streams apart); one more is answered 503 at once. */
    @WithDefault("256")
    int maxInFlight();

    /** Live streams ({@code /api/.../stream}) open at most; they last, so they are counted apart. */
    @WithDefault("512")
    int maxStreams();

    /** The {@code Retry-After} of a shed request. */
    @WithDefault("1s")
    Duration retryAfter();
}
