-- R5 (docs/settlement-rules.md): the last day of the fortnight the agreement a was in force, from its
-- periods in force, or the earlier of the fortnight's end and the agreement's end date when none overlaps;
-- the terms of the fortnight are those of the version in force on that day.
coalesce((select max(least(cast(p ->> 'to' as date), cast(:end as date)))
          from jsonb_array_elements(a.periods_in_force) p
          where cast(p ->> 'from' as date) <= cast(:end as date)
            and cast(p ->> 'to' as date) >= cast(:start as date)), least(cast(:end as date), a.end_date))
