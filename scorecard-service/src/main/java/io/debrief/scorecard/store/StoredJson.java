package io.debrief.scorecard.store;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.debrief.platform.store.JsonColumns;
import io.debrief.scorecard.domain.Area;
import io.debrief.scorecard.domain.GreenFlag;
import io.debrief.scorecard.domain.Recommendation;
import io.debrief.scorecard.domain.RedFlag;
import io.debrief.scorecard.domain.ScorecardContent;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The stores' JSON columns, written and read through platform's {@link JsonColumns} (a failure is a bug, not input), and
 * the one reading of a stored scorecard's content.
 */
final class StoredJson {

    /** The content columns of {@code scorecard_version}, in the order {@link #content} reads them. */
    static final String CONTENT_COLUMNS =
            "scores::text, evidence::text, red_flags::text, green_flags::text, recommendation, notes";

    private static final TypeReference<Map<Area, Integer>> SCORES = new TypeReference<>() { };
    private static final TypeReference<Map<Area, String>> EVIDENCE = new TypeReference<>() { };
    private static final TypeReference<List<RedFlag>> RED_FLAGS = new TypeReference<>() { };
    private static final TypeReference<List<GreenFlag>> GREEN_FLAGS = new TypeReference<>() { };

    private final JsonColumns columns;

    StoredJson(ObjectMapper mapper) {
        this.columns = new JsonColumns(mapper);
    }

    String write(Object value) {
        return columns.write(value);
    }

    <T> T read(String json, TypeReference<T> type) {
        return columns.read(json, type);
    }

    /** A scorecard's content from {@link #CONTENT_COLUMNS}, the first of them at column {@code first}. */
    ScorecardContent content(Row row, int first) {
        return new ScorecardContent(areas(read(row.getString(first), SCORES)),
                areas(read(row.getString(first + 1), EVIDENCE)), read(row.getString(first + 2), RED_FLAGS),
                read(row.getString(first + 3), GREEN_FLAGS), Recommendation.valueOf(row.getString(first + 4)),
                row.getString(first + 5));
    }

    private static <V> EnumMap<Area, V> areas(Map<Area, V> source) {
        EnumMap<Area, V> map = new EnumMap<>(Area.class);
        if (source != null) {
            map.putAll(source);
        }
        return map;
    }
}
