package io.debrief.stack;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** The topics of CONTRACT.md, plus the dead-letter topics the consumers use (one per consuming service and topic). */
public final class Topics {

    public static final int PARTITIONS = 6;

    public static final List<NewTopic> CONTRACT = List.of(
            topic("scorecard-events", Map.of()),
            topic("calibration-updates", Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
            topic("hiring-decisions", Map.of()),
            topic("scorecard-events-dlq", Map.of()),
            topic("hiring-decisions-dlq", Map.of()),
            topic("scorecard-events-notification-dlq", Map.of()),
            topic("hiring-decisions-scorecard-dlq", Map.of()));

    private Topics() {
    }

    private static NewTopic topic(String name, Map<String, String> configs) {
        return new NewTopic(name, PARTITIONS, (short) 1).configs(configs);
    }

    /** Creates whichever contract topics do not exist yet. */
    public static void createMissing(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = CONTRACT.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot create the contract topics on " + bootstrapServers, e);
        }
    }
}
