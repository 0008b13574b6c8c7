-- R5, R6 (docs/settlement-rules.md): per producer and agreement with accepted lots this fortnight, the
-- volume tier of the terms of the fortnight with the highest minimum reached by the accepted quantity
-- pays its bonus per unit on all of it, rounded once (R11).
with line as (
    insert into settlement_line (settlement_id, producer_id, agreement_id, kind, quantity, unit_price,
        amount, detail)
    select :s, q.producer_id, q.agreement_id, 'VOLUME_BONUS', q.accepted, t.bonus_per_unit,
           round(q.accepted * t.bonus_per_unit, 2),
           jsonb_build_object('tierMinimum', t.min_quantity, 'version', v.number)
    from (select producer_id, agreement_id, accepted from run_totals where accepted is not null) q
    join agreement_ref a on a.id = q.agreement_id
    join terms_version v on v.agreement_id = a.id
         and ${last-day-in-force}
         between v.effective_from and v.effective_to
    join lateral (select * from volume_tier vt
                  where vt.agreement_id = v.agreement_id and vt.version_number = v.number
                    and vt.min_quantity <= q.accepted
                  order by vt.min_quantity desc limit 1) t on true
    returning producer_id, agreement_id, amount)
insert into run_totals (producer_id, agreement_id, amount, lines)
select producer_id, agreement_id, amount, 1 from line
