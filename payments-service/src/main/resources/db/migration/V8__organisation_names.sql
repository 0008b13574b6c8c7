-- Organisations as contracts-service last described them (OrganisationRegistered), so statements and buyer
-- dues show the association's and the buyer's names, not their ids.
create table organisation_ref (
    id         uuid primary key,
    name       text        not null,
    kind       varchar(20) not null,
    parent_id  uuid,
    revision   bigint      not null
);
