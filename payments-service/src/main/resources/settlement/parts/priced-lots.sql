-- R3 (docs/settlement-rules.md): lots with their unit price, the base price of the terms version they were
-- judged by plus every quality adjustment of that version whose [from, to) holds the lot's numeric reading
-- of the parameter; one grouped join. Each adjustment's JSON (the statement's evidence) is built once, on
-- the adjustment's side of the outer join, not once per lot. A statement including this part adds its own
-- where and then: group by l.id, v.agreement_id, v.number
select l.*, v.base_price + coalesce(sum(a.amount_per_unit), 0) as unit_price,
       coalesce(jsonb_agg(a.applied order by a.seq) filter (where a.seq is not null), '[]'::jsonb)
           as applied
from lot_ref l
join terms_version v on v.agreement_id = l.agreement_id and v.number = l.agreement_version
left join (select pa.*, jsonb_build_object('parameter', pa.parameter, 'from', pa.from_value,
               'to', pa.to_value, 'amountPerUnit', pa.amount_per_unit) as applied
           from price_adjustment pa) a
     on a.agreement_id = l.agreement_id and a.version_number = l.agreement_version
     and jsonb_typeof(l.readings -> a.parameter) = 'number'
     and (a.from_value is null or (l.readings ->> a.parameter)::numeric >= a.from_value)
     and (a.to_value is null or (l.readings ->> a.parameter)::numeric < a.to_value)
