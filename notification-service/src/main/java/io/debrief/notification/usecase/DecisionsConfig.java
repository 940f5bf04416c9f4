package io.debrief.notification.usecase;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code debrief.decisions.*}: how decisions are read. */
@ConfigMapping(prefix = "debrief.decisions")
public interface DecisionsConfig {

    /** How many decisions {@code GET /api/decisions} answers without a loop. */
    @WithDefault("100")
    int listLimit();
}
