package io.debrief.scorecard.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.debrief.platform.observability.TracePropagation;
import io.debrief.scorecard.domain.Loop;
import io.debrief.scorecard.domain.PanelMember;
import io.debrief.scorecard.domain.Scorecard;
import io.debrief.scorecard.store.OutboxRow;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one place that makes this service's events (CONTRACT.md, {@code scorecard-events}): the data record of each
 * type as JSON, in an outbox row that the use case stores with its change. The id of a row is its {@code ce_id}; the
 * current trace context goes with it, for the relay to continue.
 */
@ApplicationScoped
public class OutboxEvents {

    private final ObjectMapper mapper;
    private final TracePropagation tracing;

    public OutboxEvents(ObjectMapper mapper, TracePropagation tracing) {
        this.mapper = mapper;
        this.tracing = tracing;
    }

    /** {@code hiring.loop.opened.v1}, the candidate's name sealed under the loop's {@code key}. */
    public OutboxRow loopOpened(Loop loop, byte[] key) {
        return row(UUID.randomUUID().toString(), loop.loopId(), EventTypes.LOOP_OPENED, LoopOpened.of(loop, key),
                loop.openedAt());
    }

    public OutboxRow scorecardSubmitted(Scorecard scorecard) {
        return row(UUID.randomUUID().toString(), scorecard.loopId(), EventTypes.SCORECARD_SUBMITTED,
                ScorecardSubmitted.of(scorecard), scorecard.submittedAt());
    }

    public OutboxRow loopCancelled(Loop loop) {
        return row(UUID.randomUUID().toString(), loop.loopId(), EventTypes.LOOP_CANCELLED, LoopCancelled.of(loop),
                loop.cancelledAt());
    }

    /**
     * Reminder {@code reminder} of {@code member}'s missing scorecard. Its id is {@code {loopId}:{interviewerId}:overdue:{n}}
     * (CONTRACT.md Part 2): the same reminder always has the same {@code ce_id}.
     */
    public OutboxRow scorecardOverdue(UUID loopId, PanelMember member, int reminder, Instant overdueSince, Instant now) {
        return row(loopId + ":" + member.interviewerId() + ":overdue:" + reminder, loopId, EventTypes.SCORECARD_OVERDUE,
                new ScorecardOverdue(loopId.toString(), member.interviewerId(), member.stage(), member.scheduledEnd(),
                        reminder, overdueSince), now);
    }

    /**
     * {@code hiring.candidate.erased.v1} (CONTRACT.md Part 2): the one event keyed by its candidate, not a loop. Its id
     * is {@code {candidateId}:erased:{erasedAt in epoch ms}}: an erasure of loops opened later is another event.
     */
    public OutboxRow candidateErased(String candidateId, List<UUID> loopIds, Instant erasedAt) {
        return row(candidateId + ":erased:" + erasedAt.toEpochMilli(), candidateId, EventTypes.CANDIDATE_ERASED,
                new CandidateErased(candidateId, loopIds.stream().map(UUID::toString).toList(), erasedAt), erasedAt);
    }

    private OutboxRow row(String id, UUID loopId, String type, Object data, Instant time) {
        return row(id, loopId.toString(), type, data, time);
    }

    private OutboxRow row(String id, String key, String type, Object data, Instant time) {
        try {
            Map<String, String> trace = tracing.current();
            return new OutboxRow(id, key, type, mapper.writeValueAsString(data), time,
                    trace.get(TracePropagation.TRACEPARENT), trace.get(TracePropagation.TRACESTATE));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + type, e);
        }
    }
}
