-- R2, R3 (docs/settlement-rules.md) while a settlement is open: what a line per lot that counts (the
-- organisation's, delivered in the fortnight, RECORDED: a voided lot is not paid, at its latest revision,
-- the one lot_ref keeps) adds up to, per producer and agreement, into run_totals; no line is written
-- (docs/decisions/0036). ACCEPTED: quantity x unit price, rounded once to the céntimo (R11), in the type a
-- stored line has, so an amount a line could not hold fails here as it would at closing; REJECTED: 0.
-- Lots are priced by the function priced_lots (V18); one whose terms version has not arrived is not there: it
-- waits (R2). The lines themselves are the view open_lot_line (V18), written at closing by R3-lot-lines.sql:
-- it and this file change together. The settlement keeps how many lot lines it has and their quantity, for
-- the list of settlements.
with total as (
    insert into run_totals (producer_id, agreement_id, accepted, amount, lines, quantity)
    select p.producer_id, p.agreement_id,
           sum(cast(p.quantity as numeric(19, 3))) filter (where p.verdict = 'ACCEPTED'),
           sum(case when p.verdict = 'ACCEPTED' then cast(round(p.quantity * p.unit_price, 2) as numeric(18, 2))
                    else 0 end),
           count(*), sum(cast(p.quantity as numeric(19, 3)))
    from priced_lots(:org, :start, :end) p
    where p.status = 'RECORDED'
    group by p.producer_id, p.agreement_id
    returning lines, quantity)
update settlement set lots = t.lines, lot_quantity = t.quantity
from (select coalesce(sum(lines), 0) as lines, coalesce(sum(quantity), 0) as quantity from total) t
where id = :s
returning lots
