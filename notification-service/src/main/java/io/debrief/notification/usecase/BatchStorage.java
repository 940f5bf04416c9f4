package io.debrief.notification.usecase;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;

/**
 * How a consumed batch is stored, decisions ({@link RecordDecisions}) and the other events ({@link RecordEvents})
 * alike: in one transaction, retried until the database answers, so that no record is lost to an outage; and when the
 * database refuses the batch's data, each record on its own, so that only the refused ones are handed back (for the
 * dead-letter topic).
 */
final class BatchStorage {

    private static final Logger LOG = Logger.getLogger(BatchStorage.class);
    private static final Duration RETRY_FIRST = Duration.ofMillis(200);
    private static final Duration RETRY_MAX = Duration.ofSeconds(10);

    private BatchStorage() {
    }

    /**
     * Stores {@code batch} with {@code store}; if the database refuses it, stores each of its {@code items} on its own
     * and yields the refused ones as {@code refusal} makes them (nothing when all were stored).
     */
    static <T, R> Uni<List<R>> storeOrRefuse(String items, List<T> batch, Function<List<T>, Uni<?>> store,
            BiFunction<T, String, R> refusal) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return store.apply(batch)
                .map(stored -> List.<R>of())
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Storing a batch of %d %s was refused (%s): storing them one at a time",
                            batch.size(), items, reason(failure));
                    return Multi.createFrom().iterable(batch)
                            .onItem().transformToUniAndConcatenate(item -> store.apply(List.of(item))
                                    .map(stored -> (R) null)
                                    .onFailure().recoverWithItem(refused -> refusal.apply(item, reason(refused))))
                            .filter(Objects::nonNull)
                            .collect().asList();
                });
    }

    /** One transaction of {@code work}, retried with a backoff while the database does not answer. */
    static <X> Uni<X> untilTheDatabaseAnswers(Pool pool, Function<SqlConnection, Uni<X>> work) {
        return Uni.createFrom().deferred(() -> pool.withTransaction(work))
                .onFailure(BatchStorage::isTransient).retry().withBackOff(RETRY_FIRST, RETRY_MAX).indefinitely();
    }

    /**
     * A lost or busy connection passes: retry. A data, constraint or statement error (SQLSTATE classes 22, 23, 42)
     * will fail again with the same data: it is refused.
     */
    static boolean isTransient(Throwable failure) {
        if (failure instanceof PgException pg) {
            String state = pg.getSqlState() == null ? "" : pg.getSqlState();
            return !(state.startsWith("22") || state.startsWith("23") || state.startsWith("42"));
        }
        return failure instanceof java.io.IOException
                || failure instanceof io.vertx.core.VertxException
                || failure instanceof io.vertx.core.impl.NoStackTraceThrowable
                || failure instanceof java.util.concurrent.TimeoutException;
    }

    /** The database's reason without the data it refused (a PgException's detail, not shown, may quote it). */
    static String reason(Throwable failure) {
        if (failure instanceof PgException pg) {
            return "the database refused it (SQLSTATE " + pg.getSqlState() + ")";
        }
        return failure.getClass().getSimpleName();
    }
}
