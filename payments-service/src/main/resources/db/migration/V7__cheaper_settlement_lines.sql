-- A run writes one line per lot of the fortnight (1.5 million for 50,000 producers), so each line is
-- made cheap to write (docs/decisions/0009-benchmarks.md, "Settlement"). What any statement shows
-- does not change.

-- 1. A lot line keeps the evidence it was priced on in columns of its own: the lot's readings and
--    reasons as they were when it was settled, and the quality adjustments applied. They are copied as
--    they are, instead of being built into one JSON document per line; the statement builds that same
--    document when it is read. Lines written before keep their detail (and no evidence columns).
alter table settlement_line add column readings jsonb, add column reasons jsonb, add column adjustments jsonb;
alter table settlement_line alter column detail drop not null, alter column detail drop default;
alter table settlement_line add constraint settlement_line_has_detail check (detail is not null or readings is not null);

-- 2. What closed settlements paid for each lot, kept on the lot with the revision they paid for
--    (settled_revision), so that a corrected lot's adjustment no longer looks up lines by lot and the
--    lines need no index by lot.
alter table lot_ref add column settled_amount numeric(12, 2);
update lot_ref l set settled_amount = paid.amount
from (select x.lot_id, sum(x.amount) as amount
      from settlement_line x join settlement s on s.id = x.settlement_id and s.status = 'CLOSED'
      where x.kind in ('LOT', 'REJECTED', 'ADJUSTMENT')
      group by x.lot_id) paid
where paid.lot_id = l.id;
drop index settlement_line_by_lot;

-- 3. The foreign key to settlement checked every line on its own (a quarter of a run's time): the
--    lines a statement inserts are now checked together, once per statement, and a settlement that has
--    lines can still be neither deleted nor given another id.
alter table settlement_line drop constraint settlement_line_settlement_id_fkey;

create function settlement_line_settlement_exists() returns trigger language plpgsql as $$
begin
    if exists (select 1 from new_lines n where not exists (select 1 from settlement s where s.id = n.settlement_id)) then
        raise foreign_key_violation using message = 'settlement_line: settlement does not exist';
    end if;
    return null;
end
$$;
create trigger settlement_line_settlement_exists after insert on settlement_line
    referencing new table as new_lines for each statement execute function settlement_line_settlement_exists();

create function settlement_keeps_its_lines() returns trigger language plpgsql as $$
begin
    if (tg_op = 'DELETE' or new.id <> old.id)
            and exists (select 1 from settlement_line x where x.settlement_id = old.id) then
        raise foreign_key_violation using message = 'settlement ' || old.id || ' has lines';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end
$$;
create trigger settlement_keeps_its_lines before delete or update of id on settlement
    for each row execute function settlement_keeps_its_lines();
