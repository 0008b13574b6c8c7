-- Products an agreement can be about. Rows without an organisation are the common catalogue;
-- a buyer may define its own (e.g. a mango grade it buys separately).
create table product (
    id               uuid primary key,
    code             varchar(40) not null,
    organisation_id  uuid references organisation (id),
    name             text        not null,
    unit             varchar(10) not null,
    created_at       timestamptz not null
);
create unique index product_common on product (code) where organisation_id is null;
create unique index product_own on product (organisation_id, code) where organisation_id is not null;

insert into product (id, code, organisation_id, name, unit, created_at) values
    (gen_random_uuid(), 'milk',    null, 'Leche fresca', 'L',  now()),
    (gen_random_uuid(), 'trout',   null, 'Trucha',       'kg', now()),
    (gen_random_uuid(), 'cacao',   null, 'Cacao en grano', 'kg', now()),
    (gen_random_uuid(), 'coffee',  null, 'Café pergamino', 'kg', now()),
    (gen_random_uuid(), 'mango',   null, 'Mango',        'kg', now()),
    (gen_random_uuid(), 'quinoa',  null, 'Quinua',       'kg', now()),
    (gen_random_uuid(), 'avocado', null, 'Palta',        'kg', now());

-- An articulation agreement between a buyer and a producer or a producer group, for one product.
-- organisation_id is the tenant that registers and pays the producers (the counterparty's
-- organisation); buyer_id may be the same organisation (a tractor company buying direct) or another.
create table agreement (
    id                 uuid primary key,
    organisation_id    uuid        not null references organisation (id),
    buyer_id           uuid        not null references organisation (id),
    counterparty_type  varchar(20) not null check (counterparty_type in ('PRODUCER', 'PRODUCER_GROUP')),
    producer_id        uuid references producer (id),
    group_id           uuid references organisation (id),
    product            varchar(40) not null,
    unit               varchar(10) not null,
    start_date         date        not null,
    end_date           date        not null,
    status             varchar(20) not null check (status in ('DRAFT', 'ACTIVE', 'SUSPENDED', 'TERMINATED', 'EXPIRED')),
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    version            bigint      not null default 0,
    constraint agreement_counterparty check (
        (counterparty_type = 'PRODUCER' and producer_id is not null and group_id is null)
        or (counterparty_type = 'PRODUCER_GROUP' and group_id is not null and producer_id is null)),
    constraint agreement_validity check (start_date <= end_date)
);
create index agreement_by_producer on agreement (producer_id, product) where producer_id is not null;
create index agreement_by_group on agreement (group_id, product) where group_id is not null;
create index agreement_by_organisation on agreement (organisation_id, status);
create index agreement_due_to_expire on agreement (end_date) where status in ('ACTIVE', 'SUSPENDED');

-- Clause versions: version 1 is the signed text, each amendment adds the next one from its
-- effective date. The four clauses are kept as one immutable JSON document per version
-- (see docs/decisions/0004-clause-versions-as-documents.md).
create table agreement_version (
    id              uuid primary key,
    agreement_id    uuid        not null references agreement (id),
    number          int         not null check (number >= 1),
    effective_from  date        not null,
    clauses         jsonb       not null,
    reason          text,
    recorded_by     text        not null,
    recorded_at     timestamptz not null,
    constraint agreement_version_number_unique unique (agreement_id, number),
    constraint agreement_version_effective_unique unique (agreement_id, effective_from)
);

-- Every lifecycle change, who made it, when it was recorded and from which business date it counts.
create table agreement_transition (
    id             uuid primary key,
    agreement_id   uuid        not null references agreement (id),
    seq            int         not null,
    from_status    varchar(20) not null,
    to_status      varchar(20) not null,
    effective_on   date        not null,
    reason_code    varchar(30),
    reason         text,
    recorded_by    text        not null,
    recorded_at    timestamptz not null,
    constraint agreement_transition_seq_unique unique (agreement_id, seq)
);
