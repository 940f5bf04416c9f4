package io.debrief.scorecard.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code debrief.outbox.*}: the outbox relay. The broker address is {@code kafka.bootstrap.servers}. */
@ConfigMapping(prefix = "debrief.outbox")
public interface OutboxConfig {

    /** Run the relay in this instance. */
    @WithDefault("true")
    boolean enabled();

    @WithDefault("scorecard-events")
    String topic();

    /** Safety-net poll when no wake-up arrives. */
    @WithDefault("2s")
    Duration pollInterval();

    /**
     * How long a committed write's {@code NOTIFY} to other instances' relays waits, so that one NOTIFY covers the
     * commits of that interval (this instance's relay is woken at once, in-process).
     */
    @WithDefault("10ms")
    Duration notifyDelay();

    /**
     * Rows (and at most as many loops) per round: one transaction, sent as one pipelined batch. Larger rounds drain a
     * backlog faster (fewer statements and acknowledgement waits per row) and hold more loops locked meanwhile.
     */
    @WithDefault("2000")
    int batchSize();

    /** How long a round waits for the broker's acknowledgements (also the producer's delivery timeout). */
    @WithDefault("30s")
    Duration ackTimeout();

    /** How long a send may block for metadata when the broker is unreachable (producer {@code max.block.ms}). */
    @WithDefault("10s")
    Duration maxBlock();

    /**
     * This instance's name in its relay's Kafka {@code transactional.id}: stable across restarts and unique among the
     * running instances (the pod's name). A restarted instance then aborts, at once, a transaction its predecessor left
     * open when it died; without one (a random id) such a transaction holds back the {@code read_committed} consumers
     * of its partitions until {@link #transactionTimeout()}.
     */
    Optional<String> instanceId();

    /** How long a relay round's Kafka transaction may stay open before the broker aborts it. */
    @WithDefault("10s")
    Duration transactionTimeout();

    /** Longest pause between rounds after failures (the pause doubles from 100 ms up to this). */
    @WithDefault("5s")
    Duration maxBackoff();
}
