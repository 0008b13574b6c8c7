-- How far a consumer has applied events that keep no inbox row (EventHandler.idempotentTypes: their effect is
-- idempotent by itself), per partition: one row per partition, updated in the transaction that applies them,
-- so a read-model rebuild and the catch-up status know what is applied as they know it of the others from
-- inbox_event. See docs/decisions/0033-fewer-writes-per-lot.md.
-- Repeatable and idempotent, like R__audit_trail.sql: it reaches databases migrated before it existed.
create table if not exists inbox_position (
    consumer         text        not null,
    topic            text        not null,
    kafka_partition  integer     not null,
    -- the last such event applied from the partition
    kafka_offset     bigint      not null,
    event_type       text        not null,
    processed_at     timestamptz not null default now(),
    primary key (consumer, topic, kafka_partition)
) with (fillfactor = 50); -- room for its updates on the same page (no index changes: HOT)
