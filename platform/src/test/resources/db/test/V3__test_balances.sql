-- Effect of the test handler's idempotent events (BalanceStated): an account's balance as of a revision, kept
-- at the highest revision, so applying one twice or late changes nothing.
create table test_balance (
    account  text           primary key,
    revision int            not null,
    balance  numeric(12, 2) not null
);
