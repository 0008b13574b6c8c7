package org.articula.localstack;

import java.io.IOException;
import java.net.ServerSocket;

/** Ports for a stack that must not meet another one on the machine (tests, benchmarks). */
public final class FreePorts {

    private FreePorts() {
    }

    /** The first of {@code count} consecutive free ports (the three services take consecutive ports). */
    public static int run(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first;
            try (ServerSocket socket = new ServerSocket(0)) {
                first = socket.getLocalPort();
            }
            if (first + count >= 65535) {
                continue;
            }
            boolean free = true;
            for (int p = first + 1; p < first + count && free; p++) {
                try (ServerSocket socket = new ServerSocket(p)) {
                    free = true;
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return first;
            }
        }
        throw new IOException("no run of " + count + " free ports");
    }
}
