package io.debrief.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class TaggedCountersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void everyKnownValueExistsAtZeroAndAnyOtherAppearsOnItsFirstUse() {
        TaggedCounters counters = new TaggedCounters(registry, "debrief.things", "Things by colour", "colour",
                List.of("red", "blue"));

        assertThat(registry.get("debrief.things").tag("colour", "red").counter().count()).isZero();
        assertThat(registry.get("debrief.things").tag("colour", "blue").counter().count()).isZero();
        assertThat(registry.find("debrief.things").tag("colour", "green").counter()).isNull();

        counters.increment("red");
        counters.increment("red");
        counters.increment("green");

        assertThat(registry.get("debrief.things").tag("colour", "red").counter().count()).isEqualTo(2);
        assertThat(registry.get("debrief.things").tag("colour", "green").counter().count()).isEqualTo(1);
        assertThat(registry.get("debrief.things").tag("colour", "red").counter().getId().getDescription()).isEqualTo("Things by colour");
    }

    @Test
    void theDeadLetterCountersAreOneSeriesPerConsumedTopic() {
        TaggedCounters deadLetters = TaggedCounters.deadLetters(registry, "hiring-decisions", "scorecard-events");
        deadLetters.increment("scorecard-events");

        assertThat(registry.get("debrief.dead.letters").tag("topic", "hiring-decisions").counter().count()).isZero();
        assertThat(registry.get("debrief.dead.letters").tag("topic", "scorecard-events").counter().count()).isEqualTo(1);
    }
}
