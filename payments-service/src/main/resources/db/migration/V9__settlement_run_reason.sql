-- Why a run failed, in words the treasurer acts on (Spanish, naming the lot or producer when known); error
-- keeps the support code of an unexpected failure, logged with its cause.
alter table settlement_run add column reason text;
