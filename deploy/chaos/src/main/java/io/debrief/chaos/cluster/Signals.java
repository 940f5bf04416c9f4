package io.debrief.chaos.cluster;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Signals to one process by its PID: only processes this suite started are ever named here. */
public final class Signals {

    private Signals() {
    }

    /** kill -9, then waits (bounded) until the process is gone. */
    public static void kill(long pid) {
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroyForcibly();
            awaitExit(process, 10);
        });
    }

    /** kill -9 of a process and of every descendant it has at this moment (PostgreSQL: the postmaster and its backends). */
    public static void killTree(long pid) {
        ProcessHandle.of(pid).ifPresent(root -> {
            List<ProcessHandle> tree = new java.util.ArrayList<>(root.descendants().toList());
            tree.add(0, root);
            tree.forEach(ProcessHandle::destroyForcibly);
            tree.forEach(process -> awaitExit(process, 10));
        });
    }

    /** SIGTERM, then kill -9 if it is still there after {@code seconds}. */
    public static void terminate(long pid, int seconds) {
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroy();
            if (!awaitExit(process, seconds)) {
                process.destroyForcibly();
                awaitExit(process, 10);
            }
        });
    }

    public static void stop(long pid) {
        send("-STOP", pid);
    }

    public static void resume(long pid) {
        send("-CONT", pid);
    }

    public static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void send(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " " + pid + " failed: "
                        + new String(kill.getInputStream().readAllBytes()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot send " + signal + " to " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean awaitExit(ProcessHandle process, int seconds) {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
