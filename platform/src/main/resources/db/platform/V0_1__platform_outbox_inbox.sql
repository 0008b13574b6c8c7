-- Platform tables every service has. Version 0.1 sorts before each service's own V1.

-- Transactional outbox: a row is written in the same transaction as the business change and
-- published by the relay. attempted_at marks rows that may already be on the broker (the relay
-- stopped between send and mark); the relay looks those up on the topic before sending again.
create table outbox_event (
    seq             bigserial primary key,
    event_id        uuid        not null unique,
    topic           text        not null,
    message_key     text        not null,
    event_type      text        not null,
    envelope        jsonb       not null,
    created_at      timestamptz not null default now(),
    attempted_at    timestamptz,
    attempts        integer     not null default 0,
    sent_at         timestamptz,
    kafka_partition integer,
    kafka_offset    bigint
);
create index outbox_event_unsent on outbox_event (seq) where sent_at is null;

-- Inbox: one row per (consumer, event) applied or dead-lettered, inserted in the same transaction
-- as the event's effect, so a redelivered event is recognised and skipped.
create table inbox_event (
    consumer        text        not null,
    event_id        uuid        not null,
    event_type      text        not null,
    topic           text        not null,
    kafka_partition integer     not null,
    kafka_offset    bigint      not null,
    status          text        not null check (status in ('PROCESSED', 'DEAD_LETTERED')),
    error           text,
    processed_at    timestamptz not null default now(),
    primary key (consumer, event_id)
);
