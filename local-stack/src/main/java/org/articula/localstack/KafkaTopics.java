package org.articula.localstack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/** The topics the services publish to and their dead-letter topics, created if missing. */
public final class KafkaTopics {

    /** One topic per publishing service; partitions bound how many consumer instances share the load. */
    public static final List<String> EVENT_TOPICS = List.of("contracts.events", "lots.events", "payments.events");
    /** One dead-letter topic per consuming service (see InboxConsumer). */
    public static final List<String> DEAD_LETTER_TOPICS = List.of("contracts-service.dlt", "lots-service.dlt",
            "payments-service.dlt");
    /**
     * The topics another service keeps a read model of (its articula.inbox.topics): kept forever, so the read
     * model can be rebuilt from them at any time (docs/decisions/0018-read-model-rebuild.md).
     */
    public static final List<String> STATE_TOPICS = List.of("contracts.events", "lots.events");
    /** The configuration of a state topic: nothing is ever deleted, by age or by size. */
    public static final Map<String, String> KEPT_FOREVER = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1", TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_DELETE);

    private KafkaTopics() {
    }

    /** The configuration {@code topic} is created with (and kept at): empty but for a state topic. */
    public static Map<String, String> config(String topic) {
        return STATE_TOPICS.contains(topic) ? KEPT_FOREVER : Map.of();
    }

    public static void ensure(String bootstrapServers, int partitions) throws InterruptedException, ExecutionException {
        try (Admin admin = KafkaClientLoading.admin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000))) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : EVENT_TOPICS) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, partitions, (short) 1).configs(config(topic)));
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
            keepStateForever(admin, STATE_TOPICS.stream().filter(existing::contains).toList());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ExecutionException("Kafka at " + bootstrapServers + " did not answer in 60 s", e);
        }
    }

    /**
     * Sets {@link #KEPT_FOREVER} on state topics that already exist: a data directory from before this rule has
     * them with the broker's default retention (7 days), which would delete what a rebuild needs. Setting a
     * value it already has changes nothing.
     */
    public static void keepStateForever(Admin admin, Collection<String> topics)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (String topic : topics) {
            changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), config(topic).entrySet().stream()
                    .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                    .toList());
        }
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(changes).all().get(60, TimeUnit.SECONDS);
        }
    }
}
