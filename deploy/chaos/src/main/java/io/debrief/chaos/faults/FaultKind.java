package io.debrief.chaos.faults;

/** The faults the suite injects, one at a time. */
public enum FaultKind {
    KILL_SCORECARD("kill -9 of a scorecard-service instance, restarted at once"),
    KILL_CALIBRATION("kill -9 of a calibration-service instance, restarted at once"),
    KILL_NOTIFICATION("kill -9 of a notification-service instance, restarted at once"),
    KILL_KAFKA("kill -9 of the Kafka broker, restarted at once"),
    KILL_POSTGRES("kill -9 of PostgreSQL (postmaster and backends), restarted at once"),
    PAUSE_CALIBRATION("SIGSTOP of a calibration-service instance past its consumer session, then SIGCONT"),
    PAUSE_NOTIFICATION("SIGSTOP of a notification-service instance past its consumer session, then SIGCONT"),
    KAFKA_OUTAGE("the broker stopped (SIGTERM) for the outage length, then started again");

    private final String description;

    FaultKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public String label() {
        return name().toLowerCase().replace('_', '-');
    }
}
