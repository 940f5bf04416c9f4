package io.debrief.notification.usecase;

import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;

/**
 * {@code debrief.letter.*}: the candidate feedback letter. Its defaults are written in application.properties (a few
 * learning resources per area), e.g. {@code debrief.letter.resources.CI_CD[0]=…}.
 */
@ConfigMapping(prefix = "debrief.letter")
public interface LetterConfig {

    /** Learning resources per area (a title and a link each), listed under the area in a letter. */
    Map<String, List<String>> resources();
}
