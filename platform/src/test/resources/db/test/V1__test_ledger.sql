-- Effect of the test event handler: no unique key, so an event applied twice would show twice.
create table test_ledger (
    id       bigserial primary key,
    event_id uuid    not null,
    amount   numeric(12, 2) not null
);
