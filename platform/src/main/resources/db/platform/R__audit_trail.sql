-- Who created, changed, approved, closed or paid what, and when: one row per state change, written in
-- the same transaction as the change. Repeatable (and idempotent) so that it also reaches databases
-- migrated before it existed, whatever their latest version.
create table if not exists audit_entry (
    id                     uuid primary key,
    -- the organisation whose resource changed; its auditors read the entry
    organisation_id        uuid         not null,
    -- the token's name, or 'sistema' for changes nobody requested (an agreement expiring)
    actor                  text         not null,
    -- the organisation the actor acted for (another one's centre may record a lot of this organisation)
    actor_organisation_id  uuid,
    action                 varchar(40)  not null,
    resource_type          varchar(40)  not null,
    resource_id            varchar(100) not null,
    occurred_at            timestamptz  not null,
    detail                 jsonb
);
create index if not exists audit_entry_by_resource
    on audit_entry (organisation_id, resource_type, resource_id, occurred_at);
create index if not exists audit_entry_by_actor_organisation
    on audit_entry (actor_organisation_id, resource_type, resource_id, occurred_at);
