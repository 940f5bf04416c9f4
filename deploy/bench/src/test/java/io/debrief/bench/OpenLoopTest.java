package io.debrief.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class OpenLoopTest {

    @Test
    void sendsAtTheTargetRateWhateverTheServerDoes() throws Exception {
        OpenLoop.Result result = OpenLoop.run(200, Duration.ofSeconds(1), 1000,
                i -> CompletableFuture.completedFuture(true));
        assertThat(result.requests()).isEqualTo(200);
        assertThat(result.succeeded()).isEqualTo(200);
        assertThat(result.failed()).isZero();
    }

    @Test
    void aStalledServerShowsInTheLatencyOfEveryRequestDueDuringTheStall() throws Exception {
        // the "server" answers instantly except for a 500 ms stall at the start; requests are due every 10 ms
        ScheduledExecutorService server = Executors.newSingleThreadScheduledExecutor();
        long stallEnds = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        try {
            OpenLoop.Result result = OpenLoop.run(100, Duration.ofSeconds(1), 1000, i -> {
                CompletableFuture<Boolean> answer = new CompletableFuture<>();
                long untilStallEnds = stallEnds - System.nanoTime();
                server.schedule(() -> answer.complete(true), Math.max(0, untilStallEnds), TimeUnit.NANOSECONDS);
                return answer;
            });
            // half of the requests were due during the stall, each waiting until it ended: a request due at t waited
            // 500 ms - t. A closed-loop tool would have sent one request and seen one slow answer.
            assertThat(result.p(75.0)).isGreaterThan(200.0);
            assertThat(result.p(99.0)).isGreaterThan(400.0);
            assertThat(result.p(25.0)).isLessThan(50.0);
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void failuresAndRefusalsAreCountedNotHidden() throws Exception {
        OpenLoop.Result result = OpenLoop.run(100, Duration.ofMillis(500), 1000,
                i -> i % 2 == 0 ? CompletableFuture.completedFuture(false) : CompletableFuture.failedFuture(new RuntimeException()));
        assertThat(result.succeeded()).isZero();
        assertThat(result.failed()).isEqualTo(result.requests());
    }
}
