-- Certificates and EUDR parcels as contracts-service publishes them (CertificationRecorded, ParcelRegistered;
-- docs/decisions/0030-certifications-and-parcels.md). Neither changes once recorded, so a row is written once.

-- A certificate held by one producer (producer_id) or by an organisation or network whose producers it covers
-- (holder_organisation_id): exactly one of them is set. Valid from valid_from to valid_to, both inclusive.
create table certification_ref (
    id                      uuid primary key,
    organisation_id         uuid         not null,
    producer_id             uuid,
    holder_organisation_id  uuid,
    scheme                  varchar(30)  not null,
    scheme_name             text,
    certifier               text         not null,
    code                    text         not null,
    products                jsonb        not null,
    valid_from              date         not null,
    valid_to                date         not null,
    check ((producer_id is null) <> (holder_organisation_id is null))
);
create index certification_ref_by_producer on certification_ref (producer_id) where producer_id is not null;
create index certification_ref_by_holder on certification_ref (holder_organisation_id)
    where holder_organisation_id is not null;

-- A producer's plot: its GeoJSON geometry kept as received (text, so coordinates keep the decimals they were
-- written with), the areas in hectares and the no-deforestation declaration with its cut-off day.
create table parcel_ref (
    id                            uuid primary key,
    organisation_id               uuid           not null,
    producer_id                   uuid           not null,
    name                          text           not null,
    product                       varchar(40)    not null,
    geometry                      text           not null,
    declared_area_hectares        numeric(12, 4) not null,
    computed_area_hectares        numeric(12, 4),
    deforestation_free_since2020  boolean        not null,
    deforestation_cut_off_date    date           not null
);
create index parcel_ref_by_producer on parcel_ref (producer_id);

-- The parcel a lot was harvested from, when the centre said so; each revision keeps the one it had.
alter table lot add column parcel_id uuid;
alter table lot_revision add column parcel_id uuid;
