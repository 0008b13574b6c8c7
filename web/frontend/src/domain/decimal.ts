// Exact comparison of decimal figures: readings and limits are compared as the server's BigDecimal
// does, never through binary floating point (11.5 must equal 11.50, and 0.1 + 0.2 must not matter).

const DECIMAL = /^[+-]?(\d+)(\.\d+)?$/;

export function isDecimal(text: string): boolean {
  return DECIMAL.test(text.trim());
}

/** Digits after the point, e.g. 3 for "12.125". */
export function scaleOf(text: string): number {
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
}

function scaled(value: string, scale: number): bigint {
  const text = value.trim();
  const negative = text.startsWith('-');
  const unsigned = text.replace(/^[+-]/, '');
  const [whole, fraction = ''] = unsigned.split('.');
  const digits = BigInt(whole + fraction.padEnd(scale, '0').slice(0, scale));
  return negative ? -digits : digits;
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compare(a: string | number, b: string | number): number {
  const x = String(a);
  const y = String(b);
  const scale = Math.max(scaleOf(x), scaleOf(y));
  const dx = scaled(x, scale);
  const dy = scaled(y, scale);
  return dx < dy ? -1 : dx > dy ? 1 : 0;
}

/** A number as the services write it in a reason: plain, no exponent. */
export function plain(value: string | number): string {
  const text = String(value);
  return /e/i.test(text) ? Number(text).toFixed(20).replace(/\.?0+$/, '') : text;
}

function written(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = scale === 0 ? digits : digits.slice(0, -scale);
  return `${negative ? '-' : ''}${whole}${scale === 0 ? '' : `.${digits.slice(-scale)}`}`;
}

/** The exact sum of decimal figures (quantities of lots, losses), at the largest scale among them: "30.5" + "0.25" = "30.75". */
export function sum(values: (string | number)[]): string {
  const texts = values.map((v) => plain(v));
  const scale = Math.max(0, ...texts.map(scaleOf));
  return written(texts.reduce((total, t) => total + scaled(t, scale), 0n), scale);
}

/** a − b, exactly. */
export function subtract(a: string | number, b: string | number): string {
  const t = plain(b).trim().replace(/^\+/, '');
  return sum([a, t.startsWith('-') ? t.slice(1) : `-${t}`]);
}
