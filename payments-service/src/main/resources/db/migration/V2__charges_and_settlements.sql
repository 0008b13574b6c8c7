-- Input credit: feed, veterinary service, insemination or a cash advance a producer took, recovered
-- from fortnightly payments in instalments.
create table charge (
    id               uuid primary key,
    organisation_id  uuid           not null,
    producer_id      uuid           not null,
    kind             varchar(20)    not null check (kind in ('FEED', 'VETERINARY', 'INSEMINATION', 'ADVANCE')),
    description      text           not null,
    amount           numeric(12, 2) not null check (amount > 0),
    charge_date      date           not null,
    instalments      int            not null check (instalments between 1 and 12),
    status           varchar(10)    not null check (status in ('ACTIVE', 'CANCELLED')),
    created_by       text           not null,
    created_at       timestamptz    not null,
    cancelled_by     text,
    cancelled_at     timestamptz,
    version          bigint         not null default 0
);
create index charge_by_producer on charge (organisation_id, producer_id);

-- Instalment k falls due in the k-th fortnight counted from the one holding the charge date.
create table instalment (
    charge_id        uuid           not null references charge (id),
    number           int            not null,
    due_from         date           not null,
    amount           numeric(12, 2) not null,
    primary key (charge_id, number)
);

-- One settlement per organisation and fortnight [period_start, period_end].
create table settlement (
    id               uuid primary key,
    organisation_id  uuid        not null,
    period_start     date        not null,
    period_end       date        not null,
    status           varchar(10) not null check (status in ('OPEN', 'CLOSED')),
    runs             int         not null,
    computed_at      timestamptz not null,
    closed_at        timestamptz,
    closed_by        text,
    version          bigint      not null default 0,
    constraint settlement_per_fortnight unique (organisation_id, period_start)
);

-- Every line of every producer's statement. kind LOT (accepted, priced), REJECTED (amount 0, with
-- reasons), VOLUME_BONUS, SHORTFALL_PENALTY, ADJUSTMENT (a lot changed after its fortnight closed).
create table settlement_line (
    settlement_id    uuid           not null references settlement (id),
    producer_id      uuid           not null,
    agreement_id     uuid           not null,
    kind             varchar(20)    not null,
    lot_id           uuid,
    lot_revision     int,
    delivery_date    date,
    shift            varchar(10),
    quantity         numeric(13, 3),
    unit_price       numeric(12, 4),
    amount           numeric(12, 2) not null,
    detail           jsonb          not null default '{}'
);
create index settlement_line_by_settlement on settlement_line (settlement_id, producer_id);
create index settlement_line_by_lot on settlement_line (lot_id) where lot_id is not null;

-- Per producer: gross (never below 0), what was deducted, net (never below 0), when it is due.
create table settlement_producer (
    settlement_id    uuid           not null references settlement (id),
    producer_id      uuid           not null,
    gross            numeric(12, 2) not null,
    deductions       numeric(12, 2) not null,
    net              numeric(12, 2) not null,
    due_date         date           not null,
    paid_on          date,
    paid_by          text,
    payment_reference text,
    primary key (settlement_id, producer_id)
);

-- Instalments due in the fortnight, oldest first, what was applied and what carries to the next.
create table settlement_deduction (
    settlement_id    uuid           not null references settlement (id),
    producer_id      uuid           not null,
    charge_id        uuid           not null references charge (id),
    instalment       int            not null,
    due              numeric(12, 2) not null,
    applied          numeric(12, 2) not null,
    carried          numeric(12, 2) not null,
    primary key (settlement_id, charge_id, instalment)
);
