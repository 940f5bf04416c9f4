package io.debrief.chaos.check;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the checker found, by category, with the first examples of each. */
public final class Findings {

    public enum Category {
        /** An acknowledged write that cannot be read back, or whose event never reached its topic. */
        LOST,
        /** One write or decision that appears twice: two events (distinct ce_id) for one write, a decision version made twice. */
        DUPLICATED,
        /** Something that is there but differs from what the acknowledged writes and the exact reference say. */
        WRONG,
        /** A decision version the topic, a matching subscription or the resumed stream never got. */
        MISSING
    }

    private static final int EXAMPLES = 25;

    private final Map<Category, Integer> counts = new EnumMap<>(Category.class);
    private final Map<Category, List<String>> examples = new EnumMap<>(Category.class);
    private final Map<String, Long> notes = new LinkedHashMap<>();

    public Findings() {
        for (Category category : Category.values()) {
            counts.put(category, 0);
            examples.put(category, new ArrayList<>());
        }
    }

    public synchronized void add(Category category, String what) {
        counts.merge(category, 1, Integer::sum);
        if (examples.get(category).size() < EXAMPLES) {
            examples.get(category).add(what);
        }
    }

    /** A figure worth reporting that is not a failure (e.g. an amendment applied twice by a retried PUT). */
    public synchronized void note(String what, long amount) {
        notes.merge(what, amount, Long::sum);
    }

    public synchronized Map<Category, Integer> counts() {
        return new EnumMap<>(counts);
    }

    public synchronized Map<Category, List<String>> examples() {
        Map<Category, List<String>> copy = new EnumMap<>(Category.class);
        examples.forEach((category, list) -> copy.put(category, List.copyOf(list)));
        return copy;
    }

    public synchronized Map<String, Long> notes() {
        return new LinkedHashMap<>(notes);
    }

    public synchronized int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
