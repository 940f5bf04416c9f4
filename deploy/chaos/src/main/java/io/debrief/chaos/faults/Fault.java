package io.debrief.chaos.faults;

/**
 * One injected fault: what, on which process, when it began and when it ended (milliseconds since the run began).
 * It ends when the process is back: the restarted instance ready, the broker or PostgreSQL accepting connections
 * again, the paused process continued.
 */
public record Fault(FaultKind kind, String target, long startedAt, long endedAt, String note) {

    public long downMillis() {
        return endedAt - startedAt;
    }
}
