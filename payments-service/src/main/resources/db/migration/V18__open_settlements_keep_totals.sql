-- An OPEN settlement no longer stores a line per lot (docs/decisions/0036): a run keeps per producer and
-- agreement what those lines add up to, and closing writes them once, as what was paid. Readers take a
-- settlement's lines from statement_line: the stored lines, plus, while the settlement is open, its LOT
-- and REJECTED lines computed from the lots as a run prices them (R2, R3 of docs/settlement-rules.md).

-- R3: the organisation's lots delivered from first to last (either may be infinite), each with its unit
-- price, the base price of the terms version it was judged by plus every quality adjustment of that
-- version whose [from, to) holds the lot's numeric reading of the parameter, and those adjustments as the
-- statement's evidence; one grouped join. Each adjustment's JSON is built once, on the adjustment's side of
-- the outer join, not once per lot. A lot whose terms version has not arrived is not here: it waits (R2).
-- Runs, closing, adjustments and statements all price lots here (it was settlement/parts/priced-lots.sql).
-- A single SQL select, so PostgreSQL inlines it: the organisation and dates reach lot_ref's index, and a
-- caller's filter on the lot's columns (producer, revision) reaches lot_ref too.
create function priced_lots(org uuid, first date, last date)
    returns table (id uuid, organisation_id uuid, producer_id uuid, agreement_id uuid, delivery_date date,
        shift varchar, quantity numeric, readings jsonb, verdict varchar, reasons jsonb, status varchar,
        revision int, settled_revision int, settled_amount numeric, unit_price numeric, applied jsonb)
    language sql stable as $$
select l.id, l.organisation_id, l.producer_id, l.agreement_id, l.delivery_date, l.shift, l.quantity, l.readings,
       l.verdict, l.reasons, l.status, l.revision, l.settled_revision, l.settled_amount,
       v.base_price + coalesce(sum(a.amount_per_unit), 0),
       coalesce(jsonb_agg(a.applied order by a.seq) filter (where a.seq is not null), '[]'::jsonb)
from lot_ref l
join terms_version v on v.agreement_id = l.agreement_id and v.number = l.agreement_version
left join (select pa.*, jsonb_build_object('parameter', pa.parameter, 'from', pa.from_value,
               'to', pa.to_value, 'amountPerUnit', pa.amount_per_unit) as applied
           from price_adjustment pa) a
     on a.agreement_id = l.agreement_id and a.version_number = l.agreement_version
     and jsonb_typeof(l.readings -> a.parameter) = 'number'
     and (a.from_value is null or (l.readings ->> a.parameter)::numeric >= a.from_value)
     and (a.to_value is null or (l.readings ->> a.parameter)::numeric < a.to_value)
where l.organisation_id = org and l.delivery_date between first and last
group by l.id, v.agreement_id, v.number
$$;

-- R2, R3: the LOT and REJECTED lines each OPEN settlement pays: every lot of its organisation delivered in
-- its fortnight and RECORDED, at the revision lot_ref keeps; ACCEPTED: quantity x unit price rounded once
-- (R11), with the adjustments applied; REJECTED: 0 with the lot's reasons; in the types stored lines have.
-- Closing inserts exactly these rows (settlement/R3-lot-lines.sql); a run adds up the same amounts
-- (settlement/R3-lot-totals.sql): that file and this view change together.
create view open_lot_line as
select s.id as settlement_id, l.producer_id, l.agreement_id,
       cast(case when l.verdict = 'ACCEPTED' then 'LOT' else 'REJECTED' end as varchar(20)) as kind,
       l.id as lot_id, l.revision as lot_revision, l.delivery_date, cast(l.shift as varchar(10)) as shift,
       cast(l.quantity as numeric(19, 3)) as quantity,
       cast(case when l.verdict = 'ACCEPTED' then l.unit_price end as numeric(12, 4)) as unit_price,
       cast(case when l.verdict = 'ACCEPTED' then round(l.quantity * l.unit_price, 2) else 0 end
           as numeric(18, 2)) as amount,
       cast(null as jsonb) as detail, l.readings, l.reasons,
       case when l.verdict = 'ACCEPTED' then l.applied else '[]'::jsonb end as adjustments
from settlement s
cross join lateral priced_lots(s.organisation_id, s.period_start, s.period_end) l
where s.status = 'OPEN' and l.status = 'RECORDED';

-- Every line of every settlement's statements. An OPEN settlement stores no LOT or REJECTED line, a
-- CLOSED one stores all of them, so the two parts never give the same line twice. A filter on
-- settlement_id and producer_id reaches both parts (one producer's statement reads that producer's lots).
create view statement_line as
select settlement_id, producer_id, agreement_id, kind, lot_id, lot_revision, delivery_date, shift, quantity,
       unit_price, amount, detail, readings, reasons, adjustments
from settlement_line
union all
select settlement_id, producer_id, agreement_id, kind, lot_id, lot_revision, delivery_date, shift, quantity,
       unit_price, amount, detail, readings, reasons, adjustments
from open_lot_line;

-- A producer's lots of a fortnight, for the statement of one producer of an open settlement.
create index lot_ref_by_producer on lot_ref (producer_id, delivery_date);

-- How many lot lines a settlement has and their quantity, for the list of settlements: set by each run
-- (R3-lot-totals.sql), so the list prices no lot. Settlements closed before this count their stored lines.
alter table settlement add column lots int, add column lot_quantity numeric(19, 3);

-- Open settlements computed before this keep their lot lines until their next run; they go now, as
-- statement_line computes them, and their counts are kept first.
update settlement s set lots = x.lots, lot_quantity = x.quantity
from (select settlement_id, count(*) as lots, coalesce(sum(quantity), 0) as quantity from settlement_line
      where kind in ('LOT', 'REJECTED') group by settlement_id) x
where s.status = 'OPEN' and x.settlement_id = s.id;
delete from settlement_line x using settlement s
where s.id = x.settlement_id and s.status = 'OPEN' and x.kind in ('LOT', 'REJECTED');
