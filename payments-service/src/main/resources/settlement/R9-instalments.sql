-- R9 (docs/settlement-rules.md): every instalment of the organisation's active charges due by this
-- fortnight and not yet recovered by closed (or earlier) settlements, per producer oldest first (due
-- fortnight, then charge date, then when the charge was recorded, then instalment number), applied up to
-- what of the producer's gross the instalments before it left; the rest carries to the next fortnight.
-- A producer without a gross this fortnight gets the deduction rows with nothing applied.
insert into settlement_deduction (settlement_id, producer_id, charge_id, instalment, due, applied, carried)
select :s, d.producer_id, d.charge_id, d.number, d.remaining,
       least(d.remaining, greatest(coalesce(sp.gross, 0) - d.before, 0)),
       d.remaining - least(d.remaining, greatest(coalesce(sp.gross, 0) - d.before, 0))
from (select c.producer_id, i.charge_id, i.number, i.amount - coalesce(r.applied, 0) as remaining,
             coalesce(sum(i.amount - coalesce(r.applied, 0)) over (partition by c.producer_id
                 order by i.due_from, c.charge_date, c.created_at, c.id, i.number
                 rows between unbounded preceding and 1 preceding), 0) as before
      from instalment i
      join charge c on c.id = i.charge_id
      left join (select sd.charge_id, sd.instalment, sum(sd.applied) as applied
                 from settlement_deduction sd join settlement s on s.id = sd.settlement_id
                 where s.id <> :s and (s.status = 'CLOSED' or s.period_start < :start)
                 group by sd.charge_id, sd.instalment) r
             on r.charge_id = i.charge_id and r.instalment = i.number
      where c.organisation_id = :org and c.status = 'ACTIVE' and i.due_from <= :start
        and i.amount - coalesce(r.applied, 0) > 0) d
left join settlement_producer sp on sp.settlement_id = :s and sp.producer_id = d.producer_id
