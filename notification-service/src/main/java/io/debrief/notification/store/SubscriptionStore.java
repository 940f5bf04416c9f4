package io.debrief.notification.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.debrief.notification.domain.EventType;
import io.debrief.notification.domain.Subscription;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Webhook subscriptions in PostgreSQL. */
@ApplicationScoped
public class SubscriptionStore {

    private static final String COLUMNS =
            "id, url, description, types, outcomes, levels, interviewers, secret, created_at, disabled_at, disabled_reason";

    private final Pool pool;

    public SubscriptionStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Subscription> create(Subscription subscription) {
        Tuple values = Tuple.tuple()
                .addUUID(subscription.id())
                .addString(subscription.url())
                .addString(subscription.description())
                .addArrayOfString(subscription.types().stream().map(EventType::wireName).toArray(String[]::new))
                .addArrayOfString(subscription.outcomes().toArray(String[]::new))
                .addArrayOfString(subscription.levels().toArray(String[]::new))
                .addArrayOfString(subscription.interviewers().toArray(String[]::new))
                .addString(subscription.secret())
                .addOffsetDateTime(subscription.createdAt().atOffset(java.time.ZoneOffset.UTC));
        return pool.preparedQuery("INSERT INTO subscription (id, url, description, types, outcomes, levels, interviewers, secret,"
                        + " created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING " + COLUMNS)
                .execute(values)
                .map(rows -> toSubscription(rows.iterator().next()));
    }

    public Uni<List<Subscription>> list() {
        return pool.query("SELECT " + COLUMNS + " FROM subscription ORDER BY created_at, id")
                .execute()
                .map(SubscriptionStore::toSubscriptions);
    }

    /** The subscriptions that may receive webhooks now, read inside the caller's transaction. */
    public Uni<List<Subscription>> active(SqlConnection transaction) {
        return transaction.query("SELECT " + COLUMNS + " FROM subscription WHERE disabled_at IS NULL ORDER BY id")
                .execute()
                .map(SubscriptionStore::toSubscriptions);
    }

    public Uni<Optional<Subscription>> find(UUID id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM subscription WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> toSubscriptions(rows).stream().findFirst());
    }

    /** True when the subscription existed. Its deliveries go with it. */
    public Uni<Boolean> delete(UUID id) {
        return pool.preparedQuery("DELETE FROM subscription WHERE id = $1")
                .execute(Tuple.of(id))
                .map(result -> result.rowCount() > 0);
    }

    private static List<Subscription> toSubscriptions(RowSet<Row> rows) {
        List<Subscription> subscriptions = new java.util.ArrayList<>();
        rows.forEach(row -> subscriptions.add(toSubscription(row)));
        return subscriptions;
    }

    private static Subscription toSubscription(Row row) {
        List<EventType> types = Rows.strings(row, "types").stream().map(EventType::ofWireName)
                .flatMap(java.util.Optional::stream).toList();
        return new Subscription(row.getUUID("id"), row.getString("url"), row.getString("description"), types,
                Rows.strings(row, "outcomes"), Rows.strings(row, "levels"), Rows.strings(row, "interviewers"),
                row.getString("secret"),
                Rows.instant(row, "created_at"), Rows.instant(row, "disabled_at"), row.getString("disabled_reason"));
    }
}
