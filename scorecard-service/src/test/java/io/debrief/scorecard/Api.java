package io.debrief.scorecard;

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

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;

/** Request bodies and calls of the scorecard API, and probes of its database, for the ITs. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private Api() {
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A loop body; {@code seats} alternate interviewerId, stage. */
    static Map<String, Object> loopBody(String... seats) {
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

    static Map<String, Object> scorecardBody(String interviewerId, int ciCd) {
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

    static Response post(String path, Object body) {
        return given().contentType("application/json").body(json(body)).post(path);
    }

    static Response put(String path, Object body) {
        return given().contentType("application/json").body(json(body)).put(path);
    }

    /** Opens a loop with the given seats; returns its id. */
    static String openLoop(String... seats) {
        Response r = post("/api/loops", loopBody(seats));
        if (r.statusCode() != 201) {
            throw new AssertionError("open loop: " + r.statusCode() + " " + r.asString());
        }
        return r.jsonPath().getString("loopId");
    }

    static Response submit(String loopId, Object body) {
        return post("/api/loops/" + loopId + "/scorecards", body);
    }

    static Response amend(String loopId, String interviewerId, Object body) {
        return put("/api/loops/" + loopId + "/scorecards/" + interviewerId, body);
    }

    static Response cancel(String loopId) {
        return given().post("/api/loops/" + loopId + "/cancel");
    }

    static String getLoop(String loopId) {
        return given().get("/api/loops/" + loopId).asString();
    }

    static String getScorecards(String loopId) {
        return given().get("/api/loops/" + loopId + "/scorecards").asString();
    }

    // ---- database probes ----

    /** The outbox sequence's state: it moves whenever an outbox row is inserted, even in a rolled-back transaction. */
    static String outboxSequence(DataSource db) {
        return queryString(db, "SELECT last_value || '/' || is_called FROM outbox_event_sequence_seq");
    }

    static long count(DataSource db, String sql) {
        return Long.parseLong(queryString(db, sql));
    }

    static long pendingOutboxRows(DataSource db, String loopId) {
        return count(db, "SELECT count(*) FROM outbox_event WHERE aggregateid = '" + UUID.fromString(loopId) + "'");
    }

    static void execute(DataSource db, String sql) {
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
