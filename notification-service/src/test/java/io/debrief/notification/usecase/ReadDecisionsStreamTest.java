package io.debrief.notification.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;

/** The stream's batches of decisions, opened one batch at a time while more keep coming. */
class ReadDecisionsStreamTest {

    @Test
    void decisionsArrivingWhileABatchWaitsForItsKeysAreAllRelayedInOrder() {
        // a decision every 5 ms for a second, while opening a batch takes 100 ms (a slow key service): many batches
        // are grouped while one is being opened
        List<Integer> sent = IntStream.range(0, 200).boxed().toList();
        Multi<Integer> decisions = Multi.createFrom().ticks().every(Duration.ofMillis(5))
                .select().first(sent.size()).map(Long::intValue);

        AssertSubscriber<Integer> client = ReadDecisions.inBatches(decisions,
                        (List<Integer> batch) -> Uni.createFrom().item(batch).onItem().delayIt()
                                .by(Duration.ofMillis(100)))
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));

        client.awaitCompletion(Duration.ofSeconds(30));
        assertThat(client.getItems()).containsExactlyElementsOf(sent);
    }
}
