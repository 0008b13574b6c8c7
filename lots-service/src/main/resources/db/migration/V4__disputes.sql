-- Disputes of rejected lots ("impugnaciones", docs/decisions/0025-disputes.md). A lot has at most one open
-- dispute; a decided one keeps its re-test (or none, when its deadline decided it) for good.
create table dispute (
    id                         uuid primary key,
    organisation_id            uuid          not null,
    lot_id                     uuid          not null references lot (id),
    lot_revision               int           not null,
    centre_id                  uuid          not null references collection_centre (id),
    producer_id                uuid          not null,
    reason                     text          not null,
    opened_by                  text          not null,
    opened_at                  timestamptz   not null,
    deadline                   timestamptz   not null,
    untested_favours_producer  boolean       not null,
    status                     varchar(12)   not null check (status in ('OPEN', 'UPHELD', 'OVERTURNED')),
    decision                   varchar(10)   check (decision in ('RETEST', 'DEADLINE')),
    decided_by                 text,
    decided_at                 timestamptz,
    tested_by                  text,
    tested_at                  timestamptz,
    retest_readings            jsonb,
    retest_verdict             varchar(10)   check (retest_verdict in ('ACCEPTED', 'REJECTED')),
    retest_reasons             jsonb,
    version                    bigint        not null default 0,
    check ((status = 'OPEN') = (decision is null))
);
create unique index dispute_one_open_per_lot on dispute (lot_id) where status = 'OPEN';
create index dispute_by_lot on dispute (lot_id);
create index dispute_by_organisation on dispute (organisation_id, opened_at);
-- The deadline job reads only open disputes past their deadline.
create index dispute_open_by_deadline on dispute (deadline) where status = 'OPEN';
