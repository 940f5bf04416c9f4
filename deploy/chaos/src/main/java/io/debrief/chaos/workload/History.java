package io.debrief.chaos.workload;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Every operation of the run and every loop, as the clients recorded them; shared by the clients and the checker. */
public final class History {

    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private final Queue<Op> ops = new ConcurrentLinkedQueue<>();
    private final Queue<LoopModel> loops = new ConcurrentLinkedQueue<>();
    private final Queue<Expected> expected = new ConcurrentLinkedQueue<>();

    public History(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    long newId() {
        return ids.incrementAndGet();
    }

    Op begin(long id, int client, Op.Kind kind, String key, String loopId, String interviewerId,
             java.util.Map<String, Object> body) {
        Op op = new Op(id, client, kind, key, loopId, interviewerId, body, clock.now());
        ops.add(op);
        return op;
    }

    void loop(LoopModel loop) {
        loops.add(loop);
    }

    void decisionExpected(Expected decision) {
        expected.add(decision);
    }

    public List<Op> ops() {
        return List.copyOf(ops);
    }

    public List<LoopModel> loops() {
        return List.copyOf(loops);
    }

    /** Decision versions made so far, in the order their causes were acknowledged. */
    public List<Expected> expectedDecisions() {
        return List.copyOf(expected);
    }
}
