-- R2, R3 (docs/settlement-rules.md), on closing: a line per lot that counts, as the open settlement showed
-- it and its last run added it up (R3-lot-totals.sql): the view open_lot_line (V18). ACCEPTED lots give LOT
-- lines, quantity x unit price rounded once (R11), with the adjustments applied; REJECTED ones amount 0 with
-- their reasons. Written once, in producer order, so the index by (settlement, producer) grows at its end.
insert into settlement_line (settlement_id, producer_id, agreement_id, kind, lot_id, lot_revision,
    delivery_date, shift, quantity, unit_price, amount, readings, reasons, adjustments)
select settlement_id, producer_id, agreement_id, kind, lot_id, lot_revision, delivery_date, shift, quantity,
       unit_price, amount, readings, reasons, adjustments
from open_lot_line where settlement_id = :s
order by producer_id
