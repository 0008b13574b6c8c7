package org.articula.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one place that chooses the Java runtime the services run on (docs/decisions/0035): the JDK that
 * {@code ARTICULA_JAVA_HOME} names, else the newest JDK 25 or later under {@code /usr/lib/jvm}, else the
 * runtime running this code (17 today). Java 25 starts the services faster from an AOT cache (JEP 483,
 * 514, 515) and keeps them smaller; the code is compiled for 17 and runs on either.
 *
 * <p>{@code java -cp <local-stack> org.articula.localstack.JavaRuntime} prints the chosen runtime's
 * {@code java} executable, for scripts.
 */
public record JavaRuntime(Path home, String version) {

    /** The first release with {@code -XX:AOTCacheOutput} (JEP 514) and method profiles in the cache (JEP 515). */
    public static final int AOT_CACHE_RELEASE = 25;

    static final String HOME_ENV = "ARTICULA_JAVA_HOME";
    static final Path JVM_DIR = Path.of("/usr/lib/jvm");

    private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"([^\"]+)\"");

    /** The runtime for the services in this environment. */
    public static JavaRuntime choose(Map<String, String> env) {
        return choose(env, JVM_DIR, current());
    }

    static JavaRuntime choose(Map<String, String> env, Path jvmDir, JavaRuntime current) {
        String configured = env.getOrDefault(HOME_ENV, "").strip();
        if (!configured.isEmpty()) {
            return of(Path.of(configured)).orElseThrow(() -> new IllegalStateException(
                    HOME_ENV + "=" + configured + " is not a Java runtime (no bin/java and release file)"));
        }
        return installed(jvmDir).stream().filter(runtime -> runtime.feature() >= AOT_CACHE_RELEASE)
                .max(Comparator.comparing(JavaRuntime::feature).thenComparing(JavaRuntime::version))
                .orElse(current);
    }

    /** The runtime running this code. */
    public static JavaRuntime current() {
        return new JavaRuntime(real(Path.of(System.getProperty("java.home"))), System.getProperty("java.version"));
    }

    /** A runtime from its home, identified by its {@code release} file without starting it. */
    static Optional<JavaRuntime> of(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            Matcher version = RELEASE_VERSION.matcher(Files.readString(release));
            return version.find() ? Optional.of(new JavaRuntime(real(home), version.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** One name for one runtime, so a runtime reached through a link still matches its cache's stamp. */
    private static Path real(Path home) {
        try {
            return home.toRealPath();
        } catch (IOException e) {
            return home.toAbsolutePath().normalize();
        }
    }

    private static List<JavaRuntime> installed(Path jvmDir) {
        if (!Files.isDirectory(jvmDir)) {
            return List.of();
        }
        try (Stream<Path> homes = Files.list(jvmDir)) {
            List<JavaRuntime> found = new ArrayList<>();
            homes.sorted().forEach(home -> of(home).ifPresent(found::add));
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 17, 25...: the first number of the version. */
    public int feature() {
        return Integer.parseInt(version.split("[.+-]", 2)[0]);
    }

    public Path java() {
        return home.resolve("bin/java");
    }

    /** Whether this runtime reads and writes AOT caches ({@code -XX:AOTCache}); older ones use AppCDS. */
    public boolean hasAotCache() {
        return feature() >= AOT_CACHE_RELEASE;
    }

    @Override
    public String toString() {
        return "Java " + version + " (" + home + ")";
    }

    public static void main(String[] args) {
        System.out.println(choose(System.getenv()).java());
    }
}
