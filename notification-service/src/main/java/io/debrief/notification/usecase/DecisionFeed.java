package io.debrief.notification.usecase;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.debrief.notification.domain.StoredDecision;
import io.smallrye.mutiny.Uni;

/**
 * The live feed of newly stored decisions inside this instance: {@link FollowDecisions} publishes every committed
 * decision, whichever instance stored it, in sequence order, from the sequence where the table ended when it started
 * ({@link #start()}). The stream subscribes here; what it missed it reads from the store, once the feed has started.
 */
@ApplicationScoped
public class DecisionFeed {

    private static final Logger LOG = Logger.getLogger(DecisionFeed.class);

    private final Set<Consumer<StoredDecision>> listeners = new CopyOnWriteArraySet<>();
    private final CompletableFuture<Long> start = new CompletableFuture<>();

    /** The feed goes on from {@code seq}: every decision after it will be published. Only the first call counts. */
    public void startedAfter(long seq) {
        start.complete(seq);
    }

    /**
     * The sequence the feed goes on from, once it is known. A replay read after this completes reaches at least that
     * far, so replay and feed together miss nothing; one read before it could end short of it, and the decisions in
     * between would reach neither (a client that reconnected to an instance still starting up).
     */
    public Uni<Long> start() {
        return Uni.createFrom().completionStage(start::copy);
    }

    /** Never fails: a broken listener must not fail the consumer that has already committed the decision. */
    public void publish(StoredDecision decision) {
        for (Consumer<StoredDecision> listener : listeners) {
            try {
                listener.accept(decision);
            } catch (RuntimeException e) {
                LOG.warnf("A stream listener failed on %s: %s", decision.eventId(), e.getMessage());
            }
        }
    }

    public Runnable listen(Consumer<StoredDecision> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
