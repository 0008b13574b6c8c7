-- R8 (docs/settlement-rules.md): gross per producer, the sum over the producer's agreements of each
-- agreement's lines (lots, adjustments, bonus, penalty), each agreement's sum clamped at 0 first. Due on
-- the fortnight's last day plus the shortest payment term among the terms of the fortnight (R5) of those
-- agreements. Deductions and net are set by R9 and R10; until then net is the gross.
insert into settlement_producer (settlement_id, producer_id, gross, deductions, net, due_date)
select :s, g.producer_id, sum(g.gross), 0, sum(g.gross), cast(:end as date) + min(v.payment_term_days)
from (select x.producer_id, x.agreement_id, greatest(sum(x.amount), 0) as gross
      from run_totals x
      group by x.producer_id, x.agreement_id) g
join agreement_ref a on a.id = g.agreement_id
join terms_version v on v.agreement_id = a.id
     and ${last-day-in-force}
     between v.effective_from and v.effective_to
group by g.producer_id
