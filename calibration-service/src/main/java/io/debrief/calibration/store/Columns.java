package io.debrief.calibration.store;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

import io.vertx.mutiny.sqlclient.Tuple;

/** Rows as columns: one typed array parameter per column, for a statement over {@code unnest(...)}. */
final class Columns {

    private final Class<?>[] types;
    private final List<List<Object>> columns = new ArrayList<>();

    Columns(Class<?>... types) {
        this.types = types;
        for (int i = 0; i < types.length; i++) {
            columns.add(new ArrayList<>());
        }
    }

    void add(Object... row) {
        if (row.length != types.length) {
            throw new IllegalArgumentException(row.length + " values for " + types.length + " columns");
        }
        for (int i = 0; i < row.length; i++) {
            columns.get(i).add(types[i].cast(row[i]));
        }
    }

    boolean isEmpty() {
        return columns.get(0).isEmpty();
    }

    Tuple tuple() {
        Tuple tuple = Tuple.tuple();
        for (int i = 0; i < types.length; i++) {
            tuple.addValue(columns.get(i).toArray((Object[]) Array.newInstance(types[i], 0)));
        }
        return tuple;
    }
}
