-- The relay deletes an outbox row once the broker has acknowledged its event (the topic is the record
-- of what was published), and keeps which rows a round is sending in one row of its own, instead of
-- stamping and then marking every row: two updates of a 2 KB row per event were 40 % of the WAL of a
-- burst of lots. Envelopes are text, published byte for byte as the service wrote them (jsonb would be
-- parsed on insert, printed on every read, and reorder keys). See docs/decisions/0002.
-- Repeatable and idempotent, like R__audit_trail.sql: it brings databases migrated with the first
-- outbox (V0_1) to this shape whatever their latest version.
create table if not exists outbox_relay (
    id            integer primary key check (id = 1),
    -- seqs of rows a round may have sent: found unsent later, they are looked up on the topic first
    in_flight     bigint[]    not null default '{}',
    attempted_at  timestamptz
);
insert into outbox_relay (id) values (1) on conflict do nothing;

do $$
begin
    if exists (select 1 from information_schema.columns
               where table_schema = current_schema() and table_name = 'outbox_event' and column_name = 'sent_at') then
        -- rows stamped by the old relay but never marked are in doubt: the new one looks them up
        update outbox_relay
        set in_flight = coalesce((select array_agg(seq order by seq) from outbox_event
                                  where sent_at is null and attempted_at is not null), '{}'),
            attempted_at = (select min(attempted_at) from outbox_event where sent_at is null)
        where id = 1;
        delete from outbox_event where sent_at is not null;
        drop index if exists outbox_event_unsent;
        alter table outbox_event drop column sent_at, drop column attempted_at, drop column attempts,
            drop column kafka_partition, drop column kafka_offset;
    end if;
    if exists (select 1 from information_schema.columns
               where table_schema = current_schema() and table_name = 'outbox_event' and column_name = 'envelope'
                 and data_type = 'jsonb') then
        alter table outbox_event alter column envelope type text;
    end if;
end $$;

-- Event ids are random and made once per event, and every consumer's inbox recognises an event by its id:
-- a unique index on them here caught nothing and cost a random-order index entry (and its share of page
-- splits and full-page writes) for every event written. See docs/decisions/0033-fewer-writes-per-lot.md.
alter table outbox_event drop constraint if exists outbox_event_event_id_key;
