-- The compliance monitor (docs/decisions/0027-compliance-monitor.md).

-- Per clause version: the incentive and sanction rules (docs/settlement-rules.md R13) and the limits of each
-- numeric quality parameter, whose direction says which reading is the worst.
create table incentive_rule (
    agreement_id            uuid           not null,
    version_number          int            not null,
    seq                     int            not null,
    kind                    varchar(20)    not null,
    consecutive_fortnights  int            not null,
    min_acceptance_percent  numeric(5, 2),
    bonus_per_unit          numeric(10, 4),
    action                  varchar(20),
    primary key (agreement_id, version_number, seq),
    foreign key (agreement_id, version_number) references terms_version (agreement_id, number)
);

create table quality_limit (
    agreement_id     uuid           not null,
    version_number   int            not null,
    parameter        varchar(40)    not null,
    min_value        numeric(12, 4),
    max_value        numeric(12, 4),
    primary key (agreement_id, version_number, parameter),
    foreign key (agreement_id, version_number) references terms_version (agreement_id, number)
);

-- A rule that moves no money, raised once per agreement, fortnight and rule: a notice to both parties.
create table compliance_notice (
    id               uuid primary key,
    organisation_id  uuid        not null,
    agreement_id     uuid        not null,
    period_start     date        not null,
    rule             varchar(60) not null,
    action           varchar(20) not null,
    figures          jsonb       not null,
    raised_at        timestamptz not null,
    constraint compliance_notice_once unique (agreement_id, period_start, rule)
);
create index compliance_notice_by_organisation on compliance_notice (organisation_id, period_start);
