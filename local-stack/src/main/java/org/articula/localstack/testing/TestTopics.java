package org.articula.localstack.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.articula.localstack.KafkaClientLoading;
import org.articula.localstack.KafkaTopics;

/** Reads and creates test topics on the real broker, configured as {@link KafkaTopics} configures them. */
public final class TestTopics {

    private TestTopics() {
    }

    public static void create(String topic, int partitions) throws Exception {
        try (Admin admin = KafkaClientLoading.admin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            if (!existing.contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)
                        .configs(KafkaTopics.config(topic)))).all().get(30, TimeUnit.SECONDS);
            } else {
                KafkaTopics.keepStateForever(admin, KafkaTopics.STATE_TOPICS.stream().filter(topic::equals).toList());
            }
        }
    }

    /** Every record currently on the topic, from the beginning of each partition to its end. */
    public static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        return readAll(bootstrap(), topic);
    }

    /** The same on the broker at {@code bootstrap}, e.g. a {@link org.articula.localstack.LocalStack}'s. */
    public static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = KafkaClientLoading.withKafkaLoader(() -> new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    public static String bootstrap() {
        return RealInfrastructure.get().bootstrapServers();
    }

    /** A record to publish: topic, key and the JSON bytes. */
    public record Message(String topic, String key, byte[] value) {
    }

    /** Publishes the messages in order, each acknowledged before the next is sent. */
    public static void send(List<Message> messages) {
        try (KafkaProducer<String, byte[]> producer = KafkaClientLoading.withKafkaLoader(() -> new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)))) {
            for (Message m : messages) {
                producer.send(new ProducerRecord<>(m.topic(), m.key(), m.value())).get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish test events", e);
        }
    }

    /** Polls {@code condition} every 100 ms for up to 20 s; fails naming {@code what} if it never holds. */
    public static void await(String what, java.util.function.BooleanSupplier condition) {
        eventually(what, Duration.ofSeconds(20), () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }

    /** Polls {@code attempt} every 100 ms until it returns something (not null); fails naming {@code what} after {@code within}. */
    public static <T> T eventually(String what, Duration within, java.util.function.Supplier<T> attempt) {
        Instant deadline = Instant.now().plus(within);
        for (T result = attempt.get();; result = attempt.get()) {
            if (result != null) {
                return result;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("never happened: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
