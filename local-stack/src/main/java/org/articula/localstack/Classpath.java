package org.articula.localstack;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The classpath to start helper JVMs (the Kafka broker) with the same jars as this launcher. */
final class Classpath {

    private Classpath() {
    }

    static String ofThisModule() {
        try {
            Path self = Path.of(Classpath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = self.getParent().resolve("lib");
            if (Files.isRegularFile(self) && Files.isDirectory(lib)) {
                // Launched as local-stack/target/local-stack.jar with its dependencies in target/lib.
                return self + File.pathSeparator + lib.resolve("*");
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the JVM's own classpath
        }
        return System.getProperty("java.class.path");
    }
}
