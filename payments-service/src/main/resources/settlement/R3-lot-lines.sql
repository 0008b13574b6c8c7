-- R2, R3 (docs/settlement-rules.md): a line per lot that counts (the organisation's, delivered in the
-- fortnight, RECORDED: a voided lot is not paid) at its latest revision, which is the one lot_ref keeps.
-- ACCEPTED: quantity x unit price, rounded once to the céntimo (R11); REJECTED: amount 0 with its reasons.
-- Lots whose terms version has not arrived fall out of the join in priced-lots: they wait (R2).
-- Written in producer order, so the index by (settlement, producer) grows at its end. The lot's readings
-- and reasons are copied as they are; the statement puts them into the line's detail. What it wrote is
-- added per producer and agreement to run_totals; accepted is the quantity of LOT lines.
with line as (
    insert into settlement_line (settlement_id, producer_id, agreement_id, kind, lot_id, lot_revision,
        delivery_date, shift, quantity, unit_price, amount, readings, reasons, adjustments)
    select :s, p.producer_id, p.agreement_id,
           case when p.verdict = 'ACCEPTED' then 'LOT' else 'REJECTED' end,
           p.id, p.revision, p.delivery_date, p.shift, p.quantity,
           case when p.verdict = 'ACCEPTED' then p.unit_price end,
           case when p.verdict = 'ACCEPTED' then round(p.quantity * p.unit_price, 2) else 0 end,
           p.readings, p.reasons, case when p.verdict = 'ACCEPTED' then p.applied else '[]'::jsonb end
    from (${priced-lots}
          where l.organisation_id = :org and l.delivery_date between :start and :end and l.status = 'RECORDED'
          group by l.id, v.agreement_id, v.number) p
    order by p.producer_id
    returning producer_id, agreement_id, kind, quantity, amount),
total as (
    insert into run_totals (producer_id, agreement_id, accepted, amount, lines)
    select producer_id, agreement_id, sum(quantity) filter (where kind = 'LOT'), sum(amount), count(*)
    from line group by producer_id, agreement_id
    returning lines)
select coalesce(sum(lines), 0) from total
