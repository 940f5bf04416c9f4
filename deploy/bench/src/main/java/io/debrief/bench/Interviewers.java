package io.debrief.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.debrief.testsupport.PostgresServer;
import org.HdrHistogram.Histogram;

/**
 * Issue 15: {@code GET /api/interviewers} over 10,000 interviewers and 1,000,000 decided loops, p99 ≤ 100 ms.
 *
 * <p>Building that state through the API (a million loops, four million scorecards) would take hours on two cores, so
 * the data set is written straight into the database of a calibration-service instance of its own, with SQL
 * ({@code interviewers-seed.sql}: generate_series, fixed seed): exactly the two tables interviewer calibration keeps,
 * {@code interviewer_contribution} (one row per interviewer and decided loop) and {@code interviewer_totals} (per
 * interviewer and scope, the running sums, derived from those contributions). The instance's Flyway migrates the
 * schema first; its topics are its own, so it consumes nothing meanwhile. Then the endpoint's default request (the
 * first page, 100 interviewers) is driven by the open-loop generator at a constant rate, beside two floors measured in
 * the same run: the endpoint's own SQL query alone over JDBC, and the generator against a no-op endpoint of the same
 * instance. Last, the full listing of all interviewers, page after page through the {@code Link: rel="next"} headers
 * at the largest page size, as a separate figure.
 */
final class Interviewers {

    static final String INSTANCE = "calibration-interviewers";
    static final String DATABASE = "calibration_interviewers";
    /** The default request: the first page. */
    static final int DEFAULT_PAGE = 100;
    /** The largest page the endpoint gives, for the full listing. */
    static final int LARGEST_PAGE = 1000;
    /**
     * The query {@code InterviewerStore.page} runs for the default {@code GET /api/interviewers} (scope ALL, the first
     * page: one row more than the page, to know whether a next one follows), copied here: the sums of the page's
     * interviewers, each with the middle of their feedback times over every level.
     */
    static final String QUERY = "SELECT t.interviewer_id, t.list_key, t.loops, t.pairs, t.deviation, t.pairs_containerization,"
            + " t.deviation_containerization, t.pairs_orchestration, t.deviation_orchestration, t.pairs_ci_cd, t.deviation_ci_cd,"
            + " t.pairs_ml_tools, t.deviation_ml_tools, t.pairs_monitoring, t.deviation_monitoring, t.pairs_system_design,"
            + " t.deviation_system_design, t.pairs_problem_solving, t.deviation_problem_solving, t.pairs_communication,"
            + " t.deviation_communication, t.agreed, t.agreement_total, t.feedback_total, t.within24h,"
            + " ARRAY(SELECT f FROM (" + levelTimes("JUNIOR") + " UNION ALL " + levelTimes("MID") + " UNION ALL "
            + levelTimes("SENIOR") + ") AS m ORDER BY f"
            + " OFFSET greatest(t.feedback_total - 1, 0) / 2 LIMIT 2 - t.feedback_total % 2) AS middle"
            + " FROM (SELECT t.*, CASE WHEN t.pairs = 0 THEN 1 ELSE -div(abs(t.deviation)::numeric * 1e35,"
            + " 232792560::numeric * t.pairs) END AS list_key FROM interviewer_totals t WHERE t.scope = ?"
            + " AND NOT (t.loops = 0 AND t.pairs = 0 AND t.agreement_total = 0 AND t.feedback_total = 0)"
            + " ORDER BY list_key, t.interviewer_id LIMIT " + (DEFAULT_PAGE + 1) + ") AS t ORDER BY t.list_key, t.interviewer_id";

    /** One level's feedback times of the row's interviewer, in order: the query merges the levels' (a Merge Append). */
    private static String levelTimes(String level) {
        return "(SELECT c.feedback_seconds AS f FROM interviewer_contribution c WHERE c.interviewer_id = t.interviewer_id"
                + " AND c.level = '" + level + "' AND c.feedback_seconds IS NOT NULL ORDER BY 1)";
    }

    private Interviewers() {
    }

    static void measure(Bench bench) throws Exception {
        int interviewers = bench.options().interviewers();
        int loops = bench.options().interviewerLoops();
        int rate = bench.options().interviewersRate();
        PostgresServer postgres = bench.stack().postgres();
        postgres.ensureDatabase(DATABASE);
        String suffix = String.valueOf(System.currentTimeMillis());
        try {
            bench.launch(INSTANCE, "calibration-service", DATABASE, Map.of(
                    "MP_MESSAGING_INCOMING_SCORECARD_EVENTS_TOPIC", "bench-interviewers-in-" + suffix,
                    "MP_MESSAGING_INCOMING_SCORECARD_EVENTS_GROUP_ID", "bench-interviewers-" + suffix,
                    "MP_MESSAGING_INCOMING_CALIBRATION_STREAM_TOPIC", "bench-interviewers-calibrations-" + suffix,
                    "MP_MESSAGING_OUTGOING_CALIBRATION_UPDATES_TOPIC", "bench-interviewers-calibrations-" + suffix,
                    "MP_MESSAGING_OUTGOING_HIRING_DECISIONS_TOPIC", "bench-interviewers-decisions-" + suffix,
                    "MP_MESSAGING_OUTGOING_DEAD_LETTERS_TOPIC", "bench-interviewers-dlq-" + suffix));
            String url = postgres.jdbcUrl(DATABASE);
            try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password())) {
                seed(bench, connection, interviewers, loops);
                Histogram query = queryAlone(connection, 20, 200);
                bench.report().section("EXPLAIN ANALYZE of GET /api/interviewers' query (scope ALL, " + interviewers
                        + " interviewers, " + loops + " loops)", "```\n" + explain(connection) + "```");
                endpoint(bench, rate, query, interviewers);
                fullListing(bench, interviewers);
            }
        } finally {
            bench.stop(INSTANCE);
        }
    }

    /** Runs the seed script and reports how long it took and what it made. */
    private static void seed(Bench bench, Connection connection, int interviewers, int loops) throws IOException, SQLException {
        String script;
        try (InputStream in = Interviewers.class.getResourceAsStream("interviewers-seed.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        script = script.replace(":interviewers", String.valueOf(interviewers)).replace(":loops", String.valueOf(loops));
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(script)) {
                statement.execute(sql);
            }
            statement.execute("VACUUM ANALYZE interviewer_contribution");
            statement.execute("VACUUM ANALYZE interviewer_totals");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        try (Statement statement = connection.createStatement();
             ResultSet facts = statement.executeQuery("SELECT (SELECT count(*) FROM interviewer_contribution),"
                     + " (SELECT count(DISTINCT loop_id) FROM interviewer_contribution),"
                     + " (SELECT count(*) FROM interviewer_totals WHERE scope = 'ALL'),"
                     + " (SELECT count(*) FROM interviewer_totals),"
                     + " (SELECT max(loops) FROM interviewer_totals WHERE scope = 'ALL'),"
                     + " (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY loops) FROM interviewer_totals WHERE scope = 'ALL'),"
                     + " (SELECT string_agg(leniency || ' ' || n, ', ' ORDER BY leniency) FROM (SELECT CASE"
                     + "    WHEN loops < 5 OR pairs = 0 THEN 'INSUFFICIENT_DATA'"
                     + "    WHEN deviation >= 0.75 * 232792560 * pairs THEN 'LENIENT'"
                     + "    WHEN deviation <= -0.75 * 232792560 * pairs THEN 'HARSH' ELSE 'CALIBRATED' END AS leniency,"
                     + "    count(*) AS n FROM interviewer_totals WHERE scope = 'ALL' GROUP BY 1) AS l),"
                     + " pg_size_pretty(pg_total_relation_size('interviewer_contribution')),"
                     // a partitioned table (V9) has no storage of its own: the sum of its partitions'
                     + " (SELECT pg_size_pretty(sum(pg_total_relation_size(relid))) FROM pg_partition_tree('interviewer_totals'))")) {
            facts.next();
            bench.report().add(new Report.Row("interviewers", "data set written with SQL", seconds, "s", false,
                    String.format(Locale.ROOT, "%,d contributions of %,d decided loops; %,d interviewers (%,d totals rows with the"
                                    + " levels); loops per interviewer median %d, max %d; %s; interviewer_contribution %s"
                                    + " (with its indexes), interviewer_totals %s (deploy/bench/src/main/resources/io/debrief/"
                                    + "bench/interviewers-seed.sql, then VACUUM ANALYZE)",
                            facts.getLong(1), facts.getLong(2), facts.getLong(3), facts.getLong(4), facts.getLong(6),
                            facts.getLong(5), facts.getString(7), facts.getString(8), facts.getString(9))));
            if (facts.getLong(3) != interviewers || facts.getLong(2) != loops) {
                throw new IllegalStateException("the seed made " + facts.getLong(3) + " interviewers over " + facts.getLong(2)
                        + " loops, not " + interviewers + " over " + loops);
            }
        }
    }

    /** The script's statements: split at a semicolon that ends a line; comment lines dropped. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    /**
     * The endpoint's query alone, one at a time over JDBC, every column of every row read as a string: the least the
     * endpoint can take (latencies in microseconds).
     */
    private static Histogram queryAlone(Connection connection, int warmUp, int measured) throws SQLException {
        return queryAlone(connection, QUERY, warmUp, measured);
    }

    private static Histogram queryAlone(Connection connection, String sql, int warmUp, int measured) throws SQLException {
        Histogram latencies = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, "ALL");
            for (int i = 0; i < warmUp + measured; i++) {
                long start = System.nanoTime();
                long bytes = 0;
                try (ResultSet rows = query.executeQuery()) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            String value = rows.getString(column);
                            bytes += value == null ? 0 : value.length();
                        }
                    }
                }
                if (i >= warmUp) {
                    latencies.recordValue((System.nanoTime() - start) / 1000);
                }
                if (bytes == 0) {
                    throw new IllegalStateException("the query read nothing");
                }
            }
        }
        return latencies;
    }

    private static String explain(Connection connection) throws SQLException {
        return explain(connection, QUERY);
    }

    private static String explain(Connection connection, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            explain.setString(1, "ALL");
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
        }
        return plan.toString();
    }

    private static void endpoint(Bench bench, int rate, Histogram query, int interviewers) throws Exception {
        String base = bench.service(INSTANCE).baseUrl();
        String authorization = bench.recruiterBearer();
        HttpResponse<String> one = bench.http().send(HttpRequest.newBuilder(URI.create(base + "/api/interviewers"))
                .header("Authorization", authorization).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        int items = one.body().split("\"interviewerId\"", -1).length - 1;
        int expected = Math.min(DEFAULT_PAGE, interviewers);
        boolean linked = one.headers().firstValue("Link").filter(link -> link.endsWith("; rel=\"next\"")).isPresent();
        if (one.statusCode() != 200 || items != expected || linked != interviewers > DEFAULT_PAGE) {
            throw new IllegalStateException("GET /api/interviewers answered " + one.statusCode() + " with " + items
                    + " interviewers (" + (linked ? "a" : "no") + " next link), not the first " + expected + " of " + interviewers);
        }
        LoadClient client = bench.load();
        int seconds = bench.options().stepSeconds();
        String noOpUrl = base + "/q/health/live";
        OpenLoop.run(rate, Duration.ofSeconds(bench.options().quick() ? 3 : 20), 20_000,
                i -> client.get(base + "/api/interviewers", authorization).thenApply(status -> status == 200));
        OpenLoop.Result noOp = OpenLoop.run(rate, Duration.ofSeconds(seconds), 20_000,
                i -> client.get(noOpUrl, null).thenApply(status -> status == 200));
        bench.report().add(new Report.Row("ceiling", "load generator → no-op @" + rate + "/s", noOp.achievedRate(), "req/s", true,
                String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms; /q/health/live of the same calibration-service instance",
                        noOp.p(50), noOp.p(99))));
        bench.report().add(new Report.Row("ceiling", "GET /api/interviewers' SQL query alone p50", query.getValueAtPercentile(50) / 1000.0,
                "ms", false, String.format(Locale.ROOT, "the first page's query (%d rows), one at a time over JDBC, %d runs,"
                                + " every column read; p99 %.2f ms, max %.2f ms", DEFAULT_PAGE + 1,
                        query.getTotalCount(), query.getValueAtPercentile(99) / 1000.0, query.getMaxValue() / 1000.0)));

        String[] paths = {"/api/interviewers", "/api/interviewers?level=MID"};
        for (String path : paths) {
            boolean target = path.equals("/api/interviewers");
            HttpResponse<String> answer = bench.http().send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", authorization).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            OpenLoop.Result result = OpenLoop.run(rate, Duration.ofSeconds(seconds), 20_000,
                    i -> client.get(base + path, authorization).thenApply(status -> status == 200));
            String step = "GET " + path + " @" + rate + "/s";
            bench.report().add(new Report.Row(step, "achieved", result.achievedRate(), "req/s", true,
                    String.format(Locale.ROOT, "%d of %d answered 200, %d failed; the default page: answer %,d B with %,d"
                                    + " interviewers and a next link; generator send lag p99 %.2f ms", result.succeeded(),
                            result.requests(), result.failed(),
                            answer.body().getBytes(StandardCharsets.UTF_8).length,
                            answer.body().split("\"interviewerId\"", -1).length - 1, result.lag(99))));
            for (double percentile : List.of(50.0, 99.0, 99.9)) {
                Report.Row row = new Report.Row(step, "HTTP " + Report.percentile(percentile), result.p(percentile), "ms", false,
                        null).withCeiling(query.getValueAtPercentile(percentile) / 1000.0, "the SQL query alone over JDBC");
                bench.report().add(target && percentile == 99.0 ? row.withTarget(Bench.INTERVIEWERS, 100.0, 0) : row);
            }
            if (target && result.failed() > 0) {
                // a failed request must not pass for a fast one
                bench.report().add(new Report.Row(step, "errors", result.failed(), "requests", false, null)
                        .withTarget(Bench.INTERVIEWERS, 0, 0));
            }
        }
    }

    /**
     * Every interviewer, page after page: {@code limit=1000} and each {@code Link: rel="next"} followed until the last
     * page, one listing after the other for the scenario's step (at least 5 listings). Closed loop: the time of a whole
     * listing, and of its pages.
     */
    private static void fullListing(Bench bench, int interviewers) throws Exception {
        String base = bench.service(INSTANCE).baseUrl();
        String authorization = bench.recruiterBearer();
        Histogram listings = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        Histogram pages = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        long bytes = 0;
        int pagesPerListing = 0;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(bench.options().stepSeconds());
        for (int run = 0; run < 6 || System.nanoTime() < until; run++) {
            long start = System.nanoTime();
            String next = "/api/interviewers?limit=" + LARGEST_PAGE;
            int listed = 0;
            int pageCount = 0;
            long listingBytes = 0;
            while (next != null) {
                long pageStart = System.nanoTime();
                HttpResponse<String> page = bench.http().send(HttpRequest.newBuilder(URI.create(base + next))
                        .header("Authorization", authorization).timeout(Duration.ofSeconds(60)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (page.statusCode() != 200) {
                    throw new IllegalStateException("GET " + next + " answered " + page.statusCode());
                }
                if (run > 0) { // the first listing warms up
                    pages.recordValue((System.nanoTime() - pageStart) / 1000);
                }
                listed += page.body().split("\"interviewerId\"", -1).length - 1;
                listingBytes += page.body().getBytes(StandardCharsets.UTF_8).length;
                pageCount++;
                next = page.headers().firstValue("Link").map(Interviewers::nextLink).orElse(null);
            }
            if (listed != interviewers) {
                throw new IllegalStateException("the listing through the next links gave " + listed + " interviewers, not " + interviewers);
            }
            if (run > 0) {
                listings.recordValue((System.nanoTime() - start) / 1000);
            }
            bytes = listingBytes;
            pagesPerListing = pageCount;
        }
        String step = "GET /api/interviewers, every page (limit=" + LARGEST_PAGE + ")";
        bench.report().add(new Report.Row(step, "whole listing p50", listings.getValueAtPercentile(50) / 1000.0, "ms", false,
                String.format(Locale.ROOT, "all %,d interviewers through %d pages following Link rel=\"next\", %,d B in all;"
                                + " %d listings one after the other after one unmeasured; p99 %.2f ms, max %.2f ms; a page p50 %.2f ms,"
                                + " p99 %.2f ms", interviewers, pagesPerListing, bytes, listings.getTotalCount(),
                        listings.getValueAtPercentile(99) / 1000.0, listings.getMaxValue() / 1000.0,
                        pages.getValueAtPercentile(50) / 1000.0, pages.getValueAtPercentile(99) / 1000.0)));
    }

    /** The target of an RFC 8288 {@code <…>; rel="next"} link. */
    static String nextLink(String header) {
        int open = header.indexOf('<');
        int close = header.indexOf('>', open + 1);
        if (open < 0 || close < 0 || !header.substring(close).contains("rel=\"next\"")) {
            throw new IllegalStateException("not a next link: " + header);
        }
        return header.substring(open + 1, close);
    }
}
