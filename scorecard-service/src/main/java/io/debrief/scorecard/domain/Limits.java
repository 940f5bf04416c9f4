package io.debrief.scorecard.domain;

/** Size limits of CONTRACT.md ("Limits") and the score range of DOMAIN.md ("Scores"). */
public final class Limits {
    public static final int MAX_ID_LENGTH = 200;
    public static final int MAX_TEXT_LENGTH = 10_000;
    public static final int MIN_PANEL = 1;
    public static final int MAX_PANEL = 20;
    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;

    private Limits() {
    }
}
