package io.debrief.notification.usecase;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.debrief.notification.domain.StoredDecision;
import io.debrief.notification.store.DecisionStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * Decisions as a stream that resumes: everything received after a given event, then live, without a gap or a
 * duplicate. A client without a (known) last event gets everything received after it joined. The start is fixed
 * first (the client's last event, or where the table ends as it joins); then the live feed is joined and buffered
 * while the store replays from the start; buffered items the replay already emitted are dropped. The replay pages
 * through decisions by sequence number; {@link RecordDecisions} makes sequence order commit order, so a decision
 * committed after the replay read its page has a higher number and comes live.
 *
 * <p>The replay waits until the feed knows the sequence it goes on from ({@link DecisionFeed#start()}), and so reads
 * at least that far. A client that joined an instance still starting up (the fault suite's kills and restarts) would
 * otherwise miss the decisions committed between its start and the feed's: live only, a client that came in before
 * the feed had started lost the instance's first decisions; a resuming one could lose those its replay read too
 * early to see.
 */
@ApplicationScoped
public class DecisionStream {

    private static final int REPLAY_PAGE = 500;

    private final DecisionStore store;
    private final DecisionFeed feed;

    public DecisionStream(DecisionStore store, DecisionFeed feed) {
        this.store = store;
        this.feed = feed;
    }

    /**
     * @param lastEventId the id of the last event the client saw ({@code loopId:decisionVersion}); empty or unknown
     *                    starts with what is received after the client joined
     * @param onJoined    runs once the live feed is joined, before any decision is emitted
     */
    public Multi<StoredDecision> after(Optional<String> lastEventId, Runnable onJoined) {
        return Multi.createFrom().emitter(emitter -> startSeq(lastEventId)
                // read before the feed is joined: what is committed after this read is replayed or comes live
                .flatMap(seq -> seq.isPresent() ? Uni.createFrom().item(seq.get()) : store.lastSeq())
                .subscribe().with(start -> {
                    if (emitter.isCancelled()) {
                        return;
                    }
                    Resumer resumer = new Resumer(emitter);
                    Runnable leave = feed.listen(resumer::live);
                    emitter.onTermination(leave);
                    onJoined.run();
                    feed.start().flatMap(started -> replay(start, resumer))
                            .subscribe().with(last -> resumer.replayed(), emitter::fail);
                }, emitter::fail));
    }

    private Uni<Optional<Long>> startSeq(Optional<String> lastEventId) {
        Optional<String[]> parts = lastEventId.map(String::trim).filter(id -> id.lastIndexOf(':') > 0)
                .map(id -> new String[] { id.substring(0, id.lastIndexOf(':')), id.substring(id.lastIndexOf(':') + 1) });
        if (parts.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        int version;
        try {
            version = Integer.parseInt(parts.get()[1]);
        } catch (NumberFormatException e) {
            return Uni.createFrom().item(Optional.empty());
        }
        return store.seqOf(parts.get()[0], version);
    }

    /** Emits every stored decision after {@code seq}, page by page; yields the last sequence emitted. */
    private Uni<Long> replay(long seq, Resumer resumer) {
        return store.after(seq, REPLAY_PAGE).flatMap(page -> {
            if (page.isEmpty()) {
                return Uni.createFrom().item(seq);
            }
            long last = resumer.replay(page);
            return page.size() < REPLAY_PAGE ? Uni.createFrom().item(last) : replay(last, resumer);
        });
    }

    /**
     * Joins one client's replay and live items: live items that arrive while the store replays are held back, then
     * those the replay already emitted are dropped. After the replay every live item is emitted as it comes, whatever
     * its sequence number: decisions of different loops are stored by concurrent consumers and may reach the feed in
     * another order than their numbers (a loop's own decisions come from one partition, in order).
     */
    private static final class Resumer {
        private final MultiEmitter<? super StoredDecision> emitter;
        private final Queue<StoredDecision> buffered = new ArrayDeque<>();
        private final Set<Long> replayed = new HashSet<>();
        private boolean replaying = true;
        private long lastReplayed = -1;

        Resumer(MultiEmitter<? super StoredDecision> emitter) {
            this.emitter = emitter;
        }

        synchronized void live(StoredDecision decision) {
            if (replaying) {
                buffered.add(decision);
            } else {
                emitter.emit(decision);
            }
        }

        synchronized long replay(List<StoredDecision> page) {
            for (StoredDecision decision : page) {
                if (replayed.add(decision.seq())) {
                    emitter.emit(decision);
                }
                lastReplayed = Math.max(lastReplayed, decision.seq());
            }
            return lastReplayed;
        }

        synchronized void replayed() {
            while (!buffered.isEmpty()) {
                StoredDecision decision = buffered.poll();
                if (!replayed.contains(decision.seq())) {
                    emitter.emit(decision);
                }
            }
            replayed.clear();
            replaying = false;
        }
    }
}
