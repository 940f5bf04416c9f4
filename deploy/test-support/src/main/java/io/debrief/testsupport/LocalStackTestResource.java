package io.debrief.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a service under test the real Kafka and PostgreSQL of {@link LocalStack#shared()}, and trust in the tokens of
 * {@link TestIdentity}. One stack serves every test class of the JVM; the argument {@code database} names the
 * service's own database.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new java.util.HashMap<>(LocalStack.shared().quarkusConfig(database));
        config.putAll(TestIdentity.serviceConfig());
        return config;
    }

    @Override
    public void stop() {
        // the shared stack outlives a single test class; a JVM shutdown hook stops it
    }
}
