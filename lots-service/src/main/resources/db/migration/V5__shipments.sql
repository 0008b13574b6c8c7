-- Shipments (docs/decisions/0029-shipments-and-epcis.md): accepted lots of one centre and product pooled into a
-- tanker or consignment, and the buyer's result on it. A lot enters at most one shipment (the primary key of
-- shipment_lot), with the revision and quantity it had then.
create table shipment (
    id                 uuid primary key,
    organisation_id    uuid           not null,
    centre_id          uuid           not null references collection_centre (id),
    buyer_id           uuid           not null,
    reference          varchar(80)    not null,
    dispatched_at      timestamptz    not null,
    product            varchar(40)    not null,
    unit               varchar(10)    not null,
    lot_count          int            not null check (lot_count > 0),
    lots_quantity      numeric(14, 3) not null,
    losses_quantity    numeric(14, 3) not null check (losses_quantity >= 0),
    shipped_quantity   numeric(14, 3) not null check (shipped_quantity > 0),
    losses             jsonb          not null,
    certification      varchar(40),
    status             varchar(24)    not null
        check (status in ('DISPATCHED', 'ACCEPTED', 'REJECTED', 'ACCEPTED_WITH_DISCOUNT')),
    discount_percent   numeric(5, 2),
    result_readings    jsonb,
    received_at        timestamptz,
    result_note        text,
    result_recorded_by text,
    result_recorded_at timestamptz,
    created_by         text           not null,
    created_at         timestamptz    not null,
    version            bigint         not null default 0,
    check (shipped_quantity = lots_quantity - losses_quantity),
    check ((status = 'DISPATCHED') = (received_at is null))
);
create index shipment_by_centre on shipment (centre_id, dispatched_at);
create index shipment_by_organisation on shipment (organisation_id, dispatched_at);
create index shipment_by_buyer on shipment (buyer_id, dispatched_at);

create table shipment_lot (
    lot_id        uuid           primary key references lot (id),
    shipment_id   uuid           not null references shipment (id),
    position      int            not null,
    lot_revision  int            not null,
    producer_id   uuid           not null,
    quantity      numeric(12, 3) not null,
    constraint shipment_lot_position unique (shipment_id, position)
);
