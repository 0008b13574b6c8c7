-- The buyer's side of the compliance monitor (docs/decisions/0027-compliance-monitor.md): what each clause
-- version promises (visits a month per kind of assistance) and every assistance delivered, free or charged.

-- Per clause version and kind: the visits a month promised (services of one kind added up); a service
-- without visitsPerMonth, and versions published before it existed, promise nothing.
create table assistance_promise (
    agreement_id      uuid        not null,
    version_number    int         not null,
    kind              varchar(30) not null,
    visits_per_month  int         not null,
    primary key (agreement_id, version_number, kind),
    foreign key (agreement_id, version_number) references terms_version (agreement_id, number)
);

-- One row per AssistanceDelivered, whatever the number of producers it served; kept by delivery id, so a
-- repeated event is stored once. No foreign key: a delivery may arrive before its agreement.
create table assistance_delivered (
    id               uuid primary key,
    agreement_id     uuid        not null,
    organisation_id  uuid        not null,
    kind             varchar(30) not null,
    delivered_on     date        not null
);
create index assistance_delivered_by_agreement on assistance_delivered (agreement_id, delivered_on);
