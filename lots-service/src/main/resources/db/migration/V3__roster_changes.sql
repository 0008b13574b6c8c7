-- Which transaction last wrote each producer and agreement, for the collection centres' incremental
-- download (GET /api/v1/collection-centres/{id}/roster?since=...). A transaction id, not a clock: a
-- download's cursor is the oldest transaction still running when it read (pg_snapshot_xmin), so a row
-- written by a transaction that commits later has an id at or above the cursor and goes out next time,
-- however long that transaction took. See docs/decisions/0010-centre-roster.md.
-- Existing rows take this migration's transaction id: every device starts with a full download anyway.
alter table producer_ref add column changed_xid xid8 not null default pg_current_xact_id();
alter table agreement_terms add column changed_xid xid8 not null default pg_current_xact_id();

create function stamp_changed_xid() returns trigger language plpgsql as $$
begin
    NEW.changed_xid := pg_current_xact_id();
    return NEW;
end
$$;

create trigger producer_ref_changed_xid before update on producer_ref
    for each row execute function stamp_changed_xid();
create trigger agreement_terms_changed_xid before update on agreement_terms
    for each row execute function stamp_changed_xid();

-- A centre's agreements are those its organisation buys under or is the tenant of.
create index agreement_terms_by_buyer on agreement_terms (buyer_id, changed_xid);
create index agreement_terms_by_organisation on agreement_terms (organisation_id, changed_xid);
create index producer_ref_by_change on producer_ref (changed_xid);
