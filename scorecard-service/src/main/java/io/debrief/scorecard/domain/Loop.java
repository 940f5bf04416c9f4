package io.debrief.scorecard.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A candidate's interview loop with its panel. Holds the rules for submitting, amending and cancelling; the store
 * calls them with the loop row locked, so each decision sees the latest state.
 */
public record Loop(UUID loopId, Candidate candidate, String position, Level level, LoopStatus status,
                   List<PanelMember> panel, Instant openedAt, Instant cancelledAt, Instant erasedAt) {

    public Loop {
        panel = List.copyOf(panel);
    }

    public static Loop open(UUID loopId, Candidate candidate, String position, Level level, List<PanelMember> panel,
                            Instant now) {
        return new Loop(loopId, candidate, position, level, LoopStatus.OPEN, panel, now, null, null);
    }

    public Optional<PanelMember> member(String interviewerId) {
        return panel.stream().filter(m -> m.interviewerId().equals(interviewerId)).findFirst();
    }

    public boolean cancelled() {
        return status == LoopStatus.CANCELLED;
    }

    /** Cancelling twice changes nothing: callers check {@link #cancelled()} first to emit no second event. */
    public Loop cancel(Instant now) {
        return cancelled() ? this
                : new Loop(loopId, candidate, position, level, LoopStatus.CANCELLED, panel, openedAt, now, erasedAt);
    }

    /** An interviewer's first scorecard: version 1. Only panel members, only once, only while the loop is open. */
    public Scorecard firstSubmission(String interviewerId, ScorecardContent content, UUID scorecardId, Instant now) {
        PanelMember seat = member(interviewerId)
                .orElseThrow(() -> new DomainException.InvalidField("interviewerId", "is not on this loop's panel"));
        requireOpen();
        if (seat.submitted()) {
            throw new DomainException.Conflict("interviewer " + interviewerId
                    + " already submitted a scorecard for this loop; amend it with PUT");
        }
        return new Scorecard(scorecardId, loopId, interviewerId, seat.stage(), 1, content, now);
    }

    /** A new version of a submitted scorecard: the latest version plus one, same scorecard id. */
    public Scorecard amendment(String interviewerId, ScorecardContent content, Instant now) {
        PanelMember seat = member(interviewerId).filter(PanelMember::submitted)
                .orElseThrow(() -> new DomainException.NotFound("interviewer " + interviewerId
                        + " has no scorecard in this loop to amend"));
        requireOpen();
        return new Scorecard(seat.scorecardId(), loopId, interviewerId, seat.stage(), seat.latestVersion() + 1,
                content, now);
    }

    /** Whether the candidate's personal data was erased: the name, notes and evidence are gone. */
    public boolean erased() {
        return erasedAt != null;
    }

    private void requireOpen() {
        if (cancelled()) {
            throw new DomainException.Conflict("loop " + loopId + " is cancelled and takes no scorecards");
        }
        if (erased()) {
            throw new DomainException.Conflict("the candidate of loop " + loopId
                    + " was erased: the loop takes no scorecards");
        }
    }
}
