package io.debrief.notification.store;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgConnectOptions;

/**
 * PostgreSQL's {@code LISTEN/NOTIFY} on the channel {@value #CHANNEL}: the transaction that stores new decisions
 * {@link #announce announces} them, PostgreSQL delivers the notification at its commit to every listening instance,
 * and {@link #listen} hears it. A lost connection is reconnected every second; the listener is told each time it is
 * (re)subscribed, since notifications sent meanwhile are lost.
 */
@ApplicationScoped
public class DecisionNotifications {

    public static final String CHANNEL = "debrief_decisions";

    private static final Logger LOG = Logger.getLogger(DecisionNotifications.class);
    private static final long RECONNECT_MILLIS = 1000;

    private final Vertx vertx;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private volatile boolean stopped;

    public DecisionNotifications(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                                 @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                                 @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** In the storing transaction: every listener hears of it once the transaction commits, and never if it does not. */
    public Uni<Void> announce(SqlConnection transaction) {
        return transaction.query("NOTIFY " + CHANNEL).execute().replaceWithVoid();
    }

    /** Calls {@code heard} on every notification and on every (re)subscription; the returned subscriber closes it. */
    public PgSubscriber listen(Runnable heard) {
        PgConnectOptions options = PgConnectOptions.fromUri(url);
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        PgSubscriber subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> RECONNECT_MILLIS);
        subscriber.channel(CHANNEL)
                .subscribeHandler(heard)
                .handler(payload -> heard.run());
        connect(subscriber);
        return subscriber;
    }

    /** Stops the listening of {@code subscriber} for good (at shutdown). */
    public void stop(PgSubscriber subscriber) {
        stopped = true;
        subscriber.close().subscribe().with(closed -> { }, failure -> LOG.debug("closing the listener", failure));
    }

    /** The reconnect policy covers a connection lost later; a first connection that fails is tried again here. */
    private void connect(PgSubscriber subscriber) {
        subscriber.connect().subscribe().with(connected -> LOG.debugf("listening on %s", CHANNEL), failure -> {
            LOG.warnf("cannot listen for stored decisions yet (%s); polling meanwhile", failure.toString());
            vertx.setTimer(RECONNECT_MILLIS, id -> {
                if (!stopped) {
                    connect(subscriber);
                }
            });
        });
    }
}
