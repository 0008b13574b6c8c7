package org.articula.platform.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.articula.platform.inbox.InboxConsumer.InboxUnavailableException;

/**
 * How far a consumer has applied the events that keep no inbox row ({@link EventHandler#idempotentTypes()}):
 * one inbox_position row per partition, moved forward in the transaction that applies them. A poll's worth of
 * such events costs one statement and one small row update per partition, where the inbox costs a row and two
 * index entries per event.
 */
final class InboxPositions {

    private static final String ADVANCE = """
            insert into inbox_position (consumer, topic, kafka_partition, kafka_offset, event_type)
            select ?, p.topic, p.kafka_partition, p.kafka_offset, p.event_type
            from unnest(?::text[], ?::int[], ?::bigint[], ?::text[]) as p (topic, kafka_partition, kafka_offset, event_type)
            on conflict (consumer, topic, kafka_partition) do update set kafka_offset = excluded.kafka_offset,
                event_type = excluded.event_type, processed_at = excluded.processed_at
            where inbox_position.kafka_offset < excluded.kafka_offset""";

    private InboxPositions() {
    }

    /** Moves each partition's position to the last of these records (of their event types) it holds. */
    static void advance(DataSource dataSource, String consumer,
            List<Map.Entry<ConsumerRecord<String, byte[]>, String>> applied) {
        Map<TopicPartition, Map.Entry<ConsumerRecord<String, byte[]>, String>> last = new LinkedHashMap<>();
        for (Map.Entry<ConsumerRecord<String, byte[]>, String> e : applied) {
            last.merge(new TopicPartition(e.getKey().topic(), e.getKey().partition()), e,
                    (a, b) -> b.getKey().offset() > a.getKey().offset() ? b : a);
        }
        if (last.isEmpty()) {
            return;
        }
        int n = last.size();
        String[] topics = new String[n];
        Integer[] partitions = new Integer[n];
        Long[] offsets = new Long[n];
        String[] types = new String[n];
        int i = 0;
        for (Map.Entry<ConsumerRecord<String, byte[]>, String> e : last.values()) {
            topics[i] = e.getKey().topic();
            partitions[i] = e.getKey().partition();
            offsets[i] = e.getKey().offset();
            types[i++] = e.getValue();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(ADVANCE)) {
            upsert.setString(1, consumer);
            upsert.setArray(2, connection.createArrayOf("text", topics));
            upsert.setArray(3, connection.createArrayOf("int4", partitions));
            upsert.setArray(4, connection.createArrayOf("int8", offsets));
            upsert.setArray(5, connection.createArrayOf("text", types));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new InboxUnavailableException(e);
        }
    }
}
