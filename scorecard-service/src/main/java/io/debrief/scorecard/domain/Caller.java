package io.debrief.scorecard.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.debrief.platform.security.Roles;

/**
 * Who is asking (the token's {@code sub} and {@code groups}), and what they may do with a loop: CONTRACT.md
 * "Identity and access".
 * Opening and cancelling loops is a role check on the resource ({@code recruiter}, {@code admin}); the rules that
 * depend on the loop or on the subject are here.
 * <ul>
 * <li>Only the interviewer themself ({@code sub} = {@code interviewerId}) submits or amends their scorecard.</li>
 * <li>Recruiters, hiring managers and admins read every loop and every scorecard. An interviewer reads the loops
 * whose panel they sit on, and their own scorecard; the other interviewers' scorecards only once they have submitted
 * their own (blind feedback: nobody's opinion colours theirs). Panels never change and a submission is never taken
 * back, so a permission, once given, stays true.</li>
 * </ul>
 */
public record Caller(String subject, Set<String> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** Recruiters, hiring managers and admins see every loop and scorecard. */
    public boolean oversees() {
        return roles.stream().anyMatch(Roles.OVERSEERS::contains);
    }

    /** Submit or amend {@code interviewerId}'s scorecard: that interviewer only (the panel rule is the loop's). */
    public boolean mayWriteScorecardOf(String interviewerId) {
        return roles.contains(Roles.INTERVIEWER) && subject != null && subject.equals(interviewerId);
    }

    public boolean mayRead(Loop loop) {
        return oversees() || seat(loop).isPresent();
    }

    /** Read {@code interviewerId}'s scorecard in {@code loop} (whether or not it exists). */
    public boolean mayReadScorecardOf(Loop loop, String interviewerId) {
        if (oversees()) {
            return true;
        }
        return seat(loop).map(own -> own.interviewerId().equals(interviewerId) || own.submitted()).orElse(false);
    }

    /** The caller's own seat on the panel, when they are an interviewer on it. */
    private Optional<PanelMember> seat(Loop loop) {
        if (!roles.contains(Roles.INTERVIEWER) || subject == null) {
            return Optional.empty();
        }
        return loop.panel().stream().filter(m -> Objects.equals(m.interviewerId(), subject)).findFirst();
    }
}
