package io.debrief.calibration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code debrief.interviewer-statistics.*} (environment: {@code DEBRIEF_INTERVIEWER_STATISTICS_ENABLED}). Interviewer
 * calibration is kept by every batch of scorecard events; {@code enabled=false} skips that step, so that the benchmark
 * (deploy/bench, scenario {@code replay-statistics}) can measure what keeping the statistics costs a replay. With it off
 * the interviewer tables are neither read nor written by the batches: {@code GET /api/interviewers} serves what was
 * kept before, which is why production leaves it on.
 */
@ConfigMapping(prefix = "debrief.interviewer-statistics")
public interface StatisticsConfig {

    /** Keep the interviewer statistics up to date as decisions are made and amended. */
    @WithDefault("true")
    boolean enabled();
}
