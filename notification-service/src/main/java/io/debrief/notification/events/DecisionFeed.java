package io.debrief.notification.events;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.debrief.notification.store.StoredDecision;

/**
 * The live feed of newly stored decisions inside this instance, published after their transaction has committed,
 * in received order. The stream subscribes here; what it missed it reads from the store.
 */
@ApplicationScoped
public class DecisionFeed {

    private final Set<Consumer<StoredDecision>> listeners = new CopyOnWriteArraySet<>();

    public void publish(StoredDecision decision) {
        listeners.forEach(listener -> listener.accept(decision));
    }

    public Runnable listen(Consumer<StoredDecision> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
