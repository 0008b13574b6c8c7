-- Collection centres ("centros de acopio") and the operators who record lots there.
create table collection_centre (
    id               uuid primary key,
    organisation_id  uuid          not null,
    name             text          not null,
    district         text          not null,
    region           text,
    latitude         numeric(9, 6),
    longitude        numeric(9, 6),
    created_at       timestamptz   not null,
    version          bigint        not null default 0
);

create table operator (
    id          uuid primary key,
    centre_id   uuid        not null references collection_centre (id),
    name        text        not null,
    created_at  timestamptz not null
);
create index operator_by_centre on operator (centre_id);

-- A lot: one delivery by one producer at one centre at one time, judged on the spot by the quality
-- clause version in force on its delivery date. Corrections and voids change it and leave a
-- revision behind; the first revision is the lot as recorded.
create table lot (
    id                 uuid primary key,
    organisation_id    uuid          not null,
    centre_id          uuid          not null references collection_centre (id),
    producer_id        uuid          not null,
    product            varchar(40)   not null,
    quantity           numeric(12, 3) not null check (quantity > 0),
    unit               varchar(10)   not null,
    delivered_at       timestamptz   not null,
    delivery_date      date          not null,
    shift              varchar(10) check (shift in ('MORNING', 'AFTERNOON')),
    agreement_id       uuid          not null,
    agreement_version  int           not null,
    readings           jsonb         not null,
    verdict            varchar(10)   not null check (verdict in ('ACCEPTED', 'REJECTED')),
    reasons            jsonb         not null,
    status             varchar(10)   not null check (status in ('RECORDED', 'VOIDED')),
    revision           int           not null,
    recorded_by        uuid          not null references operator (id),
    recorded_at        timestamptz   not null,
    updated_at         timestamptz   not null,
    version            bigint        not null default 0
);
create index lot_by_centre_day on lot (centre_id, delivery_date);
create index lot_by_producer_day on lot (producer_id, delivery_date);
create index lot_by_organisation_day on lot (organisation_id, delivery_date);

create table lot_revision (
    id             uuid primary key,
    lot_id         uuid          not null references lot (id),
    revision       int           not null,
    kind           varchar(10)   not null check (kind in ('RECORDED', 'CORRECTED', 'VOIDED')),
    quantity       numeric(12, 3) not null,
    readings       jsonb         not null,
    verdict        varchar(10)   not null,
    reasons        jsonb         not null,
    status         varchar(10)   not null,
    reason         text,
    changed_by     text          not null,
    changed_at     timestamptz   not null,
    constraint lot_revision_unique unique (lot_id, revision)
);
