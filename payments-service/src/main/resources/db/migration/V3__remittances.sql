-- What a buyer paid the organisation for a fortnight's deliveries (possibly in several payments).
create table remittance (
    id               uuid primary key,
    organisation_id  uuid           not null,
    buyer_id         uuid           not null,
    period_start     date           not null,
    product          varchar(40)    not null,
    quantity_paid    numeric(14, 3) not null check (quantity_paid >= 0),
    unit             varchar(10)    not null,
    amount           numeric(14, 2) not null check (amount >= 0),
    received_on      date           not null,
    reference        text,
    recorded_by      text           not null,
    recorded_at      timestamptz    not null
);
create index remittance_by_period on remittance (organisation_id, period_start);
