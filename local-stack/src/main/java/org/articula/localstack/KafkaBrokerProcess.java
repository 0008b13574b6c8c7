package org.articula.localstack;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka broker (combined broker + controller) run as its own JVM process from the
 * Kafka jars on this module's classpath. Its log directory persists, so topics and events survive a
 * restart of the local stack.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private KafkaBrokerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static KafkaBrokerProcess start(Path home, int port, int controllerPort, Path logFile)
            throws IOException, InterruptedException {
        Path dataDir = home.resolve("data");
        Files.createDirectories(dataDir);
        Path config = home.resolve("server.properties");
        writeConfig(config, dataDir, port, controllerPort);
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            // First start: format the storage with a new cluster id and this node as the only voter.
            run(List.of("kafka.tools.StorageTool", "format", "--standalone", "-t", Uuid.randomUuid().toString(),
                    "-c", config.toString()), logFile, Duration.ofMinutes(2));
        }
        Process process = java(List.of("kafka.Kafka", config.toString()), logFile).start();
        KafkaBrokerProcess broker = new KafkaBrokerProcess(process, port);
        broker.awaitReady(Duration.ofSeconds(90), logFile);
        return broker;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    private void awaitReady(Duration timeout, Path logFile) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("Kafka broker exited with " + process.exitValue() + "; see " + logFile);
            }
            try (Admin admin = KafkaClientLoading
                    .admin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception notYet) {
                Thread.sleep(500);
            }
        }
        throw new IOException("Kafka broker not ready after " + timeout + "; see " + logFile);
    }

    private static void writeConfig(Path file, Path dataDir, int port, int controllerPort) throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners",
                "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.setProperty("log.dirs", dataDir.toString());
        p.setProperty("num.partitions", "3");
        // A single node: internal topics must not ask for more replicas than exist, or consumer groups and
        // transactions hang.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        try (Writer out = Files.newBufferedWriter(file)) {
            p.store(out, "Articula local stack: single-node KRaft broker");
        }
    }

    private static void run(List<String> args, Path logFile, Duration timeout)
            throws IOException, InterruptedException {
        Process process = java(args, logFile).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", args) + " failed; see " + logFile);
        }
    }

    private static ProcessBuilder java(List<String> args, Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms256m");
        command.add("-Xmx768m");
        command.add("-cp");
        command.add(Classpath.ofThisModule());
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    }

    /** Stops the broker as a crash would: SIGKILL, nothing flushed beyond what the OS already has. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Controlled shutdown: the broker flushes its logs on SIGTERM. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
