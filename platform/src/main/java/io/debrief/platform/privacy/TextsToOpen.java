package io.debrief.platform.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

import io.debrief.platform.privacy.LoopKeys.Keys;
import io.smallrye.mutiny.Uni;

/**
 * The personal texts of one answer to a person or a subscriber (a page, a stream burst, a claimed batch of webhooks),
 * gathered by loop so that one request to {@link LoopKeys#keysFor} brings every key they need, and none is made when
 * nothing in them is sealed. What the texts are, and how an item is opened with the keys, each service says itself.
 */
public final class TextsToOpen {

    private final Map<String, List<String>> byLoop = new HashMap<>();

    /** Adds {@code text} of {@code loopId}'s personal text; null (no such text) adds nothing. */
    public TextsToOpen add(String loopId, String text) {
        if (text != null) {
            byLoop.computeIfAbsent(loopId, ignored -> new ArrayList<>()).add(text);
        }
        return this;
    }

    /** The keys that open these texts; fails with {@link LoopKeysUnavailable} when they cannot be had. */
    public Uni<Keys> keys(LoopKeys loopKeys) {
        return loopKeys.keysFor(byLoop);
    }

    /**
     * {@code items} opened, in their order: {@code texts} adds an item's texts, one key request brings the keys of all
     * of them, and {@code open} makes each item's opened form with those keys.
     */
    public static <T, R> Uni<List<R>> open(LoopKeys loopKeys, List<T> items, BiConsumer<TextsToOpen, T> texts,
            BiFunction<T, Keys, R> open) {
        TextsToOpen all = new TextsToOpen();
        items.forEach(item -> texts.accept(all, item));
        return all.keys(loopKeys).map(keys -> items.stream().map(item -> open.apply(item, keys)).toList());
    }
}
