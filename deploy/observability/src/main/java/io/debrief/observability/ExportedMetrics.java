package io.debrief.observability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks {@link MetricCatalogue} against what running services really export: scrape each service's
 * {@code /q/metrics} (Prometheus text format) and name every catalogued metric it does not show. The system test
 * calls {@link #missing(Map, boolean)} with the base URLs of the three services after a debrief went through them (the
 * Kafka clients' metrics appear once the clients have connected; Micrometer looks for new ones every minute).
 */
public final class ExportedMetrics {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ExportedMetrics() {
    }

    /**
     * For each service (name as in the catalogue -> base URL such as {@code http://127.0.0.1:8081}), the catalogued
     * metrics its scrape lacks; an empty map when everything is there. {@code withRelay}: also expect the outbox
     * relay producer's Kafka client metrics (once patch S4 of deploy/observability/README.md is in).
     */
    public static Map<String, Set<String>> missing(Map<String, String> baseUrls, boolean withRelay)
            throws IOException, InterruptedException {
        MetricCatalogue catalogue = MetricCatalogue.load();
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        for (Map.Entry<String, String> service : baseUrls.entrySet()) {
            Set<String> exported = sampleNames(scrape(service.getValue()));
            Set<String> lacking = new TreeSet<>(catalogue.scrapedFrom(service.getKey(), withRelay));
            lacking.removeAll(exported);
            if (!lacking.isEmpty()) {
                missing.put(service.getKey(), lacking);
            }
        }
        return missing;
    }

    /**
     * For every PromQL expression of the rules and dashboards in {@code sources} ("where" -> expression), the metric
     * names it selects that none of the running services exports (scraped from {@code baseUrls}), no recording rule
     * makes and Prometheus does not make itself ({@code up}); an empty map when every name is real.
     */
    public static Map<String, Set<String>> unexported(Map<String, String> baseUrls, PromQlSources sources)
            throws IOException, InterruptedException {
        Set<String> real = new java.util.HashSet<>(sources.recorded());
        for (MetricCatalogue.Entry entry : MetricCatalogue.load().entries()) {
            if (entry.source().equals("prometheus")) {
                real.add(entry.name());
            }
        }
        for (String baseUrl : baseUrls.values()) {
            real.addAll(sampleNames(scrape(baseUrl)));
        }
        Map<String, String> expressions = new LinkedHashMap<>(sources.rules());
        expressions.putAll(sources.dashboardQueries());
        Map<String, Set<String>> unexported = new LinkedHashMap<>();
        expressions.forEach((where, expression) -> {
            Set<String> names = new TreeSet<>(PromQl.metricNames(expression));
            names.removeAll(real);
            if (!names.isEmpty()) {
                unexported.put(where, names);
            }
        });
        return unexported;
    }

    /** The text of {@code baseUrl + /q/metrics}. */
    public static String scrape(String baseUrl) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/+$", "") + "/q/metrics"))
                .timeout(Duration.ofSeconds(10)).header("Accept", "text/plain").GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(request.uri() + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** The names of the samples in a Prometheus text exposition (comments and {@code # TYPE} lines ignored). */
    public static Set<String> sampleNames(String exposition) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : exposition.split("\n")) {
            String sample = line.strip();
            if (sample.isEmpty() || sample.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < sample.length() && sample.charAt(end) != '{' && sample.charAt(end) != ' ') {
                end++;
            }
            names.add(sample.substring(0, end));
        }
        return names;
    }

    /** {@code missing} as one readable message per service. */
    public static String describe(Map<String, Set<String>> missing) {
        StringBuilder text = new StringBuilder();
        missing.forEach((service, names) -> text.append(service).append(" does not export ")
                .append(List.copyOf(names)).append('\n'));
        return text.toString();
    }
}
