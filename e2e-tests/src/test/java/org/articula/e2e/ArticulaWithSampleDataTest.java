package org.articula.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.articula.localstack.LocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web app in a real Chromium against the whole system as {@code ./articula} starts it, sample data
 * included: the journeys are written in JavaScript next to the app (web/frontend/e2e, playwright-core
 * and axe-core from the lockfile) and run here by the machine's Node.js, so they are part of
 * {@code mvn verify}. Screenshots and the measured figures go to web/target/.
 */
class WebAppBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @Test
    void theJourneysPassInChromium(@TempDir Path home) throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: apt-get install -y chromium chromium-driver"
                + " (.ci/run does it)");
        Path root = Path.of(System.getProperty("articula.root")).toAbsolutePath().normalize();
        Path frontend = root.resolve("web/frontend");
        assertTrue(Files.isDirectory(frontend.resolve("node_modules/playwright-core")),
                "web/frontend/node_modules is missing: the web module's build runs npm ci");
        Map<String, String> env = new HashMap<>(IsolatedStack.env());
        env.put("ARTICULA_SAMPLE_DATA", "true");
        try (LocalStack stack = LocalStack.start(root, home, env)) {
            // Into a file, then printed: a child writing to the test JVM's own stdout would garble Surefire's channel.
            Path output = root.resolve("web/target/browser-tests.log");
            Files.createDirectories(output.getParent());
            ProcessBuilder journeys = new ProcessBuilder("npm", "run", "browser-test").directory(frontend.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            journeys.environment().put("ARTICULA_WEB_URL", stack.baseUrl("web"));
            journeys.environment().put("ARTICULA_SCREENSHOTS", root.resolve("web/target/screenshots").toString());
            journeys.environment().put("CHROMIUM", CHROMIUM.toString());
            Process process = journeys.start();
            boolean finished = process.waitFor(15, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            System.out.println(Files.readString(output));
            assertTrue(finished, "browser journeys still running after 15 minutes");
            assertEquals(0, process.exitValue(),
                    "browser journeys failed (their output is above, and in " + output + ")");
        }
    }
}
