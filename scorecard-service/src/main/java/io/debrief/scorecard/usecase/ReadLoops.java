package io.debrief.scorecard.usecase;

import java.util.List;

import io.debrief.scorecard.domain.Caller;
import io.debrief.scorecard.domain.DomainException;
import io.debrief.scorecard.domain.Loop;
import io.debrief.scorecard.domain.LoopStatus;
import io.debrief.scorecard.domain.Scorecard;
import io.debrief.scorecard.store.LoopStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reading loops and scorecards, with {@link Caller}'s rules applied before anything is returned: an unknown loop is
 * 404 for anyone allowed to ask; an interviewer not on the panel, or reading another's scorecard before submitting
 * their own (blind feedback), is refused.
 */
@ApplicationScoped
public class ReadLoops {

    private final LoopStore loops;

    public ReadLoops(LoopStore loops) {
        this.loops = loops;
    }

    /** The most loops one listing returns. */
    public static final int MAX_LISTED = 500;

    /**
     * Loops newest first, with {@code status} when given: an interviewer's own (those whose panel holds them; naming
     * another interviewer is refused); for overseers, {@code interviewerId}'s, or every loop when null.
     */
    public Uni<List<Loop>> list(Caller caller, String interviewerId, LoopStatus status) {
        String whose = interviewerId;
        if (!caller.oversees()) {
            if (whose == null) {
                whose = caller.subject();
            } else if (!whose.equals(caller.subject())) {
                return Uni.createFrom().failure(new DomainException.Forbidden(
                        "an interviewer may list only their own loops"));
            }
        }
        return loops.list(whose, status, MAX_LISTED);
    }

    /** The loop, when the caller may read it. */
    public Uni<Loop> loop(Caller caller, String loopId) {
        return loops.find(loopId).invoke(loop -> {
            if (!caller.mayRead(loop)) {
                throw new DomainException.Forbidden(
                        "only recruiters, hiring managers, admins and this loop's panel may read it");
            }
        });
    }

    /** The latest version of each submitted scorecard the caller may read, in panel order. */
    public Uni<List<Scorecard>> latestScorecards(Caller caller, String loopId) {
        return loop(caller, loopId).flatMap(loop -> loops.latestScorecards(loop)
                .map(all -> all.stream().filter(s -> caller.mayReadScorecardOf(loop, s.interviewerId())).toList()));
    }

    /** Every version of one interviewer's scorecard, oldest first; 404 when there is none. */
    public Uni<List<Scorecard>> versions(Caller caller, String loopId, String interviewerId) {
        return loop(caller, loopId).flatMap(loop -> {
            if (!caller.mayReadScorecardOf(loop, interviewerId)) {
                return Uni.createFrom().failure(new DomainException.Forbidden(
                        "blind feedback: other interviewers' scorecards can be read after submitting your own"));
            }
            return loops.history(loop, interviewerId);
        });
    }
}
