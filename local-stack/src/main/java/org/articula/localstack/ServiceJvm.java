package org.articula.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How a service's JVM is started (docs/decisions/0035): on the runtime {@link JavaRuntime} chooses, with
 * a heap and GC sized for a small container, and from the start-up cache the Maven build trained for
 * that runtime: an AOT cache ({@code app.aot}) on Java 25+, an AppCDS archive ({@code app-cds.jsa}) on 17.
 * A cache is used only when its stamp ({@code app.aot.runtime}) names the runtime about to start, so a
 * cache left by another JDK is never handed to it (17 would refuse {@code -XX:AOTCache} outright).
 *
 * <p>{@code main(quarkus-app directory)} trains the cache; the services' Maven build runs it at package.
 */
public final class ServiceJvm {

    /**
     * Heap and GC for a service in a small container (docs/decisions/0038): G1 that gives memory back, a
     * heap capped at 256 MB and grown from 32 MB, smaller thread stacks and a bounded metaspace. After each
     * cycle the heap keeps at most 30 % free ({@code MaxHeapFreeRatio}), and a service idle for 30 s runs
     * one concurrent cycle ({@code G1PeriodicGCInterval}), so memory taken by a burst of lots or a
     * settlement is returned instead of held until the next one; native memory freed by the JVM is handed
     * back to the system every 5 s ({@code TrimNativeHeapInterval}). Only the quick compiler, without
     * profiling ({@code TieredStopAtLevel=1}, decision 0041): the optimising one spent a core for seconds at
     * every start and its profiles and code held tens of MB, for a steady load a cooperative's server
     * never sees. The old generation is marked when it is 80 % full, not when G1's adaptive estimate says so
     * (docs/decisions/0043): a heap kept at most 30 % free is over that estimate right after each cycle, so
     * under load G1 marked back to back. The image repeats these (docker/Dockerfile); the k8s ConfigMaps turn
     * C2 back on.
     */
    public static final List<String> OPTIONS = List.of("-XX:+UseG1GC", "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30", "-XX:-G1UseAdaptiveIHOP", "-XX:InitiatingHeapOccupancyPercent=80",
            "-XX:G1PeriodicGCInterval=30000", "-XX:TrimNativeHeapInterval=5000",
            "-Xms32m", "-Xmx256m", "-Xss512k",
            "-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=96m", "-XX:TieredStopAtLevel=1");

    static final String AOT_CACHE = "app.aot";
    static final String APP_CDS = "app-cds.jsa";
    private static final String STAMP = ".runtime";
    private static final Duration TRAINING_LIMIT = Duration.ofMinutes(3);
    /**
     * What a training start is asked once it is live, to load what first answers need: API document, metrics,
     * a 401.
     */
    private static final List<String> TRAINING_REQUESTS = List.of("/q/openapi", "/q/metrics", "/api/v1/");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private ServiceJvm() {
    }

    /**
     * The command that starts the service in {@code quarkusApp} on {@code runtime}, plus {@code extra}
     * options; it runs in {@code quarkusApp}, where the cache was trained with the same relative class path.
     */
    static List<String> command(JavaRuntime runtime, Path quarkusApp, List<String> extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(runtime.java().toString()));
        command.addAll(OPTIONS);
        command.addAll(cacheOptions(runtime, quarkusApp));
        command.addAll(extra);
        command.addAll(List.of("-jar", "quarkus-run.jar"));
        return command;
    }

    /** The option that reads the start-up cache, or none when there is none for this very runtime. */
    static List<String> cacheOptions(JavaRuntime runtime, Path quarkusApp) throws IOException {
        String cache = cacheFile(runtime);
        Path stamp = quarkusApp.resolve(cache + STAMP);
        if (!Files.isRegularFile(quarkusApp.resolve(cache)) || !Files.isRegularFile(stamp)
                || !Files.readString(stamp).strip().equals(runtime.toString())) {
            return List.of();
        }
        // Both are advisory: a cache the JVM finds stale (another jar, another build) is skipped with a warning.
        return List.of(runtime.hasAotCache() ? "-XX:AOTCache=" + cache : "-XX:SharedArchiveFile=" + cache);
    }

    static String cacheFile(JavaRuntime runtime) {
        return runtime.hasAotCache() ? AOT_CACHE : APP_CDS;
    }

    /**
     * Makes the start-up cache of the service in {@code quarkusApp} for {@code runtime}. {@code builder} is
     * the JVM running Maven, for which Quarkus has already written an AppCDS archive
     * ({@code quarkus.package.jar.appcds.enabled}): that one is only stamped. Any other runtime is trained
     * here. An AOT cache, given {@code database} (the service's datasource settings as environment variables;
     * empty for one without a database), is recorded on a real start (docs/decisions/0044): the service starts,
     * migrates its database, answers a few requests and is stopped, so the cache holds what a start loads; there
     * is no broker, so its clients only log that they cannot connect. Without a database, or when that start
     * fails, the training is one start in Quarkus's archive-generation mode
     * ({@code -Dquarkus.appcds.generate=true}: static initialisation only, then exit). Returns the cache, or null
     * when training failed.
     */
    static Path prepare(JavaRuntime runtime, JavaRuntime builder, Path quarkusApp, Map<String, String> database)
            throws IOException, InterruptedException {
        Path cache = quarkusApp.resolve(cacheFile(runtime));
        // Whatever an earlier build left is for its jars: only what this build makes gets a stamp.
        Files.deleteIfExists(quarkusApp.resolve(AOT_CACHE + STAMP));
        Files.deleteIfExists(quarkusApp.resolve(APP_CDS + STAMP));
        if (Files.isRegularFile(quarkusApp.resolve(APP_CDS))) {
            Files.writeString(quarkusApp.resolve(APP_CDS + STAMP), builder + "\n");
        }
        if (madeByQuarkus(runtime, builder, quarkusApp)) {
            return cache;
        }
        Files.deleteIfExists(trainingLog(quarkusApp)); // the training runs append to it
        boolean realStart = runtime.hasAotCache() && database != null;
        boolean trained = realStart && train(runtime, quarkusApp, database);
        if (realStart && !trained) {
            System.out.println("Start-up cache: the training start failed (see " + trainingLog(quarkusApp)
                    + "); static initialisation only");
        }
        if (!trained && !train(runtime, quarkusApp, null)) {
            return null;
        }
        Files.writeString(quarkusApp.resolve(cacheFile(runtime) + STAMP), runtime + "\n");
        return cache;
    }

    /** Whether Quarkus already wrote the cache for {@code runtime}, because it is the JVM running Maven. */
    private static boolean madeByQuarkus(JavaRuntime runtime, JavaRuntime builder, Path quarkusApp) {
        return runtime.equals(builder) && Files.isRegularFile(quarkusApp.resolve(cacheFile(runtime)));
    }

    /** One training run: a real start when {@code database} is given, else static initialisation only. */
    private static boolean train(JavaRuntime runtime, Path quarkusApp, Map<String, String> database)
            throws IOException, InterruptedException {
        Path cache = quarkusApp.resolve(cacheFile(runtime));
        Files.deleteIfExists(cache);
        List<String> command = new ArrayList<>(List.of(runtime.java().toString()));
        command.addAll(OPTIONS);
        command.add((runtime.hasAotCache() ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + cache);
        if (database == null) {
            command.add("-Dquarkus.appcds.generate=true");
        }
        command.addAll(List.of("-jar", "quarkus-run.jar"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(quarkusApp.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(trainingLog(quarkusApp).toFile()));
        int port = 0;
        if (database != null) {
            port = FreePorts.run(2);
            builder.environment().putAll(database);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            // A port nobody listens on: the service's Kafka clients start and retry, as they would without a broker.
            builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + (port + 1));
            builder.environment().put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        }
        Instant deadline = Instant.now().plus(TRAINING_LIMIT);
        Process training = builder.start();
        boolean stopped = false;
        if (database != null && live(training, port, deadline)) {
            for (String path : TRAINING_REQUESTS) {
                get(port, path);
            }
            training.destroy(); // SIGTERM: the JVM writes the cache as it exits
            stopped = true;
        }
        boolean exited = training.waitFor(Duration.between(Instant.now(), deadline).toMillis() + 1,
                TimeUnit.MILLISECONDS);
        if (!exited) {
            training.destroyForcibly().waitFor();
        }
        // 143 is the JVM's answer to the SIGTERM that ended the run, cache written.
        boolean made = exited && (training.exitValue() == 0 || (stopped && training.exitValue() == 143))
                && Files.isRegularFile(cache);
        if (!made) {
            Files.deleteIfExists(cache);
        }
        return made;
    }

    /** Each training start's output, next to {@code quarkus-app}. */
    private static Path trainingLog(Path quarkusApp) {
        return quarkusApp.resolveSibling("startup-cache.log");
    }

    /** Whether the service answered on {@code port} before the deadline (false when it exited first). */
    private static boolean live(Process training, int port, Instant deadline) throws InterruptedException {
        while (training.isAlive() && Instant.now().isBefore(deadline)) {
            if (get(port, "/q/health/live") == 200) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static int get(int port, String path) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return -1;
        }
    }

    /** Whether the packaged application talks to PostgreSQL (its driver is among its libraries). */
    private static boolean hasDatabase(Path quarkusApp) throws IOException {
        try (var libraries = Files.list(quarkusApp.resolve("lib/main"))) {
            return libraries.anyMatch(jar -> jar.getFileName().toString().startsWith("org.postgresql.postgresql-"));
        }
    }

    /**
     * Makes the start-up cache for one service's {@code target/quarkus-app}, run by the Maven build in its own
     * JVM (exec:java) right after Quarkus packaged the service. Never fails the build: without a cache the
     * service starts the same, only slower. {@code ARTICULA_JAVA_HOME} chooses the runtime.
     */
    public static void main(String[] args) throws Exception {
        Path quarkusApp = Path.of(args[0]).toAbsolutePath();
        JavaRuntime runtime = JavaRuntime.choose(System.getenv());
        Instant began = Instant.now();
        JavaRuntime builder = JavaRuntime.current();
        PostgresServer postgres = null;
        Map<String, String> database = null;
        // No PostgreSQL when there is no real start to train: a Java 17 archive, or a cache Quarkus already wrote.
        boolean realStart = runtime.hasAotCache() && !madeByQuarkus(runtime, builder, quarkusApp);
        if (realStart && !hasDatabase(quarkusApp)) {
            database = Map.of(); // the web app: its real start has no database to connect to
        } else if (realStart) {
            try {
                postgres = PostgresServer.start(null, 0);
                PostgresServer.createDatabases(postgres.jdbcUrl("postgres"), PostgresServer.USER,
                        PostgresServer.PASSWORD, "training");
                database = Map.of("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("training"),
                        "QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER,
                        "QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
            } catch (Exception e) {
                System.out.println("Start-up cache: no PostgreSQL for a training start (" + e
                        + "); static initialisation only");
            }
        }
        Path cache;
        try {
            cache = prepare(runtime, builder, quarkusApp, database);
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
        long seconds = Duration.between(began, Instant.now()).toSeconds();
        System.out.println(cache == null
                ? "Start-up cache: training on " + runtime + " failed after " + seconds + " s; the service starts "
                        + "without one (see " + trainingLog(quarkusApp) + ")"
                : "Start-up cache: " + cache + " trained on " + runtime + " in " + seconds + " s");
    }
}
