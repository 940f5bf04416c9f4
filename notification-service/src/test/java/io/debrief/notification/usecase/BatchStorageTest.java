package io.debrief.notification.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

class BatchStorageTest {

    private final List<List<String>> attempts = new ArrayList<>();

    /** A store that refuses any batch holding "bad", as the database refuses data that breaks a constraint. */
    private Uni<Integer> store(List<String> batch) {
        attempts.add(batch);
        return batch.contains("bad")
                ? Uni.createFrom().failure(new PgException("value too long", "ERROR", "22001", "quotes the data"))
                : Uni.createFrom().item(batch.size());
    }

    private record Refused(String item, String reason) {
    }

    @Test
    void aBatchTheDatabaseTakesIsStoredInOneGoAndNothingIsRefused() {
        List<Refused> refused = BatchStorage.storeOrRefuse("items", List.of("a", "b"), this::store, Refused::new)
                .await().atMost(Duration.ofSeconds(5));

        assertThat(refused).isEmpty();
        assertThat(attempts).containsExactly(List.of("a", "b"));
    }

    @Test
    void aRefusedBatchIsStoredOneAtATimeAndOnlyTheRefusedItemsComeBackWithoutTheirData() {
        List<Refused> refused = BatchStorage.storeOrRefuse("items", List.of("a", "bad", "c"), this::store,
                Refused::new).await().atMost(Duration.ofSeconds(5));

        assertThat(refused).containsExactly(new Refused("bad", "the database refused it (SQLSTATE 22001)"));
        assertThat(attempts).containsExactly(List.of("a", "bad", "c"), List.of("a"), List.of("bad"), List.of("c"));
    }

    @Test
    void anEmptyBatchIsNotStored() {
        assertThat(BatchStorage.storeOrRefuse("items", List.<String>of(), this::store, Refused::new)
                .await().atMost(Duration.ofSeconds(5))).isEmpty();
        assertThat(attempts).isEmpty();
    }

    @Test
    void dataConstraintAndStatementErrorsAreRefusalsAndALostConnectionIsAnOutage() {
        assertThat(BatchStorage.isTransient(new PgException("bad", "ERROR", "22001", null))).isFalse();
        assertThat(BatchStorage.isTransient(new PgException("dup", "ERROR", "23505", null))).isFalse();
        assertThat(BatchStorage.isTransient(new PgException("syntax", "ERROR", "42601", null))).isFalse();
        assertThat(BatchStorage.isTransient(new PgException("shutting down", "FATAL", "57P01", null))).isTrue();
        assertThat(BatchStorage.isTransient(new java.io.IOException("connection reset"))).isTrue();
        assertThat(BatchStorage.isTransient(new IllegalStateException("a bug"))).isFalse();
    }
}
