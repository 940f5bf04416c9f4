package io.debrief.chaos.cluster;

import java.io.IOException;

/** Ends a node's JVM when the suite that started it dies: the suite keeps our standard input open until then. */
final class ParentWatch {

    private ParentWatch() {
    }

    static void exitWhenStandardInputCloses() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the suite never writes; reading only waits for the end of the stream
                }
            } catch (IOException e) {
                // a broken pipe means the same: the suite is gone
            }
            System.exit(0); // the shutdown hook stops the server cleanly
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
