-- The revision of each lot that closed settlements have paid for, so a run looks only at lots that
-- changed since (or arrived late) instead of at every lot the organisation ever delivered.
alter table lot_ref add column settled_revision int;
create index lot_ref_unsettled on lot_ref (organisation_id, delivery_date)
    where settled_revision is null or settled_revision < revision;
