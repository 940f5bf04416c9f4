package io.debrief.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The consumer settings the suite passes to the services it starts (as system properties), to measure how fast they
 * fail over. {@code DEFAULTS} passes nothing: the services' own application.properties.
 */
public enum ServiceConfig {

    /** The services as configured (Kafka's defaults: 45 s session timeout, eager range assignment). */
    DEFAULTS(Duration.ofSeconds(45)),

    /**
     * A 6 s consumer session (the broker's minimum), heartbeats every 1.5 s, cooperative-sticky assignment, and no
     * unprocessed-record age limit (a batch may wait out an outage).
     */
    FAST_FAILOVER(Duration.ofSeconds(6)),

    /**
     * FAST_FAILOVER with static membership: each consumer ({@code concurrency=3}) has a group.instance.id of its own
     * per instance, so a restarted instance takes its partitions back without a rebalance; the session is 15 s.
     */
    STATIC_MEMBERSHIP(Duration.ofSeconds(15));

    private static final Map<String, String> CHANNELS = Map.of(
            "calibration-service", "scorecard-events",
            "notification-service", "hiring-decisions");

    private final Duration session;

    ServiceConfig(Duration session) {
        this.session = session;
    }

    /** How long a pause must last to outlive the consumer's session. */
    public Duration pauseFor() {
        return session.plusSeconds(4);
    }

    /**
     * {@code name=value} system properties of a service; {@code {instance}} stands for the instance's name. Every
     * mode names scorecard-service's instances (their outbox relays' transactional ids), as a deployment does with the
     * pod's name, so that a restarted instance aborts the Kafka transaction its killed predecessor left open at once.
     */
    public List<String> systemProperties(String service) {
        String channel = CHANNELS.get(service);
        List<String> properties = new ArrayList<>();
        if ("scorecard-service".equals(service)) {
            properties.add("debrief.outbox.instance-id={instance}");
        }
        if (channel == null || this == DEFAULTS) {
            return properties;
        }
        String prefix = "mp.messaging.incoming." + channel + ".";
        properties.add(prefix + "session.timeout.ms=" + session.toMillis());
        properties.add(prefix + "heartbeat.interval.ms=" + Math.min(3000, session.toMillis() / 4));
        properties.add(prefix + "partition.assignment.strategy=org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
        // a batch legitimately waits out a broker or database outage (with retries); the throttled commit strategy's
        // default of 60 s then fails the channel, which leaves the group and comes back only minutes later
        properties.add(prefix + "throttled.unprocessed-record-max-age.ms=0");
        if (this == STATIC_MEMBERSHIP) {
            for (int i = 1; i <= 3; i++) { // one per consumer of concurrency=3: channel$1 .. channel$3
                properties.add("mp.messaging.incoming." + channel + "$" + i + ".group.instance.id={instance}-" + i);
            }
        }
        return properties;
    }
}
