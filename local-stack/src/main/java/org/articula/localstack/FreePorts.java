package org.articula.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for a stack that must not meet another one on the machine (tests, benchmarks). They are drawn
 * below Linux's ephemeral range (32768-60999): a port from there can be taken by any outgoing connection
 * (a Kafka client, a JDBC pool) between this check and the service binding it, which made a restarted
 * stack fail with "port in use" now and then.
 */
public final class FreePorts {

    private static final int LOWEST = 20_000;
    private static final int BELOW_EPHEMERAL = 32_000;

    private FreePorts() {
    }

    /** The first of {@code count} consecutive free ports (the three services take consecutive ports). */
    public static int run(int count) throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(LOWEST, BELOW_EPHEMERAL - count);
            boolean free = true;
            for (int p = first; p < first + count && free; p++) {
                free = isFree(p);
            }
            if (free) {
                return first;
            }
        }
        throw new IOException("no run of " + count + " free ports between " + LOWEST + " and " + BELOW_EPHEMERAL);
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
