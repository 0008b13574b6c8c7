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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.articula.localstack.security.DevKeys;
import org.articula.localstack.security.Tokens;

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
 *
 * <p>Every API needs a bearer token. The stack signs development tokens with a key pair it generates
 * under {@code <home>/keys} on first start (never in the repository) and hands the services its public
 * half; {@code ./articula token --role ... --org ...} prints one, {@link #token} mints one from code.
 * MP_JWT_VERIFY_PUBLICKEY_LOCATION and MP_JWT_VERIFY_ISSUER, when set, point the services at another
 * issuer (an OIDC provider) instead.
 */
public final class LocalStack implements AutoCloseable {

    /** A service process; {@code database} is null for the web module, which keeps no business data. */
    record Service(String name, int port, String database) {
    }

    static final String WEB = "web";

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
    private final Map<String, Process> processes = new HashMap<>();
    private final Map<String, ServiceProcess> started = new LinkedHashMap<>();
    private Path logs;
    private String pgHost;
    private int pgPort;
    private String pgUser;
    private String pgPassword;
    private String bootstrap;
    private KafkaBrokerProcess broker; // null when KAFKA_BOOTSTRAP_SERVERS names an existing one
    private int brokerPort;
    private DevKeys keys;
    private JavaRuntime runtime; // the services' runtime, chosen once per start

    LocalStack(Path root, Path home, Map<String, String> env) {
        this.root = root;
        this.home = home;
        this.env = env;
        // ARTICULA_PORT_BASE moves the three services together (8081, 8082, 8083 by default).
        int base = Integer.parseInt(env.getOrDefault("ARTICULA_PORT_BASE", "8081"));
        // The web app sits just below them: 8080 by default.
        int web = Integer.parseInt(env.getOrDefault("ARTICULA_WEB_PORT", Integer.toString(base - 1)));
        this.services = List.of(new Service("contracts-service", base, "contracts"),
                new Service("lots-service", base + 1, "lots"),
                new Service("payments-service", base + 2, "payments"),
                new Service(WEB, web, null));
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

    /** The broker's address, e.g. {@code localhost:19092}. */
    public String bootstrapServers() {
        return bootstrap;
    }

    /** The services as last launched, with their pids and start-up times, in start order. */
    public synchronized List<ServiceProcess> serviceProcesses() {
        return List.copyOf(started.values());
    }

    /** The database of "contracts", "lots" or "payments" (or "postgres"). */
    public Database database(String name) {
        return new Database(PostgresServer.jdbcUrl(pgHost, pgPort, name), pgUser, pgPassword);
    }

    /** A development token for a user of {@code organisationId} with these roles, valid for 12 hours. */
    public String token(String subject, UUID organisationId, String... roles) {
        return keys.sign(Tokens.Claims.of(subject, organisationId, roles));
    }

    /** Signs any claims with this stack's development key (a producer's token, a short-lived one...). */
    public String token(Tokens.Claims claims) {
        return keys.sign(claims);
    }

    static Path keysDir(Path home) {
        return home.resolve("keys");
    }

    @Override
    public void close() {
        stop();
    }

    /** Kills the embedded Kafka broker the way a crash or power cut would (SIGKILL, no flush). */
    public synchronized void killBroker() throws InterruptedException {
        if (broker == null) {
            throw new IllegalStateException("no embedded broker (KAFKA_BOOTSTRAP_SERVERS is set) or already killed");
        }
        broker.kill();
        broker = null;
        say("Kafka: broker killed");
    }

    /** Starts the embedded broker again on its port and data, after {@link #killBroker()}. */
    public synchronized void startBroker() throws IOException, InterruptedException {
        if (broker != null) {
            return;
        }
        broker = KafkaBrokerProcess.start(home.resolve("kafka"), brokerPort, brokerPort + 1, logs.resolve("kafka.log"));
        say("Kafka: broker started again on " + broker.bootstrapServers());
    }

    /** Kills one service's process (SIGKILL): no graceful shutdown, open transactions are lost. */
    public synchronized void killService(String serviceName) throws InterruptedException {
        Process process = processes.get(serviceName);
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException(serviceName + " is not running");
        }
        process.destroyForcibly().waitFor();
        say(serviceName + " killed");
    }

    /** Stops one service gracefully (SIGTERM, as a deployment would), e.g. to time its start alone. */
    public synchronized void stopService(String serviceName) throws InterruptedException {
        stopProcess(processes.get(serviceName));
        say(serviceName + " stopped");
    }

    /** Starts a killed or stopped service again with the same settings and waits until it is ready. */
    public synchronized void startService(String serviceName) throws IOException, InterruptedException {
        Process current = processes.get(serviceName);
        if (current != null && current.isAlive()) {
            return;
        }
        Service service = services.stream().filter(s -> s.name().equals(serviceName)).findFirst().orElseThrow();
        Instant launched = Instant.now();
        launch(service);
        Process process = processes.get(serviceName);
        Instant readyAt = pollReady(service, process, logs.resolve(serviceName + ".log"));
        started.put(serviceName, new ServiceProcess(serviceName, process.pid(), launched, readyAt));
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("articula.root", ".")).toAbsolutePath().normalize();
        Map<String, String> env = System.getenv();
        Path home = Path.of(env.getOrDefault("ARTICULA_HOME", root.resolve(".articula").toString()));
        if (TokenCommand.isInvoked(args)) {
            System.exit(TokenCommand.run(List.of(args).subList(1, args.length), home));
        }
        if (DeadLettersCommand.isInvoked(args)) {
            System.exit(DeadLettersCommand.run(List.of(args).subList(1, args.length), root, home, env));
        }
        if (RebuildCommand.isInvoked(args)) {
            System.exit(RebuildCommand.run(List.of(args).subList(1, args.length), home, env));
        }
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
        logs = home.resolve("logs");
        Files.createDirectories(logs);
        say("Articula local stack; data and logs in " + home);
        keys = DevKeys.loadOrCreate(keysDir(home));

        startPostgres();
        startKafka();
        startServices();
        List<String> tryIt = loadSampleData();
        sayWhereToLook(began, tryIt);
    }

    // PostgreSQL: the one PGHOST/PGPORT name, or an embedded server in the data directory.
    private void startPostgres() throws Exception {
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
                services.stream().map(Service::database).filter(java.util.Objects::nonNull).toArray(String[]::new));
    }

    // Kafka: the one KAFKA_BOOTSTRAP_SERVERS names, or a KRaft broker of our own.
    private void startKafka() throws Exception {
        bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap != null) {
            say("Kafka: using " + bootstrap + " (from KAFKA_BOOTSTRAP_SERVERS)");
        } else {
            brokerPort = Integer.parseInt(env.getOrDefault("ARTICULA_KAFKA_PORT", "19092"));
            broker = KafkaBrokerProcess.start(home.resolve("kafka"), brokerPort, brokerPort + 1,
                    logs.resolve("kafka.log"));
            running.push(() -> {
                if (broker != null) {
                    broker.close();
                }
            });
            bootstrap = broker.bootstrapServers();
            say("Kafka: KRaft broker on " + bootstrap);
        }
        KafkaTopics.ensure(bootstrap, 3);
    }

    private void startServices() throws Exception {
        runtime = JavaRuntime.choose(env);
        say("Services: " + runtime + (ServiceJvm.cacheOptions(runtime, root.resolve(services.get(0).name())
                .resolve("target/quarkus-app")).isEmpty()
                        ? ", no start-up cache for it (built on another runtime?)"
                        : ", with the start-up cache the build trained"));
        Map<String, Instant> launched = new HashMap<>();
        for (Service service : services) {
            launched.put(service.name(), Instant.now());
            launch(service);
            running.push(() -> stopProcess(processes.get(service.name())));
        }
        // Awaited side by side, so each one's ready time is when it became ready, not when its turn came.
        Map<String, CompletableFuture<Instant>> ready = new LinkedHashMap<>();
        for (Service service : services) {
            Process process = processes.get(service.name());
            ready.put(service.name(), CompletableFuture.supplyAsync(() -> awaitReady(service, process,
                    logs.resolve(service.name() + ".log"))));
        }
        for (Service service : services) {
            Instant readyAt;
            try {
                readyAt = ready.get(service.name()).join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
            started.put(service.name(), new ServiceProcess(service.name(), processes.get(service.name()).pid(),
                    launched.get(service.name()), readyAt));
        }
    }

    /** Loads the sample organisations, lots and a settled fortnight; answers the commands to try on them. */
    private List<String> loadSampleData() throws Exception {
        if (SampleData.enabled(env)) {
            SampleData.Summary sample = SampleData.load(URI.create(baseUrl("contracts-service")), keys);
            say(sample.line() + "; the Laredo association is " + sample.laredo());
            SampleLots.Summary lots = SampleLots.load(URI.create(baseUrl("contracts-service")),
                    URI.create(baseUrl("lots-service")), keys, sample.laredo(),
                    sample.laredoProducers(), LocalDate.now(SampleLots.LIMA));
            say(lots.line());
            SampleSettlement.Summary settled = SampleSettlement.load(URI.create(baseUrl("payments-service")),
                    URI.create(baseUrl("lots-service")), keys,
                    sample.laredo(), sample.laredoBuyer(), sample.laredoProducers(), lots,
                    LocalDate.now(SampleLots.LIMA));
            say(settled.line());
            SampleShipment.Summary shipment = SampleShipment.load(URI.create(baseUrl("contracts-service")),
                    URI.create(baseUrl("lots-service")), keys, sample.trout(), LocalDate.now(SampleLots.LIMA));
            say(shipment.line());
            SampleUsers.write(devUsersFile(home), URI.create(baseUrl("contracts-service")), keys, sample);
            String payments = baseUrl("payments-service");
            String statement = payments + "/api/v1/settlements/" + settled.settlementId() + "/statements/"
                    + settled.firstProducer();
            String bearer = "-H \"Authorization: Bearer $(./articula token --role treasurer --org " + sample.laredo()
                    + ")\" ";
            List<String> tryIt = new ArrayList<>(List.of(
                    "curl -s " + bearer + "'" + payments + "/api/v1/settlements?organisationId=" + sample.laredo()
                            + "'",
                    "curl -s " + bearer + statement,
                    "curl -s " + bearer + "-H 'Accept: text/html' " + statement + " > liquidacion.html"
                            + "   (printable, in Spanish)",
                    "curl -s " + bearer + "'" + payments + "/api/v1/reconciliations?organisationId=" + sample.laredo()
                            + "&fortnightStart=" + settled.from() + "'"));
            tryIt.addAll(complianceHints(sample.cacao(), shipment));
            return tryIt;
        }
        say("Sample data: skipped (" + SampleData.SWITCH_ENV + "=false)");
        return List.of();
    }

    /** Where to look at the cacao cooperative's certificates and parcels and at the trout shipment's history. */
    private List<String> complianceHints(SampleData.Cacao cacao, SampleShipment.Summary shipment) {
        String contracts = baseUrl("contracts-service");
        String coop = "-H \"Authorization: Bearer $(./articula token --role buyer-admin --org " + cacao.cooperative()
                + ")\" ";
        String exporter = "-H \"Authorization: Bearer $(./articula token --role buyer-admin --org "
                + shipment.exporter() + ")\" ";
        String trout = baseUrl("lots-service") + "/api/v1/shipments/" + shipment.shipmentId();
        return List.of(
                "# the cacao cooperative's certificates ending (or ended yet required), a member's EUDR parcels:",
                "curl -s " + coop + contracts + "/api/v1/certifications/expiring",
                "curl -s " + coop + contracts + "/api/v1/producers/" + cacao.withPolygon() + "/parcels",
                "# the trout shipment traced to its lots and producers, and its GS1 EPCIS 2.0 history (JSON-LD):",
                "curl -s " + exporter + trout + "/trace",
                "curl -s " + exporter + "-H 'Accept: application/ld+json' " + trout + "/epcis",
                "# or in the app as the exporter's plant manager: " + baseUrl(WEB) + "/#/envios/"
                        + shipment.shipmentId());
    }

    private void sayWhereToLook(Instant began, List<String> tryIt) {
        say("");
        say("Articula is up in " + Duration.between(began, Instant.now()).toSeconds() + " s. Where to look:");
        say("  The app            " + baseUrl(WEB) + "   (on a phone on this network: http://<this machine>:"
                + port(WEB)
                + ")" + (SampleData.enabled(env) ? "; sign in as a sample user" : ""));
        for (Service service : services) {
            if (service.database() == null) {
                continue;
            }
            String base = "http://localhost:" + service.port();
            say(String.format("  %-18s %s/q/swagger-ui   health %s/q/health   metrics %s/q/metrics", service.name(),
                    base, base, base));
        }
        say("  PostgreSQL         " + PostgresServer.jdbcUrl(pgHost, pgPort, "<contracts|lots|payments>") + " user "
                + pgUser);
        say("  Kafka              " + bootstrap + "  topics " + KafkaTopics.EVENT_TOPICS);
        say("  Logs               " + logs);
        say("  Tokens             ./articula token --role treasurer --org <organisation id>   (signing key in "
                + keysDir(home) + ")");
        if (!tryIt.isEmpty()) {
            say("The sample fortnight is settled and a trout shipment traced; try:");
            tryIt.forEach(line -> say("  " + line));
        }
        say("Press Ctrl-C to stop; data is kept for the next start.");
    }

    private int port(String serviceName) {
        return services.stream().filter(s -> s.name().equals(serviceName)).findFirst().orElseThrow().port();
    }

    private void launch(Service service) throws IOException {
        Path log = logs.resolve(service.name() + ".log");
        Path app = root.resolve(service.name()).resolve("target/quarkus-app");
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IOException(
                    app.resolve("quarkus-run.jar") + " is missing; build first (mvn -DskipTests package)");
        }
        // Extra JVM options for the services (e.g. GC settings or logging for a benchmark), space-separated;
        // they come after the defaults, so they override them.
        String jvmOptions = env.getOrDefault("ARTICULA_SERVICE_JVM_OPTS", "").strip();
        List<String> command = ServiceJvm.command(runtime, app,
                jvmOptions.isEmpty() ? List.of() : List.of(jvmOptions.split("\\s+")));
        ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> serviceEnv = service.database() == null ? webEnv() : dataServiceEnv(service);
        serviceEnv.put("QUARKUS_HTTP_PORT", Integer.toString(service.port()));
        // Human-readable log files locally; JSON stays the production default.
        serviceEnv.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        builder.environment().putAll(serviceEnv);
        processes.put(service.name(), builder.start());
    }

    /** A service with its own database, the broker and the bearer tokens it verifies. */
    private Map<String, String> dataServiceEnv(Service service) {
        Map<String, String> serviceEnv = new HashMap<>();
        serviceEnv.put("QUARKUS_DATASOURCE_JDBC_URL", PostgresServer.jdbcUrl(pgHost, pgPort, service.database()));
        serviceEnv.put("QUARKUS_DATASOURCE_USERNAME", pgUser);
        serviceEnv.put("QUARKUS_DATASOURCE_PASSWORD", pgPassword);
        serviceEnv.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        // Development tokens are verified with the local key, unless the caller points at another issuer.
        serviceEnv.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", env.getOrDefault("MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                "file:" + keys.publicKeyFile().toAbsolutePath()));
        serviceEnv.put("MP_JWT_VERIFY_ISSUER", env.getOrDefault("MP_JWT_VERIFY_ISSUER", Tokens.DEV_ISSUER));
        return serviceEnv;
    }

    /**
     * The web module forwards to the three services and, with the stack's own signing key (not when
     * another issuer is configured), offers "entrar como" the sample users.
     */
    private Map<String, String> webEnv() {
        Map<String, String> web = new HashMap<>();
        web.put("ARTICULA_WEB_CONTRACTS_URL", baseUrl("contracts-service"));
        web.put("ARTICULA_WEB_LOTS_URL", baseUrl("lots-service"));
        web.put("ARTICULA_WEB_PAYMENTS_URL", baseUrl("payments-service"));
        if (!env.containsKey("MP_JWT_VERIFY_PUBLICKEY_LOCATION")) {
            web.put("ARTICULA_DEV_SIGN_IN_KEYS_DIR", keysDir(home).toAbsolutePath().toString());
            web.put("ARTICULA_DEV_SIGN_IN_USERS_FILE", devUsersFile(home).toAbsolutePath().toString());
            web.put("ARTICULA_DEV_SIGN_IN_ISSUER", Tokens.DEV_ISSUER);
        }
        return web;
    }

    static Path devUsersFile(Path home) {
        return home.resolve("dev-users.json");
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
        if (process == null || !process.isAlive()) {
            return;
        }
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
