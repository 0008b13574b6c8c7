-- Certificates held by a producer or by an organisation (a group certificate covers its producers), kept
-- by the organisation that registers those producers (docs/decisions/0030-certifications-and-parcels.md).
create table certification (
    id                      uuid primary key,
    organisation_id         uuid        not null references organisation (id),
    producer_id             uuid references producer (id),
    holder_organisation_id  uuid references organisation (id),
    scheme                  varchar(30) not null check (scheme in ('ORGANIC', 'FAIRTRADE', 'RAINFOREST_ALLIANCE',
                                                                  'OTHER')),
    scheme_name             text,
    certifier               text        not null,
    products                jsonb       not null,
    code                    text        not null,
    valid_from              date        not null,
    valid_to                date        not null,
    document_ref            text,
    recorded_by             text        not null,
    recorded_at             timestamptz not null,
    constraint certification_one_holder check ((producer_id is null) <> (holder_organisation_id is null)),
    constraint certification_validity check (valid_to >= valid_from)
);
create index certification_by_organisation on certification (organisation_id, valid_to);
create index certification_by_producer on certification (producer_id) where producer_id is not null;

-- EUDR plots: geometry is the GeoJSON geometry as given (WGS84, decimals as written); computed_area_ha is
-- measured on the ellipsoid for a polygon and null for a point.
create table parcel (
    id                  uuid primary key,
    organisation_id     uuid           not null references organisation (id),
    producer_id         uuid           not null references producer (id),
    name                text           not null,
    product             varchar(40)    not null,
    declared_area_ha    numeric(10, 4) not null check (declared_area_ha > 0),
    computed_area_ha    numeric(10, 4),
    geometry            text           not null,
    deforestation_free  boolean        not null check (deforestation_free),
    registered_by       text           not null,
    registered_at       timestamptz    not null
);
create index parcel_by_producer on parcel (producer_id);

-- The certification clause joined the clauses: versions stored before it require none.
update agreement_version set clauses = jsonb_set(clauses, '{certification}', '{"required": null, "schemeName": null}')
where clauses -> 'certification' is null;
