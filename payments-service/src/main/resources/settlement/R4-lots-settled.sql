-- R4, R12 (docs/settlement-rules.md), on closing: the lots this settlement paid for are settled at the
-- revision it used, and what it paid for each (a lot has one line in a settlement) is added to what closed
-- settlements paid for it, so later runs adjust only lots that change after this.
update lot_ref l set settled_revision = x.lot_revision,
    settled_amount = coalesce(l.settled_amount, 0) + x.amount
from settlement_line x
where x.settlement_id = :s and x.lot_id = l.id and x.kind in ('LOT', 'REJECTED', 'ADJUSTMENT')
