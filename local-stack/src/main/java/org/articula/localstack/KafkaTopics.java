package org.articula.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** The topics the services publish to and their dead-letter topics, created if missing. */
public final class KafkaTopics {

    /** One topic per publishing service; partitions bound how many consumer instances share the load. */
    public static final List<String> EVENT_TOPICS = List.of("contracts.events", "lots.events", "payments.events");
    /** One dead-letter topic per consuming service (see InboxConsumer). */
    public static final List<String> DEAD_LETTER_TOPICS = List.of("contracts-service.dlt", "lots-service.dlt",
            "payments-service.dlt");

    private KafkaTopics() {
    }

    public static void ensure(String bootstrapServers, int partitions) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000))) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : EVENT_TOPICS) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, partitions, (short) 1));
                }
            }
            for (String topic : DEAD_LETTER_TOPICS) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, 1, (short) 1));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ExecutionException("Kafka at " + bootstrapServers + " did not answer in 60 s", e);
        }
    }
}
