package io.debrief.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a service's CPU time went: the JDK Flight Recorder's execution samples, counted by the first frame of our
 * own code ({@code io.debrief}) on each stack and by the top frame, as tables for the report.
 */
final class Profile {

    private Profile() {
    }

    static String summarize(Path recording, int top) throws IOException {
        Map<String, Integer> byOwnFrame = new HashMap<>();
        Map<String, Integer> byTopFrame = new HashMap<>();
        Map<String, Integer> byLibrary = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!"jdk.ExecutionSample".equals(event.getEventType().getName()) || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                byTopFrame.merge(name(frames.get(0)), 1, Integer::sum);
            }
            byLibrary.merge(frames.stream().map(Profile::name).filter(n -> !n.startsWith("java.") && !n.startsWith("jdk.")
                    && !n.startsWith("sun.")).findFirst().map(Profile::library).orElse("the JDK itself"), 1, Integer::sum);
            String own = frames.stream().map(Profile::name).filter(n -> n.startsWith("io.debrief")).findFirst()
                    .orElse("(no Debrief frame: framework, driver, JIT or GC work)");
            byOwnFrame.merge(own, 1, Integer::sum);
        }
        return "CPU samples: " + samples + "\n\nBy the library of the innermost non-JDK frame:\n\n" + table(byLibrary, samples, top)
                + "\nBy the innermost Debrief method on the stack:\n\n" + table(byOwnFrame, samples, top)
                + "\nBy the method on top of the stack:\n\n" + table(byTopFrame, samples, top);
    }

    /** io.vertx.pgclient.impl.Foo.bar -> io.vertx.pgclient */
    private static String library(String method) {
        String[] parts = method.split("\\.");
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, parts.length - 2)));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String table(Map<String, Integer> counts, int samples, int top) {
        return "| share | samples | method |\n|---:|---:|---|\n" + counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(top)
                .map(e -> String.format(Locale.ROOT, "| %.1f%% | %d | `%s` |", 100.0 * e.getValue() / Math.max(1, samples),
                        e.getValue(), e.getKey()))
                .collect(Collectors.joining("\n")) + "\n";
    }
}
