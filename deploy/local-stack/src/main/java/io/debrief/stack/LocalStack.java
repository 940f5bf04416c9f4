package io.debrief.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;

/** A real Kafka broker (KRaft) and a real PostgreSQL started here, without Docker, with the contract's topics. */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalStack.class.getName());

    private final String bootstrapServers;
    private final Postgres postgres;
    private final List<AutoCloseable> owned;

    private LocalStack(String bootstrapServers, Postgres postgres, List<AutoCloseable> owned) {
        this.bootstrapServers = bootstrapServers;
        this.postgres = postgres;
        this.owned = owned;
    }

    /** Fixed ports (0 = any free one) and where the servers keep their data. */
    public record Settings(int kafkaPort, int postgresPort, Path dataDir, boolean keepData) {
    }

    /** Starts PostgreSQL while the broker starts (both take seconds), then creates the topics. */
    public static LocalStack start(Settings settings) {
        List<AutoCloseable> owned = new ArrayList<>();
        CompletableFuture<Postgres> postgresStarted = CompletableFuture.supplyAsync(() -> {
            long begin = System.nanoTime();
            Postgres postgres = Postgres.start(settings.postgresPort(), settings.dataDir().resolve("postgres"), !settings.keepData());
            LOG.info(() -> "PostgreSQL up at 127.0.0.1:" + postgres.port() + " in " + millisSince(begin) + " ms");
            return postgres;
        });
        try {
            long begin = System.nanoTime();
            KafkaBroker broker = KafkaBroker.start(settings.kafkaPort(), settings.dataDir().resolve("kafka"));
            owned.add(broker);
            LOG.info(() -> "Kafka broker (KRaft) up at " + broker.bootstrapServers() + " in " + millisSince(begin) + " ms");
            Topics.createMissing(broker.bootstrapServers());
            Postgres postgres = postgresStarted.join();
            owned.add(postgres);
            return new LocalStack(broker.bootstrapServers(), postgres, owned);
        } catch (RuntimeException e) {
            postgresStarted.thenAccept(Postgres::close); // it may still be starting
            closeAll(owned);
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    public String kafkaBootstrapServers() {
        return bootstrapServers;
    }

    public Postgres postgres() {
        return postgres;
    }

    @Override
    public void close() {
        closeAll(owned);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        // stop in reverse order of start; keep going so that one failure does not leak the others
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warning("stopping " + resources.get(i) + " failed: " + e);
            }
        }
        resources.clear();
    }
}
