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

    @Test
    void anAnswerThatNeverComesCountsAsAtLeastTheTimeItWasWaitedFor() throws Exception {
        OpenLoop.Result result = OpenLoop.run(100, Duration.ofMillis(300), 1000, Duration.ofMillis(200),
                i -> new CompletableFuture<>());
        assertThat(result.unanswered()).isEqualTo(result.requests()).isEqualTo(30);
        assertThat(result.failed()).isEqualTo(30);
        assertThat(result.succeeded()).isZero();
        // recorded, not left out: every one of them waited at least the drain after the last one was due
        assertThat(result.latencies().getTotalCount()).isEqualTo(30);
        assertThat(result.latencies().getMinValue()).isGreaterThanOrEqualTo(200_000);
    }

    @Test
    void aGeneratorThatFallsBehindChargesItsOwnLatenessToEveryLateRequest() throws Exception {
        // sending request 0 blocks the generator for 300 ms; requests 1..20 were due by 200 ms, so each of them, and
        // request 0 itself, is at least 100 ms late although the "server" answers at once
        OpenLoop.Result result = OpenLoop.run(100, Duration.ofSeconds(1), 1000, i -> {
            if (i == 0) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return CompletableFuture.completedFuture(true);
        });
        assertThat(result.succeeded()).isEqualTo(100);
        assertThat(result.latencies().getCountBetweenValues(100_000, Long.MAX_VALUE / 4)).isGreaterThanOrEqualTo(20);
        assertThat(result.sendLag().getCountBetweenValues(100_000, Long.MAX_VALUE / 4)).isGreaterThanOrEqualTo(20);
    }

    @Test
    void requestsOverTheInFlightLimitAreNotSentAndCountAsFailures() throws Exception {
        OpenLoop.Result result = OpenLoop.run(100, Duration.ofMillis(200), 5, Duration.ofMillis(50),
                i -> new CompletableFuture<>());
        assertThat(result.requests()).isEqualTo(20);
        assertThat(result.dropped()).isEqualTo(15);
        assertThat(result.unanswered()).isEqualTo(5);
        assertThat(result.failed()).isEqualTo(20);
    }

    @Test
    void answersAreCountedAndTimedApartByWhatTheyWere() throws Exception {
        // every third request is refused with 503 at once, the others accepted after 20 ms
        ScheduledExecutorService server = Executors.newSingleThreadScheduledExecutor();
        try {
            OpenLoop.Classified answers = OpenLoop.classified(300, Duration.ofSeconds(1), 1000, Duration.ofSeconds(2), i -> {
                CompletableFuture<OpenLoop.Outcome> answer = new CompletableFuture<>();
                if (i % 3 == 0) {
                    answer.complete(new OpenLoop.Outcome("503", false));
                } else if (i == 1) {
                    answer.completeExceptionally(new RuntimeException("connection reset"));
                } else {
                    server.schedule(() -> answer.complete(new OpenLoop.Outcome("201", true)), 20, TimeUnit.MILLISECONDS);
                }
                return answer;
            });
            assertThat(answers.all().requests()).isEqualTo(300);
            assertThat(answers.count("503")).isEqualTo(100);
            assertThat(answers.count(OpenLoop.Outcome.ERROR)).isEqualTo(1);
            assertThat(answers.count("201")).isEqualTo(199);
            assertThat(answers.all().succeeded()).isEqualTo(199);
            assertThat(answers.all().failed()).isEqualTo(101);
            assertThat(answers.p("201", 50)).isGreaterThanOrEqualTo(19.0);
            assertThat(answers.p("503", 50)).isLessThan(answers.p("201", 50));
            assertThat(answers.p("404", 99)).isZero();
        } finally {
            server.shutdownNow();
        }
    }
}
