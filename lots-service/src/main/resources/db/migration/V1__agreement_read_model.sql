-- What lots-service knows of contracts-service, kept from its events (never read from its tables).

-- Producers and the group ("red") through which group agreements cover them.
create table producer_ref (
    id               uuid primary key,
    organisation_id  uuid        not null,
    group_id         uuid,
    national_id      varchar(11) not null,
    name             text        not null,
    revision         bigint      not null
);
create index producer_ref_by_group on producer_ref (group_id) where group_id is not null;

-- Agreements as of their latest event: the days they are in force and, per clause version, the
-- quality clause lots are judged by. revision = the agreement's version in contracts-service; an
-- older or repeated event never overwrites a newer one.
create table agreement_terms (
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
    periods_in_force   jsonb       not null,
    versions           jsonb       not null,
    revision           bigint      not null,
    updated_at         timestamptz not null
);
create index agreement_terms_by_producer on agreement_terms (producer_id, product) where producer_id is not null;
create index agreement_terms_by_group on agreement_terms (group_id, product) where group_id is not null;
