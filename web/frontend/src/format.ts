// Everything the user reads in es-PE: dd/mm/aaaa dates, Peru's time, "S/ 1,234.50" with a decimal point.
export const LIMA = 'America/Lima';

const dateFormat = new Intl.DateTimeFormat('es-PE', { timeZone: LIMA, day: '2-digit', month: '2-digit', year: 'numeric' });
// h23: a lot at midnight is 00:05, never "24:05" (which hour12: false gives in some ICU versions).
const timeFormat = new Intl.DateTimeFormat('es-PE', { timeZone: LIMA, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const isoParts = new Intl.DateTimeFormat('en-CA', { timeZone: LIMA, year: 'numeric', month: '2-digit', day: '2-digit' });
const hourFormat = new Intl.DateTimeFormat('en-GB', { timeZone: LIMA, hour: '2-digit', hour12: false });

/** The business day in Peru of an instant, as yyyy-mm-dd. */
export function limaDate(at: Date = new Date()): string {
  return isoParts.format(at);
}

export function limaHour(at: Date = new Date()): number {
  return Number(hourFormat.format(at)) % 24;
}

/** yyyy-mm-dd plus (or minus) whole days, as yyyy-mm-dd. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first day of the fortnight containing a day: the 1st or the 16th. */
export function fortnightStart(iso: string): string {
  return `${iso.slice(0, 8)}${Number(iso.slice(8, 10)) < 16 ? '01' : '16'}`;
}

/** The first day of the fortnight n fortnights before the one starting on {@code start}. */
export function fortnightsBefore(start: string, n: number): string {
  let at = start;
  for (let i = 0; i < n; i++) at = fortnightStart(addDays(at, -1));
  return at;
}

/** yyyy-mm-dd → dd/mm/aaaa */
export function day(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function dateTime(instant: string | Date): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  return `${dateFormat.format(at)} ${timeFormat.format(at)}`;
}

export function time(instant: string | Date): string {
  return timeFormat.format(typeof instant === 'string' ? new Date(instant) : instant);
}

export function quantity(value: number | string, unit: string, decimals = 1, maxDecimals = Math.max(3, decimals)): string {
  return `${new Intl.NumberFormat('es-PE', { minimumFractionDigits: decimals, maximumFractionDigits: maxDecimals })
    .format(Number(value))} ${unit}`;
}

export function money(value: number | string): string {
  return `S/ ${new Intl.NumberFormat('es-PE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(value))}`;
}

export const SHIFT_NAMES = { MORNING: 'mañana', AFTERNOON: 'tarde' } as const;

export const PRODUCT_NAMES: Record<string, string> = { milk: 'Leche', trout: 'Trucha', cacao: 'Cacao', coffee: 'Café' };

export function productName(code: string): string {
  return PRODUCT_NAMES[code] ?? code;
}

export const VERDICT_NAMES = { ACCEPTED: 'ACEPTADO', REJECTED: 'RECHAZADO' } as const;

export const CHARGE_KINDS: Record<string, string> = { FEED: 'Alimento', VETERINARY: 'Veterinario',
  INSEMINATION: 'Inseminación', ADVANCE: 'Adelanto', TECHNICAL_ASSISTANCE: 'Asistencia técnica' };

/** Common quality parameters by code, for screens that have no agreement at hand to name them (the producer's). */
export const PARAMETERS: Record<string, { name: string; unit: string }> = {
  total_solids: { name: 'Sólidos totales', unit: '%' }, fat: { name: 'Grasa', unit: '%' },
  protein: { name: 'Proteína', unit: '%' }, temperature: { name: 'Temperatura', unit: '°C' },
  density: { name: 'Densidad', unit: 'g/ml' }, acidity: { name: 'Acidez', unit: '°D' },
  antibiotics: { name: 'Antibióticos', unit: '' }, moisture: { name: 'Humedad', unit: '%' },
  weight_g: { name: 'Peso', unit: 'g' },
};

/** A reading as a producer reads it: "Sólidos totales: 11.8 %", "Antibióticos: negativo". */
export function readingText(r: { parameter: string; value?: string | number | null; result?: boolean | null },
  known: { name: string; unit: string } | undefined = PARAMETERS[r.parameter]): string {
  const p = known ?? { name: r.parameter, unit: '' };
  if (r.result !== null && r.result !== undefined) return `${p.name}: ${r.result ? 'positivo' : 'negativo'}`;
  return `${p.name}: ${r.value} ${p.unit}`.trim();
}

/** Peru keeps UTC−5 all year (no summer time since 1994). */
const LIMA_OFFSET = '-05:00';
const inputTime = new Intl.DateTimeFormat('en-GB', { timeZone: LIMA, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** An instant as a datetime-local input shows it in Lima: "2025-03-02T14:05". */
export function limaLocal(at: Date = new Date()): string {
  return `${limaDate(at)}T${inputTime.format(at)}`;
}

/** What a datetime-local input holds, read as Lima's time, as an ISO instant with its offset. */
export function limaInstant(local: string): string {
  return local ? `${local.length === 16 ? `${local}:00` : local}${LIMA_OFFSET}` : '';
}
