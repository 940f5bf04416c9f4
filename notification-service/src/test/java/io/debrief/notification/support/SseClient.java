package io.debrief.notification.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

/** Reads a text/event-stream line by line (java.net.http), parsing events and comments per the SSE format. */
public final class SseClient implements AutoCloseable {

    public record Event(String name, String id, String data) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
    private final AtomicReference<String> contentType = new AtomicReference<>();
    private final AtomicReference<Integer> status = new AtomicReference<>();
    private volatile boolean ended;

    private String name;
    private String id;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;

    private SseClient() {
    }

    /**
     * Connects; {@code lastEventId} (nullable) is sent as the Last-Event-ID header, and each pair of
     * {@code headers} (name, value, name, value…) as a header, e.g. {@code "Authorization", "Bearer …"}.
     */
    public static SseClient connect(URI uri, String lastEventId, String... headers) {
        SseClient client = new SseClient();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpClient.newHttpClient().sendAsync(request.build(), response -> {
            client.contentType.set(response.headers().firstValue("content-type").orElse(""));
            client.status.set(response.statusCode());
            return HttpResponse.BodySubscribers.fromLineSubscriber(client.new Lines());
        });
        return client;
    }

    public List<Event> events() {
        return new ArrayList<>(events);
    }

    public List<Event> eventsWithIdPrefix(String prefix) {
        return events().stream().filter(event -> event.id() != null && event.id().startsWith(prefix)).toList();
    }

    public List<String> comments() {
        return new ArrayList<>(comments);
    }

    public String contentType() {
        return contentType.get();
    }

    /** Whether the server has ended the response (or the connection broke). */
    public boolean ended() {
        return ended;
    }

    /** The response's status code, null until the response has begun. */
    public Integer status() {
        return status.get();
    }

    @Override
    public void close() {
        Flow.Subscription current = subscription.get();
        if (current != null) {
            current.cancel();
        }
    }

    private synchronized void line(String line) {
        if (line.isEmpty()) {
            if (hasData) {
                events.add(new Event(name == null ? "message" : name, id, data.toString()));
            }
            name = null;
            data.setLength(0);
            hasData = false;
            return;
        }
        if (line.startsWith(":")) {
            comments.add(line.substring(1).trim());
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> name = value;
            case "id" -> id = value;
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            default -> { }
        }
    }

    private final class Lines implements Flow.Subscriber<String> {
        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription.set(s);
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String item) {
            line(item);
        }

        @Override
        public void onError(Throwable throwable) {
            ended = true;
        }

        @Override
        public void onComplete() {
            ended = true;
        }
    }
}
