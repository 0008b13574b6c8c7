// Finding a producer at the can: by any part of the name (accents and case ignored), by DNI, or by
// the short code (the DNI's last four digits) the centre writes on the producer's card.
import type { Producer } from './types';

export function shortCode(p: Producer): string {
  return p.nationalId.slice(-4);
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function matches(p: Producer, query: string): boolean {
  const q = fold(query.trim());
  if (q === '') return true;
  if (/^\d+$/.test(q)) return p.nationalId.includes(q) || shortCode(p) === q;
  const words = fold(p.name).split(/\s+/);
  return q.split(/\s+/).every((token) => words.some((w) => w.startsWith(token)));
}

/** Those matching, the ones still to deliver this shift first, then by name; at most {@code limit}. */
export function search(producers: Producer[], query: string, delivered: Set<string>, limit = 12): Producer[] {
  return producers.filter((p) => matches(p, query))
    .sort((a, b) => Number(delivered.has(a.id)) - Number(delivered.has(b.id)) || a.name.localeCompare(b.name, 'es'))
    .slice(0, limit);
}
