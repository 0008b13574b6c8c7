package org.articula.localstack;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;

/**
 * Kafka clients made by the launcher and the test infrastructure. Kafka loads the classes its
 * configuration names (the JMX metrics reporter...) through the thread's context class loader; a
 * Quarkus test resource may start on a thread whose context loader holds another copy of kafka-clients
 * than the one that loaded this code, and the client then fails with a ClassCastException
 * (JmxReporter cannot be cast to MetricsReporter). Made here, a client loads them beside its own classes.
 */
public final class KafkaClientLoading {

    private KafkaClientLoading() {
    }

    public static Admin admin(Map<String, ?> config) {
        return withKafkaLoader(() -> Admin.create(new HashMap<>(config)));
    }

    /** Makes a client (a producer, a consumer) with Kafka's own class loader as the context loader. */
    public static <T> T withKafkaLoader(Supplier<T> client) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Admin.class.getClassLoader());
        try {
            return client.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
