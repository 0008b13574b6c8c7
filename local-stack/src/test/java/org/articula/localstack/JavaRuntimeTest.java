package org.articula.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which runtime the services get: ARTICULA_JAVA_HOME, else the newest 25+ installed, else the current one. */
class JavaRuntimeTest {

    @TempDir
    Path jvms;

    private final JavaRuntime current = new JavaRuntime(Path.of("/current"), "17.0.15");

    /** A JDK home as installed: bin/java and the release file that names its version. */
    static Path jdk(Path dir, String name, String version) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(home.resolve("bin/java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"" + version
                + "\"\nJAVA_RUNTIME_VERSION=\"" + version + "+9-LTS\"\n");
        return home.toRealPath();
    }

    @Test
    void theNewestJdk25OrLaterUnderTheJvmDirectoryIsChosen() throws IOException {
        jdk(jvms, "java-17-openjdk-amd64", "17.0.15");
        Path newest = jdk(jvms, "temurin-25-jdk-amd64", "25.0.3");
        jdk(jvms, "temurin-25.0.1-jdk", "25.0.1");
        jdk(jvms, "java-21-openjdk-amd64", "21.0.5");

        JavaRuntime chosen = JavaRuntime.choose(Map.of(), jvms, current);

        assertEquals(new JavaRuntime(newest, "25.0.3"), chosen);
        assertTrue(chosen.hasAotCache());
    }

    @Test
    void withoutJdk25TheCurrentRuntimeStays() throws IOException {
        jdk(jvms, "java-21-openjdk-amd64", "21.0.5");
        Files.createDirectories(jvms.resolve("openjdk-17")); // a directory that is no JDK (no release file)

        assertEquals(current, JavaRuntime.choose(Map.of(), jvms, current));
        assertEquals(current, JavaRuntime.choose(Map.of(), jvms.resolve("missing"), current));
        assertFalse(current.hasAotCache());
    }

    @Test
    void articulaJavaHomeWinsEvenOverANewerJdk() throws IOException {
        Path seventeen = jdk(jvms, "java-17-openjdk-amd64", "17.0.15");
        jdk(jvms, "temurin-25-jdk-amd64", "25.0.3");

        JavaRuntime chosen = JavaRuntime.choose(Map.of("ARTICULA_JAVA_HOME", seventeen.toString()), jvms, current);

        assertEquals(new JavaRuntime(seventeen, "17.0.15"), chosen);
        assertEquals(17, chosen.feature());
        assertEquals(seventeen.resolve("bin/java"), chosen.java());
    }

    @Test
    void anArticulaJavaHomeThatIsNoRuntimeIsRefusedByName() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> JavaRuntime.choose(Map.of("ARTICULA_JAVA_HOME", jvms.resolve("nothing").toString()), jvms,
                        current));

        assertTrue(refused.getMessage().startsWith("ARTICULA_JAVA_HOME="), refused.getMessage());
    }

    @Test
    void earlyAccessAndPlainVersionsGiveTheirFeatureRelease() {
        assertEquals(26, new JavaRuntime(Path.of("/j"), "26-ea").feature());
        assertEquals(25, new JavaRuntime(Path.of("/j"), "25").feature());
        assertEquals(17, new JavaRuntime(Path.of("/j"), "17.0.15").feature());
    }
}
