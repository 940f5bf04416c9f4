package io.debrief.notification.usecase;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.debrief.notification.domain.StoredDecision;
import io.debrief.notification.domain.StoredEvent;
import io.debrief.notification.events.DecisionJson;
import io.debrief.notification.store.DecisionStore;
import io.debrief.notification.store.EventStore;
import io.debrief.platform.privacy.LoopKeys.Keys;
import io.debrief.platform.privacy.LoopKeysUnavailable;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The use case "read decisions": the latest ones, a loop's ones, and the live stream that resumes after an event, each
 * decision as relayed (the JSON calibration-service published, in contract order, plus its summary).
 */
@ApplicationScoped
public class ReadDecisions {

    /** At most this many stream events share one key request; a live one waits this long for company. */
    private static final int STREAM_BATCH = 500;
    private static final Duration STREAM_BATCH_WAIT = Duration.ofMillis(20);
    /** Batches waiting for their keys at most (a minute of a key outage at one batch per 20 ms is 3,000). */
    static final int STREAM_BATCHES_QUEUED = 4096;
    /** A stream waits out a key service outage: its events are delayed, never dropped. */
    private static final Duration KEYS_RETRY_FIRST = Duration.ofMillis(500);
    private static final Duration KEYS_RETRY_MAX = Duration.ofSeconds(10);

    private final DecisionStore store;
    private final EventStore events;
    private final DecisionStream stream;
    private final DecisionsConfig config;
    private final OpenPersonalText personalText;

    public ReadDecisions(DecisionStore store, EventStore events, DecisionStream stream, DecisionsConfig config,
            OpenPersonalText personalText) {
        this.store = store;
        this.events = events;
        this.stream = stream;
        this.config = config;
        this.personalText = personalText;
    }

    /** A relayed decision with its stream event id {@code loopId:decisionVersion}. */
    public record Relayed(String eventId, String json) {
        @Override
        public String toString() {
            return "Relayed[" + eventId + "]"; // the JSON names the candidate
        }
    }

    /**
     * A loop's decisions, newest version first; without a loop, the latest decisions of all loops; each with its loop's
     * final decision ({@code finalDecision}, when the hiring manager has made one), names and reasons opened with one
     * key request.
     */
    public Uni<List<ObjectNode>> newestFirst(String loopId) {
        return store.newestFirst(loopId, config.listLimit()).flatMap(decisions -> events
                .finalDecisions(decisions.stream().map(StoredDecision::loopId).toList())
                .flatMap(finals -> personalText.keysFor(decisions, finals.values()).map(keys -> decisions.stream()
                        .map(decision -> withFinal(OpenPersonalText.relay(decision, keys), finals.get(decision.loopId()), keys))
                        .toList())));
    }

    private static ObjectNode withFinal(ObjectNode decision, StoredEvent finalDecision, Keys keys) {
        decision.set("finalDecision", finalDecision == null ? null : OpenPersonalText.finalDecision(finalDecision, keys));
        return decision;
    }

    /**
     * Every decision received after {@code lastEventId} (if known), then live ones; see {@link DecisionStream}. Names
     * are opened with one key request per replay page or burst of live decisions, in order; while the key service is
     * down the stream waits and retries.
     */
    public Multi<Relayed> stream(Optional<String> lastEventId, Runnable onJoined) {
        return inBatches(stream.after(lastEventId, onJoined), this::relayed);
    }

    /**
     * {@code decisions} opened a batch at a time, in order. The time-bound grouping emits a batch every
     * {@code STREAM_BATCH_WAIT} whether or not the previous one has been opened yet (its keys may take a while, or wait
     * out an outage), so batches queue in a bounded buffer until their turn: without it the stream failed with a
     * back-pressure error and lost the batches in flight (the fault suite's MISSING decisions). A client so slow that
     * the buffer fills has its stream ended, and resumes with {@code Last-Event-ID}.
     */
    static <T, R> Multi<R> inBatches(Multi<T> decisions, Function<List<T>, Uni<List<R>>> open) {
        return decisions
                .group().intoLists().of(STREAM_BATCH, STREAM_BATCH_WAIT)
                .onOverflow().buffer(STREAM_BATCHES_QUEUED)
                .filter(batch -> !batch.isEmpty())
                .onItem().transformToUniAndConcatenate(batch -> open.apply(batch))
                .onItem().<R>disjoint();
    }

    private Uni<List<Relayed>> relayed(List<StoredDecision> batch) {
        return Uni.createFrom().deferred(() -> personalText.keysForDecisions(batch))
                .onFailure(LoopKeysUnavailable.class).retry().withBackOff(KEYS_RETRY_FIRST, KEYS_RETRY_MAX)
                .indefinitely()
                .map(keys -> batch.stream().map(decision -> new Relayed(decision.eventId(),
                        DecisionJson.write(OpenPersonalText.relay(decision, keys)))).toList());
    }
}
