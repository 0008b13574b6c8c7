-- Technical assistance as delivered under an agreement. Whether it is charged is decided by the
-- assistance clause in force on the day (clause_version) and kept as recorded; producers holds each
-- producer served with the part of the cost charged to them (0.00 when free).
create table assistance_delivery (
    id               uuid primary key,
    agreement_id     uuid           not null references agreement (id),
    organisation_id  uuid           not null references organisation (id),
    buyer_id         uuid           not null references organisation (id),
    kind             varchar(30)    not null check (kind in ('TECHNICAL_VISITS', 'TRAINING', 'VETERINARY_SERVICE',
                                                             'INSEMINATION')),
    delivered_on     date           not null,
    delivered_by     text           not null,
    description      text,
    cost             numeric(12, 2) not null check (cost >= 0),
    charged          boolean        not null,
    clause_version   int            not null,
    max_instalments  int            not null check (max_instalments between 1 and 12),
    whole_network    boolean        not null,
    producers        jsonb          not null,
    recorded_by      text           not null,
    recorded_at      timestamptz    not null
);
create index assistance_by_agreement on assistance_delivery (agreement_id, delivered_on);
-- The buyer's free assistance per period (the tax incentive).
create index assistance_free_by_buyer on assistance_delivery (buyer_id, delivered_on) where not charged;
