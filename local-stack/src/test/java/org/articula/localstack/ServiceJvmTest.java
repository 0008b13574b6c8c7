package org.articula.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service's JVM: its options, and a start-up cache used only by the runtime that made it. */
class ServiceJvmTest {

    @TempDir
    Path dir;

    @Test
    void aCacheIsReadOnlyByTheRuntimeItsStampNames() throws Exception {
        Path app = quarkusApp();
        JavaRuntime jdk25 = runtime("temurin-25", "25.0.3", "exit 0");
        JavaRuntime other25 = runtime("temurin-25.0.1", "25.0.1", "exit 0");
        Files.writeString(app.resolve("app.aot"), "cache");
        assertEquals(List.of(), ServiceJvm.cacheOptions(jdk25, app), "no stamp: nobody knows who made it");

        Files.writeString(app.resolve("app.aot.runtime"), jdk25 + "\n");

        assertEquals(List.of("-XX:AOTCache=app.aot"), ServiceJvm.cacheOptions(jdk25, app));
        assertEquals(List.of(), ServiceJvm.cacheOptions(other25, app));
    }

    @Test
    void java17NeverGetsTheAotCacheButItsOwnAppCdsArchive() throws Exception {
        Path app = quarkusApp();
        JavaRuntime jdk17 = runtime("java-17", "17.0.15", "exit 0");
        stamped(app, "app.aot", jdk17);
        assertEquals(List.of(), ServiceJvm.cacheOptions(jdk17, app));

        stamped(app, "app-cds.jsa", jdk17);

        assertEquals(List.of("-XX:SharedArchiveFile=app-cds.jsa"), ServiceJvm.cacheOptions(jdk17, app));
    }

    @Test
    void theCommandPutsTheCallersOptionsAfterTheDefaultsSoTheyWin() throws Exception {
        Path app = quarkusApp();
        JavaRuntime jdk25 = runtime("temurin-25", "25.0.3", "exit 0");
        stamped(app, "app.aot", jdk25);

        List<String> command = ServiceJvm.command(jdk25, app, List.of("-Xmx1g"));

        List<String> expected = new ArrayList<>(List.of(jdk25.java().toString()));
        expected.addAll(ServiceJvm.OPTIONS);
        expected.addAll(List.of("-XX:AOTCache=app.aot", "-Xmx1g", "-jar", "quarkus-run.jar"));
        assertEquals(expected, command);
        assertTrue(ServiceJvm.OPTIONS.contains("-XX:+UseG1GC"));
    }

    @Test
    void theRuntimeThatWouldRunTheServicesTakesTheOptionsAsWritten() throws Exception {
        JavaRuntime runtime = JavaRuntime.choose(System.getenv());
        List<String> command = new ArrayList<>(List.of(runtime.java().toString()));
        command.addAll(ServiceJvm.OPTIONS);
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String flags = new String(java.getInputStream().readAllBytes());

        assertEquals(0, java.waitFor(), flags);
        // A misspelt or obsolete option would stop the JVM above; these say the collector really hands memory back.
        assertTrue(flags.matches("(?s).*\\bUseG1GC\\s+= true\\b.*"), "G1 in use on " + runtime);
        assertTrue(flags.matches("(?s).*\\bMaxHeapFreeRatio\\s+= 30\\b.*"), "at most 30 % of the heap kept free");
        assertTrue(flags.matches("(?s).*\\bG1UseAdaptiveIHOP\\s+= false\\b.*"), "marking starts at a fixed occupancy");
        assertTrue(flags.matches("(?s).*\\bInitiatingHeapOccupancyPercent\\s+= 80\\b.*"), "marking at 80 % occupancy");
        assertTrue(flags.matches("(?s).*\\bG1PeriodicGCInterval\\s+= 30000\\b.*"), "a cycle after 30 s idle");
        assertTrue(flags.matches("(?s).*\\bTrimNativeHeapInterval\\s+= 5000\\b.*"), "freed native memory handed back");
        assertTrue(flags.matches("(?s).*\\bTieredStopAtLevel\\s+= 1\\b.*"), "the quick compiler only");
    }

    @Test
    void theImageRunsTheServicesWithTheSameOptions() throws IOException {
        String dockerfile = Files.readString(Path.of("..", "docker", "Dockerfile"));
        Matcher image = Pattern.compile("ENV SERVICE_JVM_OPTS=\"([^\"]*)\"").matcher(dockerfile);

        // The image repeats the options (it has no Java to ask); a change made on one side only fails here.
        assertTrue(image.find(), "docker/Dockerfile sets SERVICE_JVM_OPTS");
        assertEquals(String.join(" ", ServiceJvm.OPTIONS), image.group(1));
    }

    @Test
    void trainingWritesTheCacheAndStampsItWithTheRuntime() throws Exception {
        Path app = quarkusApp();
        // A stand-in JVM that, like -XX:AOTCacheOutput, writes the cache when the recorded run exits.
        JavaRuntime jdk25 = runtime("temurin-25", "25.0.3",
                "for a; do case $a in -XX:AOTCacheOutput=*) echo cache > \"${a#*=}\";; esac; done");
        JavaRuntime builder = runtime("java-17", "17.0.15", "exit 0");
        Files.writeString(app.resolve("app-cds.jsa"), "written by Quarkus on the builder");

        Path cache = ServiceJvm.prepare(jdk25, builder, app, null);

        assertEquals(app.resolve("app.aot"), cache);
        assertEquals(jdk25 + "\n", Files.readString(app.resolve("app.aot.runtime")));
        assertEquals(List.of("-XX:AOTCache=app.aot"), ServiceJvm.cacheOptions(jdk25, app));
        // The builder's archive stays usable by the builder (ARTICULA_JAVA_HOME pointing at 17).
        assertEquals(List.of("-XX:SharedArchiveFile=app-cds.jsa"), ServiceJvm.cacheOptions(builder, app));
    }

    @Test
    void aFailedTrainingLeavesNoCacheAndNoStampAndDoesNotThrow() throws Exception {
        Path app = quarkusApp();
        JavaRuntime jdk25 = runtime("temurin-25", "25.0.3", "echo half > app.aot; exit 1");
        Files.writeString(app.resolve("app.aot.runtime"), jdk25 + "\n"); // from an earlier, good build

        assertNull(ServiceJvm.prepare(jdk25, runtime("java-17", "17.0.15", "exit 0"), app, null));

        assertFalse(Files.exists(app.resolve("app.aot")));
        assertFalse(Files.exists(app.resolve("app.aot.runtime")));
        assertEquals(List.of(), ServiceJvm.cacheOptions(jdk25, app));
    }

    @Test
    void theBuildersOwnAppCdsArchiveIsStampedNotTrainedAgain() throws Exception {
        Path app = quarkusApp();
        JavaRuntime jdk17 = runtime("java-17", "17.0.15", "exit 1"); // would fail if it were run
        JavaRuntime jdk25 = runtime("temurin-25", "25.0.3", "exit 0");
        Files.writeString(app.resolve("app-cds.jsa"), "written by Quarkus");
        stamped(app, "app.aot", jdk25); // left by an earlier build, for its jars

        assertEquals(app.resolve("app-cds.jsa"),
                ServiceJvm.prepare(jdk17, jdk17, app, Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:x")));

        assertEquals(List.of(), ServiceJvm.cacheOptions(jdk25, app));

        assertEquals("written by Quarkus", Files.readString(app.resolve("app-cds.jsa")));
        assertEquals(List.of("-XX:SharedArchiveFile=app-cds.jsa"), ServiceJvm.cacheOptions(jdk17, app));
    }

    @Test
    void givenADatabaseAnAotCacheIsTrainedOnARealStartOfTheService() throws Exception {
        // The stand-in notes how it was started, then writes the cache as -XX:AOTCacheOutput does at exit.
        List<String> starts = trainWithDatabase("echo \"$QUARKUS_DATASOURCE_JDBC_URL $KAFKA_BOOTSTRAP_SERVERS"
                + " port=$QUARKUS_HTTP_PORT $*\" >> started.txt\n");

        assertEquals(1, starts.size(), "one start, the real one: " + starts);
        assertTrue(starts.get(0).startsWith("jdbc:postgresql://localhost:5/training 127.0.0.1:"), starts.get(0));
        assertTrue(starts.get(0).matches(".* port=[0-9]+ .*-XX:AOTCacheOutput=.*app\\.aot -jar quarkus-run\\.jar"),
                starts.get(0));
        assertFalse(starts.get(0).contains("quarkus.appcds.generate"), starts.get(0));
    }

    @Test
    void whenTheRealStartFailsTheCacheIsTrainedOnStaticInitialisation() throws Exception {
        // Fails whenever it is given a database, as a service does when PostgreSQL refuses it.
        List<String> starts = trainWithDatabase(
                "echo \"$*\" >> started.txt\n[ -n \"$QUARKUS_DATASOURCE_JDBC_URL\" ] && exit 1\n");

        assertEquals(2, starts.size(), starts.toString());
        assertFalse(starts.get(0).contains("quarkus.appcds.generate"), starts.get(0));
        assertTrue(starts.get(1).contains("-Dquarkus.appcds.generate=true"), starts.get(1));
    }

    /**
     * Trains with a database on a stand-in Java 25 that runs {@code script} and then writes the cache as
     * {@code -XX:AOTCacheOutput} does at exit; checks the cache was made and stamped and returns the lines
     * the script wrote to started.txt.
     */
    private List<String> trainWithDatabase(String script) throws Exception {
        Path app = quarkusApp();
        JavaRuntime jdk25 = runtime("temurin-25", "25.0.3",
                script + "for a; do case $a in -XX:AOTCacheOutput=*) echo cache > \"${a#*=}\";; esac; done");

        Path cache = ServiceJvm.prepare(jdk25, runtime("java-17", "17.0.15", "exit 0"), app,
                Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:5/training"));

        assertEquals(app.resolve("app.aot"), cache);
        assertEquals(jdk25 + "\n", Files.readString(app.resolve("app.aot.runtime")));
        return Files.readAllLines(app.resolve("started.txt"));
    }

    /** A cache file as the build leaves it: the file and its stamp naming {@code runtime}. */
    private static void stamped(Path app, String cache, JavaRuntime runtime) throws IOException {
        Files.writeString(app.resolve(cache), "cache");
        Files.writeString(app.resolve(cache + ".runtime"), runtime + "\n");
    }

    private Path quarkusApp() throws IOException {
        Path app = dir.resolve("target/quarkus-app");
        Files.createDirectories(app);
        Files.writeString(app.resolve("quarkus-run.jar"), "");
        return app;
    }

    /** A runtime whose bin/java is a shell script with {@code body}. */
    private JavaRuntime runtime(String name, String version, String body) throws IOException {
        Path home = JavaRuntimeTest.jdk(dir.resolve("jvm"), name, version);
        Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n" + body + "\n");
        return JavaRuntime.of(home).orElseThrow();
    }
}
