-- The days each agreement binds (suspensions cut out, termination honoured), from its events, so a
-- commitment counts only days in force and terms are taken from the last day in force.
alter table agreement_ref add column periods_in_force jsonb not null default '[]';
