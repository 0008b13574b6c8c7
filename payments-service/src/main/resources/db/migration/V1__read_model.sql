-- What payments-service knows of the other services, kept from their events.

create table producer_ref (
    id               uuid primary key,
    organisation_id  uuid        not null,
    group_id         uuid,
    national_id      varchar(11) not null,
    name             text        not null,
    revision         bigint      not null
);

-- Agreements at their latest revision, and per clause version the terms that price and settle lots.
create table agreement_ref (
    id                 uuid primary key,
    organisation_id    uuid        not null,
    buyer_id           uuid        not null,
    counterparty_type  varchar(20) not null,
    producer_id        uuid,
    group_id           uuid,
    product            varchar(40) not null,
    unit               varchar(10) not null,
    start_date         date        not null,
    end_date           date        not null,
    status             varchar(20) not null,
    revision           bigint      not null
);

create table terms_version (
    agreement_id        uuid           not null references agreement_ref (id),
    number              int            not null,
    effective_from      date           not null,
    effective_to        date           not null,
    currency            varchar(3)     not null,
    base_price          numeric(12, 4) not null,
    payment_term_days   int            not null,
    committed_quantity  numeric(13, 3),
    commitment_per      varchar(10),
    tolerance_percent   numeric(5, 2),
    shortfall_penalty   numeric(10, 4),
    max_instalments     int            not null,
    primary key (agreement_id, number)
);

create table price_adjustment (
    agreement_id     uuid           not null,
    version_number   int            not null,
    seq              int            not null,
    parameter        varchar(40)    not null,
    from_value       numeric(12, 4),
    to_value         numeric(12, 4),
    amount_per_unit  numeric(10, 4) not null,
    primary key (agreement_id, version_number, seq),
    foreign key (agreement_id, version_number) references terms_version (agreement_id, number)
);

create table volume_tier (
    agreement_id     uuid           not null,
    version_number   int            not null,
    min_quantity     numeric(13, 3) not null,
    bonus_per_unit   numeric(10, 4) not null,
    primary key (agreement_id, version_number, min_quantity),
    foreign key (agreement_id, version_number) references terms_version (agreement_id, number)
);

-- Lots as lots-service last described them. A lot may arrive before the agreement event that
-- prices it: it waits here (no foreign key) and is settled once the terms are known.
create table lot_ref (
    id                 uuid primary key,
    organisation_id    uuid           not null,
    producer_id        uuid           not null,
    agreement_id       uuid           not null,
    agreement_version  int            not null,
    product            varchar(40)    not null,
    quantity           numeric(12, 3) not null,
    unit               varchar(10)    not null,
    delivered_at       timestamptz    not null,
    delivery_date      date           not null,
    shift              varchar(10),
    readings           jsonb          not null,
    verdict            varchar(10)    not null,
    reasons            jsonb          not null,
    status             varchar(10)    not null,
    revision           int            not null
);
create index lot_ref_by_period on lot_ref (organisation_id, delivery_date);
