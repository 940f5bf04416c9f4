package io.debrief.platform.admission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The adaptive limit against a simulated service on a simulated clock: a service that answers in {@code base} while
 * it has room, and whose answers slow down in proportion once more requests are in flight than it can work on.
 */
class AdaptiveLimitTest {

    private long now;
    private final AdaptiveLimit.Clock clock = () -> now;

    /**
     * Runs {@code windows} windows of traffic: {@code offered} requests at once, of which the limit admits what it
     * admits; they answer together, in {@code baseNanos} times how many rounds of {@code capacity} they queue for.
     */
    private void drive(AdaptiveLimit limit, int offered, int capacity, long baseNanos, int windows) {
        for (int w = 0; w < windows; w++) {
            int admitted = 0;
            for (int i = 0; i < offered; i++) {
                if (limit.tryAcquire() >= 0) {
                    admitted++;
                }
            }
            long latency = baseNanos * Math.max(1, (admitted + capacity - 1) / capacity);
            now += Math.max(latency, AdaptiveLimit.WINDOW_NANOS);
            for (int i = 0; i < admitted; i++) {
                limit.release(now - latency, true);
            }
        }
    }

    @Test
    void aServiceThatSlowsDownUnderItsQueueIsGivenLess() {
        AdaptiveLimit limit = new AdaptiveLimit(16, 256, 256, clock);
        drive(limit, 20, 32, 2_000_000, 20); // light load: 2 ms answers, the baseline
        drive(limit, 1000, 32, 2_000_000, 60); // a flood: every request beyond 32 only waits
        // from 256 (answers in 16 ms) to about what keeps them within twice the baseline: two rounds of 32
        assertThat(limit.limit()).isBetween(32, 96);
    }

    @Test
    void anOverloadLongerThanTheBaselinesMemoryDoesNotTeachItTheQueuesLatency() {
        AdaptiveLimit limit = new AdaptiveLimit(16, 256, 256, clock);
        drive(limit, 20, 32, 2_000_000, 20); // light load: 2 ms answers, the baseline
        // five minutes of a flood, five times the baseline's memory: every window sheds
        drive(limit, 1000, 32, 2_000_000, (int) (5 * 60_000_000_000L / AdaptiveLimit.WINDOW_NANOS));
        // as after one minute: about what keeps answers within twice the 2 ms learnt before the flood, not the 256 a
        // baseline of the flood's own 4-6 ms answers (then 8-12 ms, ...) would let the limit climb back to
        assertThat(limit.limit()).isBetween(32, 96);
    }

    @Test
    void aFastServiceThatIsHeldBackByTheLimitIsGivenMoreUpToTheCeiling() {
        AdaptiveLimit limit = new AdaptiveLimit(16, 128, 16, clock);
        drive(limit, 1000, 1000, 2_000_000, 80); // answers stay at 2 ms however many are in flight
        assertThat(limit.limit()).isEqualTo(128);
    }

    @Test
    void aQuietSecondBringsTheLimitBackToTheCeilingSoTheNextBurstIsLetInWhole() {
        AdaptiveLimit limit = new AdaptiveLimit(16, 256, 256, clock);
        drive(limit, 20, 32, 2_000_000, 20);
        drive(limit, 1000, 32, 2_000_000, 60);
        assertThat(limit.limit()).isLessThan(128);
        now += AdaptiveLimit.STALE_NANOS / 2;
        assertThat(limit.tryAcquire()).as("half a second is not quiet yet").isNotNegative();
        assertThat(limit.limit()).isLessThan(128);
        now += AdaptiveLimit.STALE_NANOS;
        for (int i = 0; i < 200; i++) {
            assertThat(limit.tryAcquire()).as("request %d of a burst after a quiet second", i).isNotNegative();
        }
        assertThat(limit.limit()).isEqualTo(256);
    }

    @Test
    void aLightlyLoadedServicesLimitDoesNotGrowWhileItIsNotWhatHoldsItBack() {
        AdaptiveLimit limit = new AdaptiveLimit(16, 128, 20, clock);
        drive(limit, 15, 1000, 2_000_000, 80); // 15 at a time: under 80 % of the limit of 20, so it is not what holds it back
        assertThat(limit.limit()).isEqualTo(20);
    }

    @Test
    void theLimitNeverFallsBelowTheFloorNorRisesAboveTheCeiling() {
        AdaptiveLimit limit = new AdaptiveLimit(16, 64, 64, clock);
        drive(limit, 20, 32, 1_000_000, 10);
        drive(limit, 5000, 1, 1_000_000, 100); // hopelessly slow
        assertThat(limit.limit()).isEqualTo(16);
        AdaptiveLimit none = new AdaptiveLimit(16, 0, 16, clock);
        assertThat(none.limit()).isZero();
        assertThat(none.tryAcquire()).isNegative();
    }

    @Test
    void requestsBeyondTheLimitAreRefusedAndEveryReleaseMakesRoom() {
        AdaptiveLimit limit = new AdaptiveLimit(2, 2, 2, clock);
        long first = limit.tryAcquire();
        long second = limit.tryAcquire();
        assertThat(first).isNotNegative();
        assertThat(second).isNotNegative();
        assertThat(limit.tryAcquire()).isNegative();
        assertThat(limit.inFlight()).isEqualTo(2);
        limit.release(first, false);
        assertThat(limit.tryAcquire()).isNotNegative();
    }

    @Test
    void failedFastRequestsTeachTheLimitNothing() {
        AdaptiveLimit limit = new AdaptiveLimit(16, 256, 256, clock);
        drive(limit, 20, 32, 2_000_000, 20);
        drive(limit, 1000, 32, 2_000_000, 60);
        int before = limit.limit();
        assertThat(before).isLessThan(256);
        for (int i = 0; i < 100; i++) {
            long started = limit.tryAcquire();
            now += 5_000_000; // half a second of answers, each an outage's fast 503: not samples
            limit.release(started, false);
        }
        assertThat(limit.limit()).isEqualTo(before);
    }
}
