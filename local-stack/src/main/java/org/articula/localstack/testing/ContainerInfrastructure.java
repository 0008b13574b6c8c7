package org.articula.localstack.testing;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL and Kafka (KRaft) containers, for machines with a Docker engine. */
final class ContainerInfrastructure extends RealInfrastructure.JdbcInfrastructure {

    static final String POSTGRES_IMAGE = "postgres:16.4-alpine";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    private final PostgreSQLContainer postgres;
    private final KafkaContainer kafka;

    private ContainerInfrastructure(PostgreSQLContainer postgres, KafkaContainer kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM ends
    static ContainerInfrastructure start() {
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE).withDatabaseName("postgres");
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        postgres.start();
        kafka.start();
        return new ContainerInfrastructure(postgres, kafka);
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/" + database;
    }

    @Override
    public String username() {
        return postgres.getUsername();
    }

    @Override
    public String password() {
        return postgres.getPassword();
    }

    @Override
    public String bootstrapServers() {
        return kafka.getBootstrapServers();
    }
}
