package org.articula.e2e;

import java.nio.file.Path;
import java.util.Map;
import org.articula.localstack.FreePorts;
import org.articula.localstack.LocalStack;

/** The whole system on free ports with no sample data, as these tests start it. */
final class IsolatedStack {

    private IsolatedStack() {
    }

    static LocalStack start(Path root, Path home) throws Exception {
        return LocalStack.start(root, home, env());
    }

    /** The same ports and data directory again: a restart of the whole stack. */
    static Map<String, String> env() throws Exception {
        return Map.of("ARTICULA_PG_PORT", Integer.toString(FreePorts.run(1)),
                "ARTICULA_KAFKA_PORT", Integer.toString(FreePorts.run(2)),
                // four ports: the web app's, then the three services'
                "ARTICULA_PORT_BASE", Integer.toString(FreePorts.run(4) + 1),
                "ARTICULA_SAMPLE_DATA", "false");
    }
}
