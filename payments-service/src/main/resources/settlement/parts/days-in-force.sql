-- R5 (docs/settlement-rules.md): how many days of the fortnight the agreement a was in force (a per-day
-- commitment counts those).
(select coalesce(sum(greatest(0, least(cast(p ->> 'to' as date), cast(:end as date))
                         - greatest(cast(p ->> 'from' as date), cast(:start as date)) + 1)), 0)
 from jsonb_array_elements(a.periods_in_force) p)
