-- Notices to producers by SMS or WhatsApp (issue 17, docs/decisions/0028-producer-notices.md).
-- The producer's consent and number as contracts-service last published them; events from before
-- contracts-service had them leave the producer without notices.
alter table producer_ref add column phone text;
alter table producer_ref add column notices_opt_in boolean not null default false;
alter table producer_ref add column notice_channel text;

-- A notice is written in the transaction of what it announces and sent later by the dispatcher: a sender
-- that is down loses nothing, and (source, producer, kind) is written once however often the cause comes.
create table notice (
    id              uuid primary key,
    seq             bigserial   not null unique,
    organisation_id uuid        not null,
    producer_id     uuid        not null,
    kind            text        not null check (kind in ('LOT_VERDICT', 'SETTLEMENT_CLOSED', 'PAYOUT_RECORDED',
                                                         'DISPUTE_DECIDED')),
    source_id       uuid        not null,
    channel         text        not null check (channel in ('SMS', 'WHATSAPP')),
    phone           text        not null,
    body            text        not null,
    created_at      timestamptz not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    sent_at         timestamptz,
    provider_id     text,
    unique (source_id, producer_id, kind)
);
-- The dispatcher's query: due pending notices in order, and a producer's earlier pending ones first.
create index notice_due on notice (next_attempt_at, seq) where status = 'PENDING';
create index notice_producer_pending on notice (producer_id, seq) where status = 'PENDING';
