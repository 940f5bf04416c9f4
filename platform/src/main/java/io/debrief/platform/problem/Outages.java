package io.debrief.platform.problem;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Tells a dependency outage (PostgreSQL or Kafka unreachable, shutting down, out of connections) from a failure of
 * ours, by the cause chain of an exception: the first is a 503 the client may retry, the second a 500.
 */
public final class Outages {

    /** PostgreSQL SQLSTATEs that mean "not now": admin/crash shutdown, cannot connect now, too many connections. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "53400");

    private Outages() {
    }

    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof ClosedConnectionException || t instanceof TimeoutException
                    || t instanceof org.apache.kafka.common.errors.TimeoutException
                    || t instanceof org.apache.kafka.common.errors.RetriableException
                    || t instanceof java.sql.SQLTransientException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof io.debrief.platform.privacy.LoopKeysUnavailable) {
                return true;
            }
            if (t instanceof PgException pg && unavailable(pg.getSqlState())) {
                return true;
            }
            if (t instanceof SQLException sql && unavailable(sql.getSQLState())) {
                return true;
            }
            if (t.getClass().getName().equals("io.vertx.core.impl.NoStackTraceTimeoutException")
                    || t.getClass().getName().equals("io.vertx.core.http.ConnectionPoolTooBusyException")) {
                return true;
            }
        }
        return false;
    }

    /** The outermost outage in the chain, by class and message: what the log may say (no request data in it). */
    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isOutage(t) && (t.getCause() == null || !isOutage(t.getCause()))) {
                return t.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return failure.getClass().getSimpleName();
    }

    private static boolean unavailable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || UNAVAILABLE_STATES.contains(sqlState));
    }
}
