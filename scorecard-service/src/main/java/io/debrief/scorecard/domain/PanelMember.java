package io.debrief.scorecard.domain;

import java.util.UUID;

/**
 * One seat of a loop's panel. {@code scorecardId} is null and {@code latestVersion} 0 until the interviewer submits.
 */
public record PanelMember(String interviewerId, Stage stage, UUID scorecardId, int latestVersion) {

    public static PanelMember seat(String interviewerId, Stage stage) {
        return new PanelMember(interviewerId, stage, null, 0);
    }

    public boolean submitted() {
        return latestVersion > 0;
    }

    PanelMember withVersion(UUID id, int version) {
        return new PanelMember(interviewerId, stage, id, version);
    }
}
