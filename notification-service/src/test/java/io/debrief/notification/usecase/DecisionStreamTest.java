package io.debrief.notification.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.debrief.notification.store.DecisionStore;
import io.debrief.notification.domain.StoredDecision;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

/** The join of replay and live feed, with the store's replay held back to force the race. */
class DecisionStreamTest {

    private final DecisionFeed feed = new DecisionFeed();
    private final AtomicReference<UniEmitter<? super List<StoredDecision>>> pendingReplay = new AtomicReference<>();
    private final List<UniEmitter<? super List<StoredDecision>>> replays = new CopyOnWriteArrayList<>();
    /** Where the decision table ends: the start of a client without a known last event. */
    private long tableEnd = 4;
    private final List<Long> requestedAfter = new ArrayList<>();

    private final DecisionStore store = new DecisionStore(null) {
        @Override
        public Uni<Optional<Long>> seqOf(String loopId, int decisionVersion) {
            return Uni.createFrom().item(loopId.equals("loop-5") && decisionVersion == 1 ? Optional.of(5L)
                    : Optional.empty());
        }

        @Override
        public Uni<List<StoredDecision>> after(long seq, int limit) {
            requestedAfter.add(seq);
            return Uni.createFrom().<List<StoredDecision>>emitter(emitter -> {
                pendingReplay.set(emitter);
                replays.add(emitter);
            });
        }

        @Override
        public Uni<Long> lastSeq() {
            return Uni.createFrom().item(tableEnd);
        }
    };

    private final DecisionStream stream = new DecisionStream(store, feed);

    @BeforeEach
    void theFeedHasStarted() {
        feed.startedAfter(4);
    }

    @Test
    void aClientThatJoinsBeforeTheFeedHasStartedReplaysOnlyOnceItHas() {
        DecisionFeed starting = new DecisionFeed();
        List<Long> received = new CopyOnWriteArrayList<>();
        new DecisionStream(store, starting).after(Optional.of("loop-5:1"), () -> { })
                .subscribe().with(decision -> received.add(decision.seq()));

        // a replay now could end before the sequence the feed will go on from, and what lies between would be lost
        assertThat(requestedAfter).isEmpty();
        starting.startedAfter(7);
        assertThat(requestedAfter).containsExactly(5L);
        pendingReplay.get().complete(List.of(decision(6), decision(7)));
        starting.publish(decision(8));

        assertThat(received).containsExactly(6L, 7L, 8L);
    }

    @Test
    void liveDecisionsDuringTheReplayAreNeitherLostNorDuplicated() {
        List<Long> received = new CopyOnWriteArrayList<>();
        stream.after(Optional.of("loop-5:1"), () -> { }).subscribe().with(decision -> received.add(decision.seq()));

        // committed while the replay query runs: 7 is also in the replay, 8 is not
        feed.publish(decision(7));
        feed.publish(decision(8));
        assertThat(received).isEmpty();
        pendingReplay.get().complete(List.of(decision(6), decision(7)));
        feed.publish(decision(9));

        assertThat(requestedAfter).containsExactly(5L);
        assertThat(received).containsExactly(6L, 7L, 8L, 9L);
    }

    @Test
    void liveDecisionsThatReachTheFeedOutOfSequenceOrderAreAllEmitted() {
        List<Long> received = new CopyOnWriteArrayList<>();
        stream.after(Optional.of("loop-5:1"), () -> { }).subscribe().with(decision -> received.add(decision.seq()));
        feed.publish(decision(7)); // during the replay, and not in it
        pendingReplay.get().complete(List.of(decision(6), decision(8)));

        // three consumers store decisions of different partitions concurrently: 10 reaches the feed after 11
        feed.publish(decision(11));
        feed.publish(decision(10));
        feed.publish(decision(9));

        assertThat(received).containsExactly(6L, 8L, 7L, 11L, 10L, 9L);
    }

    @Test
    void withoutLastEventIdEverythingReceivedAfterTheClientJoinedArrives() {
        List<Long> received = new CopyOnWriteArrayList<>();
        List<String> joined = new CopyOnWriteArrayList<>();
        stream.after(Optional.empty(), () -> joined.add("joined")).subscribe().with(d -> received.add(d.seq()));

        // the table ended at 4 when the client came: the replay from there finds 5, which is also live
        feed.publish(decision(5));
        pendingReplay.get().complete(List.of(decision(5)));
        feed.publish(decision(6));

        assertThat(joined).containsExactly("joined");
        assertThat(requestedAfter).containsExactly(4L);
        assertThat(received).containsExactly(5L, 6L);
    }

    @Test
    void aClientWithoutLastEventIdThatJoinsBeforeTheFeedHasStartedGetsTheDecisionsInBetween() {
        // CI's fault suite: the stream client connected to a fresh instance whose feed went on from 5, read after the
        // first five decisions were stored; live only, the client never got them
        DecisionFeed starting = new DecisionFeed();
        List<Long> received = new CopyOnWriteArrayList<>();
        tableEnd = 0;
        new DecisionStream(store, starting).after(Optional.empty(), () -> { })
                .subscribe().with(decision -> received.add(decision.seq()));

        starting.startedAfter(5);
        assertThat(requestedAfter).containsExactly(0L);
        pendingReplay.get().complete(List.of(decision(1), decision(2), decision(3), decision(4), decision(5)));
        starting.publish(decision(6));

        assertThat(received).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void unknownLastEventIdStartsWhereTheTableEndsAsTheClientJoins() {
        List<Long> received = new CopyOnWriteArrayList<>();
        stream.after(Optional.of("never-seen:3"), () -> { }).subscribe().with(d -> received.add(d.seq()));
        stream.after(Optional.of("garbage"), () -> { }).subscribe().with(d -> received.add(d.seq()));
        replays.forEach(replay -> replay.complete(List.of()));

        feed.publish(decision(11));

        assertThat(requestedAfter).containsExactly(4L, 4L);
        assertThat(received).containsExactly(11L, 11L);
    }

    @Test
    void cancelledClientLeavesTheFeed() {
        List<Long> received = new CopyOnWriteArrayList<>();
        var subscription = stream.after(Optional.empty(), () -> { }).subscribe().with(d -> received.add(d.seq()));

        subscription.cancel();
        feed.publish(decision(5));
        pendingReplay.get().complete(List.of(decision(5)));

        assertThat(received).isEmpty();
    }

    private static StoredDecision decision(long seq) {
        return new StoredDecision(seq, "loop-" + seq, 1, "{}", "summary", Instant.EPOCH);
    }
}
