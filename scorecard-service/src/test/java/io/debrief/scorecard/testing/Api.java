package io.debrief.scorecard.testing;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.debrief.testsupport.TestIdentity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Request bodies and calls of the scorecard API, each with the token of the one who may make it (a recruiter opens
 * and cancels loops and reads; the interviewer themself submits and amends), and probes of its database, for the ITs.
 */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String AUTHORIZATION = "Authorization";
    public static final String RECRUITER = "rita-recruiter";
    private static final Map<String, String> BEARERS = new ConcurrentHashMap<>();

    private Api() {
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A loop body; {@code seats} alternate interviewerId, stage. */
    public static Map<String, Object> loopBody(String... seats) {
        List<Map<String, Object>> panel = new ArrayList<>();
        for (int i = 0; i < seats.length; i += 2) {
            panel.add(new LinkedHashMap<>(Map.of("interviewerId", seats[i], "stage", seats[i + 1])));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("candidate", new LinkedHashMap<>(Map.of("id", unique("cand"), "name", "Ada Lovelace")));
        body.put("position", "MLOps Engineer");
        body.put("level", "MID");
        body.put("panel", panel);
        return body;
    }

    public static Map<String, Object> scorecardBody(String interviewerId, int ciCd) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("interviewerId", interviewerId);
        body.put("scores", new LinkedHashMap<>(Map.of("CI_CD", ciCd, "MONITORING", 3)));
        body.put("evidence", new LinkedHashMap<>(Map.of("CI_CD", "Built a GitOps pipeline end to end")));
        body.put("redFlags", new ArrayList<>(List.of("RIGID")));
        body.put("greenFlags", new ArrayList<>(List.of("PROACTIVE")));
        body.put("recommendation", "YES");
        body.put("notes", "private notes of " + interviewerId);
        return body;
    }

    // ---- loop keys (issue 18) ----

    /** The service token of {@code /internal/loop-keys} in the test profile. */
    public static final String SERVICE_TOKEN = "test-service-token";

    /** The loop's key, asked of {@code POST /internal/loop-keys} as the other services do; null when it has none. */
    public static byte[] loopKey(String loopId) {
        String key = given().contentType("application/json").header("X-Debrief-Service-Token", SERVICE_TOKEN)
                .body(json(Map.of("loopIds", List.of(loopId)))).post("/internal/loop-keys")
                .then().statusCode(200).extract().path("keys.'" + loopId + "'");
        return key == null ? null : java.util.Base64.getUrlDecoder().decode(key);
    }

    /** The text of a sealed value of {@code loopId}'s events, opened with its key; null when it does not open. */
    public static String unseal(String loopId, String sealed) {
        return io.debrief.platform.privacy.PersonalText.decrypt(loopKey(loopId), loopId, sealed).orElse(null);
    }

    // ---- identities ----

    /** {@code Authorization} value for {@code subject} with {@code roles} (minted once per JVM, valid 12 h). */
    public static String bearer(String subject, String... roles) {
        return BEARERS.computeIfAbsent(subject + "|" + String.join(",", roles),
                k -> TestIdentity.bearer(subject, roles));
    }

    public static String recruiter() {
        return bearer(RECRUITER, "recruiter");
    }

    public static String interviewer(String interviewerId) {
        return bearer(interviewerId, "interviewer");
    }

    /** A request by the recruiter. */
    public static RequestSpecification asRecruiter() {
        return given().header(AUTHORIZATION, recruiter());
    }

    /** A request by the interviewer {@code interviewerId}. */
    public static RequestSpecification as(String interviewerId) {
        return given().header(AUTHORIZATION, interviewer(interviewerId));
    }

    // ---- calls ----

    /** Opens a loop as the recruiter; returns the response. */
    public static Response open(Object body) {
        return asRecruiter().contentType("application/json").body(json(body)).post("/api/loops");
    }

    /** Opens a loop with {@code body} as the recruiter; returns its id. */
    public static String openLoop(Map<String, Object> body) {
        Response r = open(body);
        if (r.statusCode() != 201) {
            throw new AssertionError("open loop: " + r.statusCode() + " " + r.asString());
        }
        return r.jsonPath().getString("loopId");
    }

    /** Opens a loop with the given seats; returns its id. */
    public static String openLoop(String... seats) {
        return openLoop(loopBody(seats));
    }

    /** Submits {@code body} as the interviewer it names. */
    public static Response submit(String loopId, Map<String, Object> body) {
        return as((String) body.get("interviewerId")).contentType("application/json").body(json(body))
                .post("/api/loops/" + loopId + "/scorecards");
    }

    /** Amends {@code interviewerId}'s scorecard as that interviewer. */
    public static Response amend(String loopId, String interviewerId, Object body) {
        return as(interviewerId).contentType("application/json").body(json(body))
                .put("/api/loops/" + loopId + "/scorecards/" + interviewerId);
    }

    public static Response cancel(String loopId) {
        return asRecruiter().post("/api/loops/" + loopId + "/cancel");
    }

    public static String getLoop(String loopId) {
        return asRecruiter().get("/api/loops/" + loopId).asString();
    }

    public static String getScorecards(String loopId) {
        return asRecruiter().get("/api/loops/" + loopId + "/scorecards").asString();
    }

    // ---- database probes ----

    /** The outbox sequence's state: it moves whenever an outbox row is inserted, even in a rolled-back transaction. */
    public static String outboxSequence(DataSource db) {
        return queryString(db, "SELECT last_value || '/' || is_called FROM outbox_event_sequence_seq");
    }

    public static long count(DataSource db, String sql) {
        return Long.parseLong(queryString(db, sql));
    }

    public static long pendingOutboxRows(DataSource db, String loopId) {
        return count(db, "SELECT count(*) FROM outbox_event WHERE aggregateid = '" + UUID.fromString(loopId) + "'");
    }

    public static void execute(DataSource db, String sql) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String queryString(DataSource db, String sql) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
