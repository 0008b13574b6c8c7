-- R5, R7 (docs/settlement-rules.md): for each of the organisation's individual agreements (counterparty
-- PRODUCER; a group's commitment is the group's) in force some day of the fortnight and not a draft, whose
-- terms of the fortnight set a commitment and a penalty: the threshold is commitment (per day: times the
-- days in force) x (1 - tolerance); each unit of accepted quantity below it is charged the penalty. The
-- threshold is exact (at most 7 decimals, no division), so the penalty is rounded once, as its amount (R11);
-- an agreement without deliveries is charged too.
with line as (
insert into settlement_line (settlement_id, producer_id, agreement_id, kind, quantity, unit_price, amount,
    detail)
select :s, c.producer_id, c.agreement_id, 'SHORTFALL_PENALTY', c.threshold - c.accepted,
       c.shortfall_penalty, -round((c.threshold - c.accepted) * c.shortfall_penalty, 2),
       jsonb_build_object('committed', c.commitment,
           'threshold', round(c.threshold, greatest(3, scale(trim_scale(c.threshold)))),
           'accepted', c.accepted, 'version', c.number)
from (select a.producer_id, a.agreement_id, v.number, v.shortfall_penalty,
             coalesce(q.accepted, 0) as accepted,
             v.committed_quantity * case when v.commitment_per = 'DAY' then a.days else 1 end
                 as commitment,
             v.committed_quantity * case when v.commitment_per = 'DAY' then a.days else 1 end
                 * (100 - v.tolerance_percent) * 0.01 as threshold
      from (select a.id as agreement_id, a.producer_id, ${days-in-force} as days,
                   ${last-day-in-force} as last_day
            from agreement_ref a
            where a.organisation_id = :org and a.counterparty_type = 'PRODUCER'
              and a.start_date <= :end and a.end_date >= :start and a.status <> 'DRAFT') a
      join terms_version v on v.agreement_id = a.agreement_id
           and a.last_day between v.effective_from and v.effective_to
      left join (select producer_id, agreement_id, accepted from run_totals where accepted is not null) q
           on q.producer_id = a.producer_id and q.agreement_id = a.agreement_id
      where a.days > 0 and v.committed_quantity is not null and v.shortfall_penalty is not null) c
where c.accepted < c.threshold
returning producer_id, agreement_id, amount)
insert into run_totals (producer_id, agreement_id, amount, lines)
select producer_id, agreement_id, amount, 1 from line
