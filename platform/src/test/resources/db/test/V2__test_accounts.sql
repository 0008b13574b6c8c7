-- An entry may name an account, which must exist: an event for an account not opened yet fails until it
-- is (the cause a dead-letter re-drive is tested with).
create table test_account (
    code text primary key
);
alter table test_ledger add column account text references test_account (code);
