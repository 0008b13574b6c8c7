package org.articula.platform.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Builds plain Kafka clients from the service's {@code kafka.*} configuration (bootstrap servers,
 * TLS/SASL settings), so every client of the platform connects the same way.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> base;

    @Inject
    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.base = Map.copyOf(kafkaConfig);
    }

    /**
     * Idempotent producer waiting for all in-sync replicas: a send that completes is durable, and the
     * producer's own retries never duplicate or reorder a record.
     */
    public KafkaProducer<String, byte[]> producer(String clientId) {
        Map<String, Object> config = only(ProducerConfig.configNames());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // A relay round sends hundreds of ~2 KB JSON envelopes: one compressed batch per partition, not a
        // dozen 16 KB ones, is less work for the broker and a quarter of the bytes on disk and wire.
        config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }

    /** Consumer that never commits by itself; callers commit after their database commit. */
    public KafkaConsumer<String, byte[]> consumer(String clientId, String groupId) {
        Map<String, Object> config = only(ConsumerConfig.configNames());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        if (groupId != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        // A crashed instance's partitions go to the one replacing it after 10 s instead of the default
        // 45 s (the new instance waits for the old member's session to expire); kafka.session.timeout.ms overrides.
        config.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        // The inbox applies a poll in one transaction: a backlog goes in a few large ones (one commit each).
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        return new KafkaConsumer<>(config);
    }

    /** Admin client, for reading offsets and consumer positions (the catch-up status). */
    public Admin admin(String clientId) {
        Map<String, Object> config = only(AdminClientConfig.configNames());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        return Admin.create(config);
    }

    // The shared kafka.* map also holds Quarkus-only keys (health, devservices); pass on only what the
    // client understands, so it does not log unknown-config warnings.
    private Map<String, Object> only(Set<String> known) {
        Map<String, Object> config = new HashMap<>();
        base.forEach((key, value) -> {
            if (known.contains(key) || key.startsWith("ssl.") || key.startsWith("sasl.")) {
                config.put(key, value);
            }
        });
        return config;
    }
}
