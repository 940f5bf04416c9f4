package io.debrief.calibration.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * DOMAIN.md "Final decision": a hiring manager's (or admin's) HIRE or NO_HIRE for a DECIDED loop, with the written
 * reason, against the decision version they saw. It is an {@code override} when it differs from the computed outcome;
 * an INSUFFICIENT_EVIDENCE can only be finalised as NO_HIRE (which differs from it, so it is an override too). A loop
 * is finalised once; later amendments may make new decision versions, the final decision stays as recorded.
 */
public record FinalDecision(String loopId, Outcome outcome, String reason, int decisionVersion, Outcome computedOutcome,
                            boolean override, String decidedBy, Instant decidedAt) {

    /** Why a final decision is refused: each a conflict with the loop's state. */
    public enum Refusal {
        NOT_DECIDED("the loop is not DECIDED"),
        STALE_VERSION("the decision version is not the loop's latest"),
        ALREADY_FINAL("the loop already has a final decision"),
        HIRE_ON_INSUFFICIENT_EVIDENCE("an INSUFFICIENT_EVIDENCE decision can only be finalised as NO_HIRE");

        public final String text;

        Refusal(String text) {
            this.text = text;
        }
    }

    /** A final decision the loop's state refuses. */
    public static final class Refused extends RuntimeException {
        private final Refusal refusal;

        public Refused(Refusal refusal, String detail) {
            super(detail, null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    public FinalDecision {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == Outcome.INSUFFICIENT_EVIDENCE) {
            throw new IllegalArgumentException("a final decision is HIRE or NO_HIRE");
        }
    }

    /**
     * The final decision of a loop in {@code state} (already final when {@code existing} is not null), or
     * {@link Refused}: the loop must be DECIDED, {@code decisionVersion} its latest, not yet final, and an
     * INSUFFICIENT_EVIDENCE can only become NO_HIRE.
     */
    public static FinalDecision decide(Loop.State state, FinalDecision existing, Outcome outcome, String reason,
                                       int decisionVersion, String decidedBy, Instant now) {
        if (state.status() != CalibrationStatus.DECIDED || state.outcome() == null) {
            throw refused(Refusal.NOT_DECIDED, state);
        }
        if (existing != null) {
            throw refused(Refusal.ALREADY_FINAL, state);
        }
        if (state.decisionVersion() == null || decisionVersion != state.decisionVersion()) {
            throw new Refused(Refusal.STALE_VERSION, Refusal.STALE_VERSION.text + ": " + decisionVersion
                    + " was given, the latest is " + state.decisionVersion());
        }
        if (state.outcome() == Outcome.INSUFFICIENT_EVIDENCE && outcome == Outcome.HIRE) {
            throw refused(Refusal.HIRE_ON_INSUFFICIENT_EVIDENCE, state);
        }
        return new FinalDecision(state.loopId(), outcome, reason, decisionVersion, state.outcome(),
                outcome != state.outcome(), decidedBy, now);
    }

    private static Refused refused(Refusal refusal, Loop.State state) {
        return new Refused(refusal, refusal.text + " (loop " + state.loopId() + ")");
    }
}
