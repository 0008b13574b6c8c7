package org.articula.localstack.testing;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.articula.localstack.PostgresServer;

/** PostgreSQL server binaries from a Maven artifact and an in-process single-node KRaft broker. */
final class EmbeddedInfrastructure extends RealInfrastructure.JdbcInfrastructure {

    private final PostgresServer postgres;
    private final KafkaClusterTestKit kafka;

    private EmbeddedInfrastructure(PostgresServer postgres, KafkaClusterTestKit kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    static EmbeddedInfrastructure start() throws Exception {
        PostgresServer postgres = PostgresServer.start(null, 0);
        KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("num.partitions", "3")
                .build();
        // The broker shares the test JVM: a fatal error while it shuts down (the JVM is exiting) must not
        // halt the JVM, or the test run fails after every test passed.
        Exit.setExitProcedure(
                (code, message) -> System.err.println("embedded Kafka asked to exit " + code + ": " + message));
        Exit.setHaltProcedure(
                (code, message) -> System.err.println("embedded Kafka asked to halt " + code + ": " + message));
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure(postgres, kafka);
        Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::close, "embedded-infrastructure-stop"));
        return infrastructure;
    }

    @Override
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    @Override
    public String username() {
        return PostgresServer.USER;
    }

    @Override
    public String password() {
        return PostgresServer.PASSWORD;
    }

    @Override
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    private void close() {
        try {
            kafka.close();
        } catch (Throwable e) {
            System.err.println("stopping Kafka: " + e);
        }
        try {
            postgres.close();
        } catch (Throwable e) {
            System.err.println("stopping PostgreSQL: " + e);
        }
    }
}
