package io.debrief.chaos.observe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.debrief.chaos.workload.Clock;
import io.debrief.chaos.workload.Http;

/**
 * A dashboard on {@code GET /api/decisions/stream}: reads server-sent events over a plain socket (so that a silent
 * server is noticed: no keep-alive comment within the idle timeout means the connection is dead), and reconnects
 * with {@code Last-Event-ID} of the last event it received whenever the connection ends.
 */
public final class StreamClient implements AutoCloseable {

    public record Arrival(long firstAt, JsonNode decision) {
    }

    private final Supplier<List<String>> urls;
    private final String bearer;
    private final Clock clock;
    private final int idleTimeoutMillis;
    private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
    private final Map<String, Long> repeats = new ConcurrentHashMap<>();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile String lastEventId;
    private volatile Socket socket;
    private volatile long connectedAt = -1;

    public StreamClient(Supplier<List<String>> urls, String bearer, Clock clock, int idleTimeoutMillis) {
        this.urls = urls;
        this.bearer = bearer;
        this.clock = clock;
        this.idleTimeoutMillis = idleTimeoutMillis;
        this.thread = new Thread(this::run, "chaos-stream-client");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        int attempt = 0;
        while (running.get()) {
            List<String> candidates = urls.get();
            String base = candidates.get(Math.floorMod(attempt++, candidates.size()));
            try {
                follow(URI.create(base));
            } catch (IOException | RuntimeException e) {
                // the instance is down, paused or restarting: try again (possibly elsewhere) with Last-Event-ID
            }
            connectedAt = -1;
            if (running.get()) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void follow(URI base) throws IOException {
        try (Socket s = new Socket()) {
            socket = s;
            s.connect(new InetSocketAddress(base.getHost(), base.getPort()), 2000);
            s.setSoTimeout(idleTimeoutMillis);
            OutputStream out = s.getOutputStream();
            String resume = lastEventId == null ? "" : "Last-Event-ID: " + lastEventId + "\r\n";
            out.write(("GET /api/decisions/stream HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + bearer + "\r\n" + resume
                    + "Connection: keep-alive\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String status = line(in);
            if (status == null || !status.startsWith("HTTP/1.1 200")) {
                throw new IOException("stream answered " + status);
            }
            boolean chunked = false;
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                if (header.toLowerCase().startsWith("transfer-encoding:") && header.toLowerCase().contains("chunked")) {
                    chunked = true;
                }
            }
            connections.incrementAndGet();
            connectedAt = clock.now();
            BufferedReader events = new BufferedReader(new InputStreamReader(chunked ? new Chunked(in) : in, StandardCharsets.UTF_8));
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line = events.readLine(); line != null && running.get(); line = events.readLine()) {
                if (line.isEmpty()) {
                    if (id != null && data.length() > 0) {
                        received(id, data.toString());
                    }
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).stripLeading());
                }
            }
        }
    }

    private void received(String id, String data) {
        long now = clock.now();
        JsonNode decision;
        try {
            decision = Http.JSON.readTree(data);
        } catch (IOException e) {
            decision = Http.JSON.getNodeFactory().textNode(data);
        }
        if (arrivals.putIfAbsent(id, new Arrival(now, decision)) != null) {
            repeats.merge(id, 1L, Long::sum);
        }
        lastEventId = id;
    }

    /** True once the client is connected (and has been for a moment), so that the workload can begin. */
    public boolean connected() {
        return connectedAt >= 0;
    }

    public Map<String, Arrival> arrivals() {
        return Map.copyOf(arrivals);
    }

    public Arrival arrival(String id) {
        return arrivals.get(id);
    }

    /** Events received more than once (before dedupe): the stream promises none on a resume. */
    public Map<String, Long> repeats() {
        return Map.copyOf(repeats);
    }

    public long connections() {
        return connections.get();
    }

    @Override
    public void close() {
        running.set(false);
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        thread.interrupt();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }

    /** HTTP/1.1 chunked transfer coding, decoded. */
    private static final class Chunked extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = line(in);
                if (size == null) {
                    return -1;
                }
                if (size.isEmpty()) { // the CRLF that ends the previous chunk
                    size = line(in);
                    if (size == null) {
                        return -1;
                    }
                }
                int extension = size.indexOf(';');
                left = Long.parseLong((extension >= 0 ? size.substring(0, extension) : size).trim(), 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int read = in.read(buffer, offset, (int) Math.min(length, left));
            if (read < 0) {
                return -1;
            }
            left -= read;
            return read;
        }
    }
}
