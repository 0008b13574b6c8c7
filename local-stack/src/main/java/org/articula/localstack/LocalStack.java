package org.articula.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the whole system on one machine without Docker: PostgreSQL (embedded server binaries), a KRaft
 * Kafka broker, the topics, and the three services as separate JVMs. Ctrl-C stops everything in reverse
 * order. Data lives under {@code .articula/} (or {@code ARTICULA_HOME}) and is reused by the next start.
 *
 * <p>Once every service is ready, {@link SampleData} loads sample organisations, producers and agreements
 * into contracts-service and a fortnight of milk deliveries into lots-service (idempotently, so restarts
 * reuse them); {@code ARTICULA_SAMPLE_DATA=false} skips it.
 *
 * <p>PGHOST/PGPORT/PGUSER/PGPASSWORD and KAFKA_BOOTSTRAP_SERVERS point it at existing servers instead.
 */
public final class LocalStack implements AutoCloseable {

    record Service(String name, int port, String database) {
    }

    /** A running service process: its pid, when it was launched and when it first answered ready. */
    public record ServiceProcess(String name, long pid, Instant launched, Instant ready) {

        public Duration startUp() {
            return Duration.between(launched, ready);
        }
    }

    /** How to reach one service's database (for tools such as the benchmarks). */
    public record Database(String jdbcUrl, String user, String password) {
    }

    private final Path root;
    private final Path home;
    private final Map<String, String> env;
    private final List<Service> services;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final List<ServiceProcess> started = new ArrayList<>();
    private String pgHost;
    private int pgPort;
    private String pgUser;
    private String pgPassword;

    LocalStack(Path root, Path home, Map<String, String> env) {
        this.root = root;
        this.home = home;
        this.env = env;
        // ARTICULA_PORT_BASE moves the three services together (8081, 8082, 8083 by default).
        int base = Integer.parseInt(env.getOrDefault("ARTICULA_PORT_BASE", "8081"));
        this.services = List.of(new Service("contracts-service", base, "contracts"),
                new Service("lots-service", base + 1, "lots"),
                new Service("payments-service", base + 2, "payments"));
    }

    /**
     * Starts the whole system from the built services under {@code root} (for end-to-end tests):
     * the same as {@code ./articula}, configured by {@code env} (ARTICULA_PG_PORT, ARTICULA_KAFKA_PORT,
     * ARTICULA_PORT_BASE, ARTICULA_SAMPLE_DATA...). Close it to stop everything.
     */
    public static LocalStack start(Path root, Path home, Map<String, String> env) throws Exception {
        LocalStack stack = new LocalStack(root, home, env);
        try {
            stack.start();
        } catch (Exception e) {
            stack.stop();
            throw e;
        }
        return stack;
    }

    /** e.g. {@code http://localhost:8081} for "contracts-service". */
    public String baseUrl(String serviceName) {
        return "http://localhost:" + port(serviceName);
    }

    /** The services as launched, with their pids and start-up times, in start order. */
    public List<ServiceProcess> serviceProcesses() {
        return List.copyOf(started);
    }

    /** The database of "contracts", "lots" or "payments" (or "postgres"). */
    public Database database(String name) {
        return new Database(PostgresServer.jdbcUrl(pgHost, pgPort, name), pgUser, pgPassword);
    }

    @Override
    public void close() {
        stop();
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("articula.root", ".")).toAbsolutePath().normalize();
        Map<String, String> env = System.getenv();
        Path home = Path.of(env.getOrDefault("ARTICULA_HOME", root.resolve(".articula").toString()));
        LocalStack stack = new LocalStack(root, home, env);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "local-stack-shutdown"));
        try {
            stack.start();
        } catch (Exception e) {
            System.err.println("\nArticula could not start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    void start() throws Exception {
        Instant began = Instant.now();
        Path logs = home.resolve("logs");
        Files.createDirectories(logs);
        say("Articula local stack; data and logs in " + home);

        pgHost = env.getOrDefault("PGHOST", "localhost");
        pgUser = env.getOrDefault("PGUSER", PostgresServer.USER);
        pgPassword = env.getOrDefault("PGPASSWORD", PostgresServer.PASSWORD);
        if (env.containsKey("PGHOST") || env.containsKey("PGPORT")) {
            pgPort = Integer.parseInt(env.getOrDefault("PGPORT", "5432"));
            say("PostgreSQL: using " + pgHost + ":" + pgPort + " (from PGHOST/PGPORT)");
        } else {
            int port = Integer.parseInt(env.getOrDefault("ARTICULA_PG_PORT", "15432"));
            PostgresServer postgres = PostgresServer.start(home.resolve("postgres"), port);
            running.push(postgres);
            pgPort = postgres.port();
            say("PostgreSQL: embedded server on localhost:" + pgPort);
        }
        PostgresServer.createDatabases(PostgresServer.jdbcUrl(pgHost, pgPort, "postgres"), pgUser, pgPassword,
                services.stream().map(Service::database).toArray(String[]::new));

        String bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap != null) {
            say("Kafka: using " + bootstrap + " (from KAFKA_BOOTSTRAP_SERVERS)");
        } else {
            int port = Integer.parseInt(env.getOrDefault("ARTICULA_KAFKA_PORT", "19092"));
            KafkaBrokerProcess broker = KafkaBrokerProcess.start(home.resolve("kafka"), port, port + 1,
                    logs.resolve("kafka.log"));
            running.push(broker);
            bootstrap = broker.bootstrapServers();
            say("Kafka: KRaft broker on " + bootstrap);
        }
        KafkaTopics.ensure(bootstrap, 3);

        List<Process> processes = new ArrayList<>();
        List<Instant> launched = new ArrayList<>();
        for (Service service : services) {
            launched.add(Instant.now());
            Process process = startService(service, PostgresServer.jdbcUrl(pgHost, pgPort, service.database()), pgUser,
                    pgPassword, bootstrap, logs.resolve(service.name() + ".log"));
            processes.add(process);
            running.push(() -> stopProcess(process));
        }
        // Awaited side by side, so each one's ready time is when it became ready, not when its turn came.
        List<CompletableFuture<Instant>> ready = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            Service service = services.get(i);
            Process process = processes.get(i);
            ready.add(CompletableFuture.supplyAsync(() -> awaitReady(service, process,
                    logs.resolve(service.name() + ".log"))));
        }
        for (int i = 0; i < services.size(); i++) {
            Instant readyAt;
            try {
                readyAt = ready.get(i).join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
            started.add(new ServiceProcess(services.get(i).name(), processes.get(i).pid(), launched.get(i), readyAt));
        }
        if (SampleData.enabled(env)) {
            SampleData.Summary sample = SampleData.load(URI.create("http://localhost:" + port("contracts-service")));
            say(sample.line());
            say(SampleLots.load(URI.create("http://localhost:" + port("lots-service")), sample.laredo(),
                    sample.laredoProducers(), LocalDate.now(SampleLots.LIMA)).line());
        } else {
            say("Sample data: skipped (" + SampleData.SWITCH_ENV + "=false)");
        }

        say("");
        say("Articula is up in " + Duration.between(began, Instant.now()).toSeconds() + " s. Where to look:");
        for (Service service : services) {
            String base = "http://localhost:" + service.port();
            say(String.format("  %-18s %s/q/swagger-ui   health %s/q/health   metrics %s/q/metrics", service.name(),
                    base, base, base));
        }
        say("  PostgreSQL         " + PostgresServer.jdbcUrl(pgHost, pgPort, "<contracts|lots|payments>") + " user "
                + pgUser);
        say("  Kafka              " + bootstrap + "  topics " + KafkaTopics.EVENT_TOPICS);
        say("  Logs               " + logs);
        say("Press Ctrl-C to stop; data is kept for the next start.");
    }

    private int port(String serviceName) {
        return services.stream().filter(s -> s.name().equals(serviceName)).findFirst().orElseThrow().port();
    }

    private Process startService(Service service, String jdbcUrl, String user, String password, String bootstrap,
            Path log) throws IOException {
        Path jar = root.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is missing; build first (mvn -DskipTests package)");
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> serviceEnv = new HashMap<>();
        serviceEnv.put("QUARKUS_HTTP_PORT", Integer.toString(service.port()));
        serviceEnv.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        serviceEnv.put("QUARKUS_DATASOURCE_USERNAME", user);
        serviceEnv.put("QUARKUS_DATASOURCE_PASSWORD", password);
        serviceEnv.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        // Human-readable log files locally; JSON stays the production default.
        serviceEnv.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        builder.environment().putAll(serviceEnv);
        return builder.start();
    }

    private static Instant awaitReady(Service service, Process process, Path log) {
        try {
            return pollReady(service, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Instant pollReady(Service service, Process process, Path log)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://localhost:" + service.port() + "/q/health/ready");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException(service.name() + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(3))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    Instant readyAt = Instant.now();
                    say(service.name() + " ready on :" + service.port());
                    return readyAt;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IOException(service.name() + " not ready after 120 s; see " + log);
    }

    private static void stopProcess(Process process) throws InterruptedException {
        process.destroy(); // SIGTERM: Quarkus shuts down gracefully
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    synchronized void stop() {
        if (running.isEmpty()) {
            return;
        }
        say("\nStopping Articula...");
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
        say("Stopped. Data kept in " + home);
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
