package io.debrief.chaos.check;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

import io.debrief.chaos.workload.Expected;

/**
 * Recovery after a fault: the time from the fault's end until the pipeline has delivered, on one channel (the stream,
 * or the catch-all webhook subscription), both every decision whose cause was acknowledged before the end, and the
 * first decision whose cause was acknowledged after it — "the next decision reaching the stream".
 */
public final class Recovery {

    private Recovery() {
    }

    /**
     * @param arrival when a decision reached the channel, or null if it never did
     * @return milliseconds, or empty when no decision came after the fault's end at all
     */
    public static OptionalLong after(long endedAt, List<Expected> decisions, Function<Expected, Long> arrival) {
        long caughtUp = endedAt;
        long next = Long.MAX_VALUE;
        for (Expected decision : decisions) {
            Long at = arrival.apply(decision);
            if (decision.causedAt() <= endedAt) {
                if (at != null && at > caughtUp) {
                    caughtUp = at;
                }
            } else if (at != null && at < next) {
                next = at;
            }
        }
        if (next == Long.MAX_VALUE) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(caughtUp, next) - endedAt);
    }

    /**
     * The longest a decision caused during the fault (acknowledged from 2 s before it began until it ended) took to
     * reach the channel: with two instances of a service, the survivor's takeover shows here, not after the end.
     */
    public static OptionalLong worstLatency(long startedAt, long endedAt, List<Expected> decisions,
                                            Function<Expected, Long> arrival) {
        long worst = -1;
        for (Expected decision : decisions) {
            Long at = arrival.apply(decision);
            if (at != null && decision.causedAt() >= startedAt - 2000 && decision.causedAt() <= endedAt) {
                worst = Math.max(worst, at - decision.causedAt());
            }
        }
        return worst < 0 ? OptionalLong.empty() : OptionalLong.of(worst);
    }

    /** Whether a channel has recovered from a fault that ended at {@code endedAt} (as {@link #after} would measure). */
    public static boolean recovered(long endedAt, List<Expected> decisions, Function<Expected, Long> arrival) {
        boolean next = false;
        for (Expected decision : decisions) {
            Long at = arrival.apply(decision);
            if (decision.causedAt() <= endedAt) {
                if (at == null) {
                    return false;
                }
            } else if (at != null) {
                next = true;
            }
        }
        return next;
    }
}
