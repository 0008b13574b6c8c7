-- Each computation of a settlement, with its progress step by step, so a client that timed out can
-- see how far a long run got and whether it finished.
create table settlement_run (
    id               uuid primary key,
    organisation_id  uuid        not null,
    period_start     date        not null,
    settlement_id    uuid,
    status           varchar(10) not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    step             text,
    steps_done       int         not null,
    steps_total      int         not null,
    lot_lines        int,
    producers        int,
    durations_ms     jsonb       not null default '{}',
    error            text,
    requested_by     text        not null,
    started_at       timestamptz not null,
    finished_at      timestamptz
);
create index settlement_run_by_fortnight on settlement_run (organisation_id, period_start, started_at);
