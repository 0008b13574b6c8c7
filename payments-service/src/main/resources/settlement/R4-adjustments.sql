-- R4 (docs/settlement-rules.md): a lot of a closed fortnight whose current amount differs from what closed
-- settlements paid for it (corrected, voided, or recorded late) gets an ADJUSTMENT line of the difference,
-- now minus previously paid. Run only for the organisation's earliest open settlement. What closed
-- settlements paid for a lot is kept on the lot (settled_amount, see R4-lots-settled.sql), and only lots
-- changed since the revision they were settled at are looked at. Lots are priced by priced_lots (V18).
with line as (
    insert into settlement_line (settlement_id, producer_id, agreement_id, kind, lot_id, lot_revision,
        delivery_date, shift, quantity, unit_price, amount, detail)
    select :s, p.producer_id, p.agreement_id, 'ADJUSTMENT', p.id, p.revision, p.delivery_date, p.shift,
           p.quantity, p.unit_price, p.now_amount - coalesce(p.settled_amount, 0),
           jsonb_build_object('previouslyPaid', coalesce(p.settled_amount, 0), 'now', p.now_amount,
               'status', p.status, 'verdict', p.verdict, 'readings', p.readings)
    from (select q.*, case when q.status = 'RECORDED' and q.verdict = 'ACCEPTED'
                           then round(q.quantity * q.unit_price, 2) else 0 end as now_amount
          from priced_lots(:org, cast('-infinity' as date), cast(:start as date) - 1) q
          where q.settled_revision is null or q.settled_revision < q.revision) p
    join settlement closed on closed.organisation_id = p.organisation_id and closed.status = 'CLOSED'
         and p.delivery_date between closed.period_start and closed.period_end
    where p.now_amount <> coalesce(p.settled_amount, 0)
    returning producer_id, agreement_id, amount),
total as (
    insert into run_totals (producer_id, agreement_id, amount, lines)
    select producer_id, agreement_id, amount, 1 from line
    returning lines)
select count(*) from total
