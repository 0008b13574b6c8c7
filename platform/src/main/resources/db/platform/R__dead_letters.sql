-- Dead letters an operator can inspect and re-drive (docs/decisions/0019): the event's bytes are kept
-- here, not only on the <consumer>.dlt topic, so a re-drive does not depend on that topic's retention
-- and is one database transaction with the inbox row and the handler's effect.
-- Repeatable and idempotent, like R__audit_trail.sql: it reaches databases migrated before it existed.
create table if not exists dead_letter (
    id                  uuid primary key,
    consumer            text        not null,
    topic               text        not null,
    kafka_partition     integer     not null,
    kafka_offset        bigint      not null,
    message_key         text,
    -- null when the record could not be read as an event at all
    event_id            uuid,
    event_type          text,
    reason              text        not null,
    exception           text        not null,
    failed_at           timestamptz not null,
    attempts            integer     not null,
    status              text        not null check (status in ('DEAD_LETTERED', 'REDRIVEN')),
    redriven_at         timestamptz,
    payload             bytea       not null,
    -- a record redelivered before its offset was committed is one dead letter, not two
    unique (consumer, topic, kafka_partition, kafka_offset)
);
create index if not exists dead_letter_by_status on dead_letter (consumer, status, failed_at);

-- The catch-up status reads the last event applied per partition: the top of this index, not a scan.
create index if not exists inbox_event_by_position on inbox_event (consumer, topic, kafka_partition, kafka_offset);
