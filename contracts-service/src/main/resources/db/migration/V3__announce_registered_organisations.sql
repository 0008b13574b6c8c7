-- Organisations registered before contracts-service published OrganisationRegistered (payments-service
-- keeps their names for statements) are announced here, once: a backfill through the outbox rather than
-- publishing every organisation at each start-up, so the topic carries one event per organisation, not one
-- per restart and instance. Each envelope is what OrganisationService publishes (ContractsMapper's payload,
-- occurredAt = when it was registered); consumers keep the highest version, so even a repeat is harmless.
-- ${events_topic} is articula.events.topic (quarkus.flyway.placeholders). The envelope column is jsonb in a
-- database the repeatable R__outbox_relay.sql has not reached yet (it runs after versioned migrations),
-- text afterwards; the insert casts to whichever it is.
do $$
declare
    envelope_type text;
begin
    select data_type into envelope_type from information_schema.columns
    where table_schema = current_schema() and table_name = 'outbox_event' and column_name = 'envelope';
    execute format($insert$
        insert into outbox_event (event_id, topic, message_key, event_type, envelope)
        select o.event_id, '${events_topic}', o.id::text, 'OrganisationRegistered', cast(json_build_object(
                   'eventId', o.event_id, 'type', 'OrganisationRegistered', 'schemaVersion', 1,
                   'aggregateType', 'Organisation', 'aggregateId', o.id::text,
                   'occurredAt', to_char(o.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                   'organisationId', coalesce(o.parent_id, o.id),
                   'payload', json_build_object('organisationId', o.id, 'name', o.name, 'kind', o.kind, 'ruc', o.ruc,
                       'parentId', o.parent_id, 'district', o.district, 'region', o.region, 'version', o.version)
               )::text as %s)
        from (select organisation.*, gen_random_uuid() as event_id from organisation) o
        order by o.created_at, o.id
        $insert$, envelope_type);
end
$$;
