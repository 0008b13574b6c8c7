-- R10 (docs/settlement-rules.md): each producer's deductions are what R9 applied, and net is gross minus
-- them, never below 0 because R9 applies no more than the gross.
update settlement_producer sp set deductions = d.applied, net = sp.gross - d.applied
from (select producer_id, sum(applied) as applied from settlement_deduction where settlement_id = :s
      group by producer_id) d
where sp.settlement_id = :s and sp.producer_id = d.producer_id
