-- R13 (docs/settlement-rules.md): the r.consecutive_fortnights fortnights just before the settled one, each
-- with its first and last day (a fortnight has at most 16 days, so that many times 16 days back holds them).
(select d::date as period_start,
        case when extract(day from d) = 1 then d::date + 14
             else (date_trunc('month', d) + interval '1 month')::date - 1 end as period_end
 from generate_series(cast(:start as date) - 16 * r.consecutive_fortnights, cast(:start as date) - 1,
                      interval '1 day') d
 where extract(day from d) in (1, 16)
 order by d desc limit r.consecutive_fortnights)
