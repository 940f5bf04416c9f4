package io.debrief.platform.observability;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One counter name with one tag: a counter per tag value, the known values registered at once (at zero, so each
 * series exists before its first increment), any other value on its first use. E.g.
 * {@code debrief_decisions_total{outcome}} or {@link #deadLetters debrief_dead_letters_total{topic}}.
 */
public final class TaggedCounters {

    private final MeterRegistry registry;
    private final String name;
    private final String description;
    private final String tag;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public TaggedCounters(MeterRegistry registry, String name, String description, String tag, List<String> known) {
        this.registry = registry;
        this.name = name;
        this.description = description;
        this.tag = tag;
        known.forEach(this::counter);
    }

    /**
     * {@code debrief_dead_letters_total{topic}}: records sent to the dead-letter topic, by the topic they were consumed
     * from (the count {@code DeadLetters.counted} reports), one series per consumed topic from the start.
     */
    public static TaggedCounters deadLetters(MeterRegistry registry, String... consumedTopics) {
        return new TaggedCounters(registry, "debrief.dead.letters",
                "Records sent to the dead-letter topic, by the topic they were consumed from", "topic",
                List.of(consumedTopics));
    }

    /** Counts one for {@code value}. */
    public void increment(String value) {
        counter(value).increment();
    }

    /** The counter of {@code value}, registered on first use. */
    public Counter counter(String value) {
        return counters.computeIfAbsent(value, v -> Counter.builder(name).description(description).tag(tag, v)
                .register(registry));
    }
}
