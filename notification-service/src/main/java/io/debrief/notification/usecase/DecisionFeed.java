package io.debrief.notification.usecase;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.debrief.notification.domain.StoredDecision;

/**
 * The live feed of newly stored decisions inside this instance: {@link FollowDecisions} publishes every committed
 * decision, whichever instance stored it, in sequence order. The stream subscribes here; what it missed it reads from
 * the store.
 */
@ApplicationScoped
public class DecisionFeed {

    private static final Logger LOG = Logger.getLogger(DecisionFeed.class);

    private final Set<Consumer<StoredDecision>> listeners = new CopyOnWriteArraySet<>();

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
