-- Organisations are the tenants: buyers (tractor company, processor, exporter, collector),
-- cooperatives/associations, and producer groups ("redes") that belong to an association.
create table organisation (
    id          uuid primary key,
    name        text        not null,
    kind        text        not null check (kind in ('TRACTOR_COMPANY', 'PROCESSOR', 'EXPORTER', 'COLLECTOR',
                                                     'COOPERATIVE', 'ASSOCIATION', 'PRODUCER_GROUP')),
    ruc         varchar(11),
    parent_id   uuid references organisation (id),
    district    text,
    region      text,
    created_at  timestamptz not null,
    version     bigint      not null default 0,
    constraint producer_group_has_parent check ((kind = 'PRODUCER_GROUP') = (parent_id is not null))
);
create unique index organisation_ruc on organisation (ruc) where ruc is not null;

create table producer (
    id               uuid primary key,
    organisation_id  uuid        not null references organisation (id),
    group_id         uuid references organisation (id),
    id_type          text        not null check (id_type in ('DNI', 'RUC')),
    id_number        varchar(11) not null,
    name             text        not null,
    district         text        not null,
    region           text,
    phone            varchar(15),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null default 0,
    constraint producer_national_id_unique unique (organisation_id, id_number)
);
create index producer_by_group on producer (group_id) where group_id is not null;
