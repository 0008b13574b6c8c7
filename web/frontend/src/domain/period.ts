// The periods a ledger or a report is asked for: calendar months and years in Lima, or any two days.

export const PERIODS = { 'this-month': 'Este mes', 'last-month': 'Mes anterior', 'this-year': 'Este año',
  'last-year': 'Año anterior', custom: 'Otras fechas' } as const;

export type PeriodKind = keyof typeof PERIODS;

export interface Period { kind: PeriodKind; from: string; to: string }

function lastDayOf(year: number, month: number): string {
  // Day 0 of the next month is the last of this one.
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** The period of that kind around {@code today} (yyyy-mm-dd, Lima); an unknown kind is this month, "custom" starts as it. */
export function periodOf(kind: string, today: string): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (kind) {
    case 'last-month': {
      const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
      return { kind, from: `${y}-${pad(m)}-01`, to: lastDayOf(y, m) };
    }
    case 'this-year':
      return { kind, from: `${year}-01-01`, to: today };
    case 'last-year':
      return { kind, from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    case 'custom':
      return { kind, from: `${year}-${pad(month)}-01`, to: today };
    default:
      return { kind: 'this-month', from: `${year}-${pad(month)}-01`, to: today };
  }
}

/**
 * Where a ledger opens: the year so far (the deduction is yearly), or last year while this one has no fortnight
 * closed yet (before 16 January).
 */
export function defaultPeriod(today: string): Period {
  return periodOf(today.slice(5) < '01-16' ? 'last-year' : 'this-year', today);
}
