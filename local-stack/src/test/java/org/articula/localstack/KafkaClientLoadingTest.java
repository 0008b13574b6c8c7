package org.articula.localstack;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A Quarkus test resource may start on a thread whose context class loader is another copy of
 * kafka-clients: Kafka then loads its JMX reporter from that copy, which is not a MetricsReporter of ours.
 */
class KafkaClientLoadingTest {

    static final Map<String, Object> CONFIG = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");

    @Test
    void anAdminIsMadeWhateverTheThreadsContextClassLoader() throws Exception {
        URL kafkaClients = Admin.class.getProtectionDomain().getCodeSource().getLocation();
        URL slf4j = LoggerFactory.class.getProtectionDomain().getCodeSource().getLocation();
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        try (URLClassLoader otherCopy = new URLClassLoader(new URL[] { kafkaClients, slf4j }, null)) {
            thread.setContextClassLoader(otherCopy);
            // What the test resource met: the reporter taken from the other copy.
            KafkaException failed = assertThrows(KafkaException.class, () -> Admin.create(CONFIG).close());
            assertSame(ClassCastException.class, rootCause(failed).getClass(), failed.toString());

            KafkaClientLoading.admin(CONFIG).close();
            assertSame(otherCopy, thread.getContextClassLoader(), "the thread's loader is given back");
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
