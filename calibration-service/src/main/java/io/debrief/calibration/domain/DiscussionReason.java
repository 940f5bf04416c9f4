package io.debrief.calibration.domain;

/** Why a decision needs a debrief discussion; {@code area} only for DISAGREEMENT, {@code flag} only for REPEATED_RED_FLAG. */
public record DiscussionReason(DiscussionReasonType reason, Area area, String flag) {

    public static DiscussionReason disagreement(Area area) {
        return new DiscussionReason(DiscussionReasonType.DISAGREEMENT, area, null);
    }

    public static DiscussionReason repeatedRedFlag(String flag) {
        return new DiscussionReason(DiscussionReasonType.REPEATED_RED_FLAG, null, flag);
    }

    public static DiscussionReason recommendationConflict() {
        return new DiscussionReason(DiscussionReasonType.RECOMMENDATION_CONFLICT, null, null);
    }
}
