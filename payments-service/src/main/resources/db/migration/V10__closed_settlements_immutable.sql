-- A closed settlement never changes (design.md, settlement rule 4), whoever connects: PostgreSQL
-- refuses to update or delete a closed settlement's rows (the settlement, its producers' totals, its
-- lines and its deductions) and to add rows to it. The one change allowed after closing is recording a
-- producer's payout: paid_on, paid_by and payment_reference, each set once from empty.
--
-- A run deletes and writes again every line of the OPEN settlement it computes (1.5 million for 50,000
-- producers), too many to check one by one. So the run names that settlement in the transaction's
-- setting articula.computing_settlement; each statement on those tables first checks that the named
-- settlement is OPEN, and then its rows skip the per-row check (a trigger's WHEN, evaluated without
-- calling a function). Every other row is checked on its own.

create function closed_settlement_never_changes() returns trigger language plpgsql as $$
begin
    if old.status = 'CLOSED' then
        raise restrict_violation using message = 'settlement ' || old.id || ' is closed and never changes';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end
$$;
create trigger closed_settlement_never_changes before update or delete on settlement
    for each row execute function closed_settlement_never_changes();

-- The settlement a run computes, as the run named it; null outside a run.
create function computing_settlement() returns uuid language sql stable as $$
    select cast(nullif(current_setting('articula.computing_settlement', true), '') as uuid)
$$;

create function computing_settlement_is_open() returns trigger language plpgsql as $$
begin
    if computing_settlement() is not null
            and not exists (select 1 from settlement s where s.id = computing_settlement() and s.status = 'OPEN') then
        raise restrict_violation using message = 'settlement ' || computing_settlement()
            || ' is not open and cannot be computed';
    end if;
    return null;
end
$$;

-- Per row of a settlement's producers, lines or deductions. The trigger's arguments name the columns
-- that may still be set once, from null, after closing.
create function closed_settlement_rows_never_change() returns trigger language plpgsql as $$
declare
    settable text[] := coalesce(tg_argv, '{}');
begin
    if tg_op = 'UPDATE' and (to_jsonb(old) - settable) = (to_jsonb(new) - settable)
            and not exists (select 1 from unnest(settable) c
                            where to_jsonb(old) -> c <> 'null'::jsonb and to_jsonb(old) -> c <> to_jsonb(new) -> c) then
        return new;
    end if;
    if tg_op <> 'INSERT' and exists (select 1 from settlement s where s.id = old.settlement_id and s.status = 'CLOSED')
            or tg_op <> 'DELETE'
                and exists (select 1 from settlement s where s.id = new.settlement_id and s.status = 'CLOSED') then
        raise restrict_violation using message = 'settlement ' || case when tg_op = 'INSERT' then new.settlement_id
            else old.settlement_id end || ' is closed: its ' || tg_table_name || ' rows never change';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end
$$;

do $$
declare
    t text;
    settable text;
begin
    foreach t in array array['settlement_producer', 'settlement_line', 'settlement_deduction'] loop
        settable := case when t = 'settlement_producer' then '''paid_on'', ''paid_by'', ''payment_reference''' else '' end;
        execute format('create trigger %1$s_computing_open before insert or update or delete on %1$s
            for each statement execute function computing_settlement_is_open()', t);
        execute format('create trigger %1$s_closed_insert before insert on %1$s for each row
            when (new.settlement_id is distinct from computing_settlement())
            execute function closed_settlement_rows_never_change(%2$s)', t, settable);
        execute format('create trigger %1$s_closed_update before update on %1$s for each row
            when (old.settlement_id is distinct from computing_settlement()
                  or new.settlement_id is distinct from computing_settlement())
            execute function closed_settlement_rows_never_change(%2$s)', t, settable);
        execute format('create trigger %1$s_closed_delete before delete on %1$s for each row
            when (old.settlement_id is distinct from computing_settlement())
            execute function closed_settlement_rows_never_change()', t);
    end loop;
end
$$;
