-- Limits agree from intake to settlement (docs/decisions/0016): the largest lot lots-service accepts
-- (999,999.999 units) at the largest unit price an agreement allows (base price and 30 adjustments of at
-- most 999,999.9999 each, below 10^8) is an amount below 10^14, which numeric(12, 2) could not hold: one
-- such lot made the whole organisation's settlement fail. Amounts and the quantities a settlement sums
-- now take 16 integer digits, room for hundreds of such lots per producer and fortnight; a total beyond
-- that is refused naming the lots or the producer, never as a bare error. Raising the precision of a
-- numeric column rewrites no row.
alter table settlement_line alter column quantity type numeric(19, 3), alter column amount type numeric(18, 2);
alter table settlement_producer alter column gross type numeric(18, 2), alter column deductions type numeric(18, 2),
    alter column net type numeric(18, 2);
alter table lot_ref alter column settled_amount type numeric(18, 2);
