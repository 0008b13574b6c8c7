// Long lists are drawn a page at a time: the first page at once, "Mostrar más" adds the next.
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { refresh } from './app';

const PAGE = 50;
const shown = new Map<string, number>();

/** The items of list `key` to draw now. */
export function page<T>(key: string, items: T[]): T[] {
  return items.slice(0, shown.get(key) ?? PAGE);
}

/** The "Mostrar más" button under list `key`, when there is more to show. */
export function more(key: string, total: number): TemplateResult | typeof nothing {
  const now = shown.get(key) ?? PAGE;
  if (total <= now) return nothing;
  return html`<button class="button" data-more=${key} @click=${() => { shown.set(key, now + PAGE); void refresh(); }}>
    Mostrar más (${now} de ${total})</button>`;
}

/** Back to the first page, e.g. after a new search. */
export function firstPage(key: string): void {
  shown.delete(key);
}
