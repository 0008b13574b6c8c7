-- R5, R13 (docs/settlement-rules.md): per producer and agreement with accepted lots this fortnight, each
-- ACCEPTANCE_BONUS rule of the terms of the fortnight whose streak the fortnights just before reached: in
-- every one of the last consecutiveFortnights fortnights the producer delivered under the agreement and
-- accepted quantity x 100 >= minAcceptancePercent x delivered quantity (exact, no rounding before the
-- comparison). It pays bonusPerUnit on this fortnight's accepted quantity as one INCENTIVE line, rounded once
-- (R11), whose detail keeps the rule and each fortnight's figures that earned it.
with rule as (
    select q.producer_id, q.agreement_id, q.accepted, v.number, r.seq, r.consecutive_fortnights,
           r.min_acceptance_percent, r.bonus_per_unit
    from (select producer_id, agreement_id, accepted from run_totals where accepted is not null) q
    join agreement_ref a on a.id = q.agreement_id
    join terms_version v on v.agreement_id = a.id
         and ${last-day-in-force}
         between v.effective_from and v.effective_to
    join incentive_rule r on r.agreement_id = v.agreement_id and r.version_number = v.number
         and r.kind = 'ACCEPTANCE_BONUS'),
figures as (
    select r.producer_id, r.agreement_id, r.seq, e.period_start, coalesce(sum(l.quantity), 0) as delivered,
           coalesce(sum(l.quantity) filter (where l.verdict = 'ACCEPTED'), 0) as accepted
    from rule r
    cross join lateral ${fortnights-before} e
    left join lot_ref l on l.organisation_id = :org and l.producer_id = r.producer_id
         and l.agreement_id = r.agreement_id and l.status = 'RECORDED'
         and l.delivery_date between e.period_start and e.period_end
    group by r.producer_id, r.agreement_id, r.seq, e.period_start),
earned as (
    select r.producer_id, r.agreement_id, r.accepted, r.bonus_per_unit,
           jsonb_build_object('rule', 'ACCEPTANCE_BONUS', 'minAcceptancePercent', r.min_acceptance_percent,
               'consecutiveFortnights', r.consecutive_fortnights, 'bonusPerUnit', r.bonus_per_unit,
               'version', r.number, 'fortnights', jsonb_agg(jsonb_build_object('fortnightStart', f.period_start,
                   'delivered', f.delivered, 'accepted', f.accepted,
                   'acceptancePercent', round(f.accepted * 100 / nullif(f.delivered, 0), 2))
                   order by f.period_start)) as detail
    from rule r
    join figures f on f.producer_id = r.producer_id and f.agreement_id = r.agreement_id and f.seq = r.seq
    group by r.producer_id, r.agreement_id, r.accepted, r.bonus_per_unit, r.number, r.seq,
             r.consecutive_fortnights, r.min_acceptance_percent
    having count(*) = r.consecutive_fortnights
       and bool_and(f.delivered > 0 and f.accepted * 100 >= r.min_acceptance_percent * f.delivered)),
line as (
    insert into settlement_line (settlement_id, producer_id, agreement_id, kind, quantity, unit_price, amount,
        detail)
    select :s, producer_id, agreement_id, 'INCENTIVE', accepted, bonus_per_unit,
           round(accepted * bonus_per_unit, 2), detail
    from earned
    returning producer_id, agreement_id, amount)
insert into run_totals (producer_id, agreement_id, amount, lines)
select producer_id, agreement_id, amount, 1 from line
