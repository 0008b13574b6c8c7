// What the operator types, checked on the device: a value out of any sane range is refused on the
// field, in Spanish, before it can become a lot. Limits match what lots-service stores.
import { isDecimal, scaleOf } from './decimal';
import type { QualityParameter } from './types';

export type Parsed = { ok: true; value: string } | { ok: false; message: string };

/** Largest sane quantity of one delivery per unit (a can of milk, a catch of trout, a harvest of cacao). */
const MAX_QUANTITY: Record<string, number> = { L: 5000, kg: 50000, t: 100, unit: 100000 };

/** Phones in Spanish often offer a comma; receipts and the services use a decimal point. */
function normalise(text: string): string {
  return text.trim().replace(',', '.');
}

export function parseQuantity(text: string, unit: string): Parsed {
  const value = normalise(text);
  if (value === '') return { ok: false, message: 'Ingrese la cantidad' };
  if (!isDecimal(value)) return { ok: false, message: 'Solo números, con punto decimal' };
  if (scaleOf(value) > 3) return { ok: false, message: 'Como máximo 3 decimales' };
  const n = Number(value);
  if (n <= 0) return { ok: false, message: 'Debe ser mayor que 0' };
  const max = MAX_QUANTITY[unit] ?? 100000;
  if (n > max) return { ok: false, message: `No más de ${max} ${unit} por entrega` };
  return { ok: true, value: String(n) };
}

/** Sane bounds of a measurement by its unit: what an instrument can show, wider than any clause. */
function bounds(p: QualityParameter): [number, number] {
  switch (p.unit) {
    case '%': return [0, 100];
    case '°C': return [-5, 60];
    default: return [-1e7, 1e7];
  }
}

export function parseReading(text: string, p: QualityParameter): Parsed {
  const value = normalise(text);
  if (value === '') return p.required ? { ok: false, message: `Ingrese ${p.name.toLowerCase()}` } : { ok: true, value: '' };
  if (!isDecimal(value)) return { ok: false, message: 'Solo números, con punto decimal' };
  if (scaleOf(value) > 4) return { ok: false, message: 'Como máximo 4 decimales' };
  const [min, max] = bounds(p);
  const n = Number(value);
  if (n < min || n > max) return { ok: false, message: `Fuera de rango: entre ${min} y ${max}${p.unit ? ' ' + p.unit : ''}` };
  return { ok: true, value: String(n) };
}

/** Free text the services store: no control characters (a NUL would be refused), bounded length. */
export function cleanText(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, max);
}
