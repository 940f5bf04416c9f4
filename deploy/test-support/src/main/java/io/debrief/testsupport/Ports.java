package io.debrief.testsupport;

/** Free loopback ports for the processes tests start (those of deploy/stack-client). */
public final class Ports {

    private Ports() {
    }

    public static int free() {
        return io.debrief.stack.client.Ports.free();
    }
}
