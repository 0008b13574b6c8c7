-- A lot's first revision is the lot as recorded, which its own row holds until the first correction or void
-- (docs/decisions/0033-fewer-writes-per-lot.md): a new lot writes one row, not a lot row and a copy of it.
-- The revision-1 row is written when it would otherwise be lost, by the update that moves the lot past
-- revision 1, from the row as it was (whatever changes the lot: a correction, a void, a dispute overturned).
create function keep_first_revision() returns trigger language plpgsql as $$
begin
    insert into lot_revision (id, lot_id, revision, kind, quantity, readings, verdict, reasons, status, reason,
                              changed_by, changed_at, parcel_id)
    select gen_random_uuid(), OLD.id, 1, 'RECORDED', OLD.quantity, OLD.readings, OLD.verdict, OLD.reasons,
           OLD.status, null, o.name, OLD.recorded_at, OLD.parcel_id
    from operator o where o.id = OLD.recorded_by
    -- lots recorded before this migration have their revision-1 row already
    on conflict (lot_id, revision) do nothing;
    return NEW;
end
$$;

create trigger lot_first_revision before update of revision on lot
    for each row when (OLD.revision = 1 and NEW.revision > 1) execute function keep_first_revision();

-- What history readers read: the stored revisions, and revision 1 of each lot still at it from the lot row
-- (as recorded, by the operator named; operators are never renamed).
create view lot_history as
select id, lot_id, revision, kind, quantity, readings, verdict, reasons, status, reason, changed_by, changed_at,
       parcel_id
from lot_revision
union all
select l.id, l.id, 1, 'RECORDED', l.quantity, l.readings, l.verdict, l.reasons, l.status, null, o.name,
       l.recorded_at, l.parcel_id
from lot l join operator o on o.id = l.recorded_by
where l.revision = 1 and not exists (select 1 from lot_revision r where r.lot_id = l.id and r.revision = 1);
