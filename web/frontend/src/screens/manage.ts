// What the manager's screens share: form fields that show the service's problems where they belong,
// a pager for long lists, and the names (networks, buyers, producers) that ids stand for.
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { live } from 'lit/directives/live.js';
import { ApiError, call, explain } from '../api';
import { app, refresh } from '../app';

export const CONTRACTS = '/api/contracts/v1';
export const PAGE_SIZE = 20;

export interface Organisation {
  id: string;
  name: string;
  kind: string;
  ruc: string | null;
  parentId: string | null;
  district: string | null;
  region: string | null;
  version: number;
}

export interface ProducerView {
  id: string;
  organisationId: string;
  groupId: string | null;
  nationalIdType: string;
  nationalId: string;
  name: string;
  district: string;
  region: string | null;
  phone: string | null;
  /** Whether the producer agreed to receive notices (verdicts, payments, claims) by SMS or WhatsApp. */
  noticesOptIn?: boolean;
  noticeChannel?: 'SMS' | 'WHATSAPP' | null;
  version: number;
}

export const KIND_NAMES: Record<string, string> = {
  TRACTOR_COMPANY: 'Empresa tractora', PROCESSOR: 'Planta procesadora', EXPORTER: 'Exportadora', COLLECTOR: 'Acopiador',
  COOPERATIVE: 'Cooperativa', ASSOCIATION: 'Asociación', PRODUCER_GROUP: 'Red de productores',
};

/**
 * A form's problems by field path ("clauses.price.basePrice"), from the device's checks or the
 * service's answer. Fields take theirs as they are drawn; whatever no field took is listed apart.
 */
export class FormProblems {
  private byField = new Map<string, string>();
  private taken = new Set<string>();
  general: string | null = null;

  get any(): boolean {
    return this.general !== null || this.byField.size > 0;
  }

  clear(): void {
    this.byField = new Map();
    this.general = null;
  }

  /** Problems found on the device, before anything was sent. */
  local(problems: Map<string, string>): void {
    this.byField = new Map(problems);
    this.general = problems.size > 0 ? `Revise ${problems.size === 1 ? 'el campo marcado' : `los ${problems.size} campos marcados`}` : null;
  }

  /** A refusal from the service: its violations on their fields, the rest as one line. */
  refused(e: unknown, rename: (field: string) => string = (f) => f): void {
    this.byField = new Map();
    const violations = e instanceof ApiError ? e.problem.violations ?? [] : [];
    for (const v of violations) {
      const field = rename(v.field);
      this.byField.set(field, this.byField.has(field) ? `${this.byField.get(field)}; ${v.message}` : v.message);
    }
    this.general = violations.length > 0 ? `No se guardó: revise ${violations.length === 1 ? 'el campo marcado'
      : `los ${violations.length} campos marcados`}` : explain(e);
  }

  /** The problem of one field, marking it as shown. */
  at(path: string): string | undefined {
    this.taken.add(path);
    return this.byField.get(path);
  }

  /** Problems no field on the screen took (after the fields are drawn). */
  untaken(): [string, string][] {
    const rest = [...this.byField.entries()].filter(([path]) => !this.taken.has(path));
    this.taken = new Set();
    return rest;
  }

  /** The summary beside the save button: the general line and anything no field showed. */
  summary(): TemplateResult | typeof nothing {
    const rest = this.untaken();
    if (!this.any) return nothing;
    return html`<div class="error" role="alert" data-problems>
      ${this.general ? html`<p>${this.general}</p>` : nothing}
      ${rest.length > 0 ? html`<ul>${rest.map(([f, m]) => html`<li>${f}: ${m}</li>`)}</ul>` : nothing}
    </div>`;
  }
}

/** A DOM id for a field path: "clauses.quality.parameters[0].min" → "f-clauses-quality-parameters-0-min". */
export function idOf(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;
}

interface FieldOptions {
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** When the field is left changed: for what is too costly to redraw at each keystroke. */
  onChange?: (value: string) => void;
  type?: string;
  inputmode?: string;
  hint?: string;
  max?: number;
  maxDate?: string;
  minDate?: string;
  required?: boolean;
  autocomplete?: string;
  placeholder?: string;
}

/** A labelled input whose problem, if any, is shown under it and announced with it. */
export function field(path: string, problems: FormProblems, o: FieldOptions): TemplateResult {
  const id = idOf(path);
  const error = problems.at(path);
  const described = [o.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="form-field">
    <label class="field" for=${id}>${o.label}${o.required ? html` <span class="req" aria-hidden="true">*</span>` : nothing}</label>
    ${o.hint ? html`<p class="hint small" id="${id}-hint">${o.hint}</p>` : nothing}
    <input id=${id} data-field=${path} type=${o.type ?? 'text'} inputmode=${o.inputmode ?? nothing}
      maxlength=${o.max ?? nothing} max=${o.maxDate ?? nothing} min=${o.minDate ?? nothing}
      autocomplete=${o.autocomplete ?? 'off'} ?required=${o.required ?? false} placeholder=${o.placeholder ?? nothing}
      aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described || nothing}
      .value=${live(o.value)} @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)}
      @change=${(e: Event) => o.onChange?.((e.target as HTMLInputElement).value)}>
    <p class="field-error" id="${id}-error">${error ?? ''}</p>
  </div>`;
}

/** A labelled select, with its problem shown as for inputs. */
export function choice(path: string, problems: FormProblems, label: string, value: string,
  options: [string, string][], onChange: (value: string) => void): TemplateResult {
  const id = idOf(path);
  const error = problems.at(path);
  return html`<div class="form-field">
    <label class="field" for=${id}>${label}</label>
    <select id=${id} data-field=${path} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing}
      @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
      ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
    </select>
    <p class="field-error" id="${id}-error">${error ?? ''}</p>
  </div>`;
}

/** After a refused save: the first field marked is where the eye and the keyboard go. */
export async function focusFirstProblem(): Promise<void> {
  await refresh();
  (document.querySelector('[aria-invalid="true"]') as HTMLElement | null
    ?? document.querySelector('[data-problems]') as HTMLElement | null)?.focus();
}

/** Shows the problems found on the device on their fields; true when there are none and the form may be sent. */
export async function passesLocally(problems: FormProblems, found: Map<string, string>): Promise<boolean> {
  problems.local(found);
  if (found.size === 0) return true;
  await focusFirstProblem();
  return false;
}

/** "Anterior · Página n · Siguiente" for a list read a page at a time; a short page is the last. */
export function pager(label: string, page: number, shown: number, onPage: (page: number) => void): TemplateResult {
  if (page === 0 && shown < PAGE_SIZE) return html``;
  return html`<nav class="pager" aria-label=${`Páginas de ${label}`}>
    <button class="link" ?disabled=${page === 0} @click=${() => onPage(page - 1)}>‹ Anterior</button>
    <span aria-current="page">Página ${page + 1}</span>
    <button class="link" ?disabled=${shown < PAGE_SIZE} @click=${() => onPage(page + 1)}>Siguiente ›</button>
  </nav>`;
}

let flashed: { text: string; hash: string } | null = null;

/** A line saying what was just done, shown on the screen at {@code hash} until the user goes elsewhere. */
export function flash(text: string, hash = location.hash): void {
  flashed = { text, hash };
}

export function flashLine(): TemplateResult | typeof nothing {
  if (flashed && flashed.hash !== location.hash) flashed = null;
  return flashed ? html`<p class="ok-box" role="status" data-flash>${flashed.text}</p>` : nothing;
}

export function errorLine(error: string | null): TemplateResult | typeof nothing {
  return error ? html`<p class="error" role="alert">${error}</p>` : nothing;
}

// --- names ids stand for, read once per session and refreshed after a change ---

let networks: Organisation[] | null = null;
let buyerList: Organisation[] | null = null;
const producers = new Map<string, ProducerView>();

export function forgetNames(): void {
  networks = null;
  buyerList = null;
}

/** The organisation's networks ("redes"), by name. */
export async function networksOf(): Promise<Organisation[]> {
  networks ??= await call<Organisation[]>(`${CONTRACTS}/organisations?kind=PRODUCER_GROUP&size=500`);
  return networks;
}

/** Who can buy under the organisation's agreements: itself and its buyers so far, plus any found by RUC. */
export async function buyers(): Promise<Organisation[]> {
  buyerList ??= await call<Organisation[]>(`${CONTRACTS}/organisations/buyers`);
  return buyerList;
}

export function rememberBuyer(o: Organisation): void {
  if (buyerList && !buyerList.some((b) => b.id === o.id)) buyerList = [...buyerList, o];
}

export function rememberProducers(list: ProducerView[]): void {
  list.forEach((p) => producers.set(p.id, p));
}

/** The most producer ids contracts-service takes in one listing (`id=` repeated). */
const IDS_PER_CALL = 50;

/**
 * Producers by id, asking the service for the ones not seen yet (those of one page of agreements, a day's
 * lots) in one listing per 50. Another organisation's producer (the buyer reading an agreement) is not in the
 * answer: shown by its id.
 */
export async function producersById(ids: string[]): Promise<Map<string, ProducerView>> {
  const missing = [...new Set(ids)].filter((id) => !producers.has(id));
  const calls = [];
  for (let i = 0; i < missing.length; i += IDS_PER_CALL) {
    const query = missing.slice(i, i + IDS_PER_CALL).map((id) => `id=${id}`).join('&');
    calls.push(call<ProducerView[]>(`${CONTRACTS}/organisations/${app.me?.organisationId}/producers?${query}&size=${IDS_PER_CALL}`)
      .catch(() => [] as ProducerView[])); // names are a help: without them the screen shows ids, as for a stranger
  }
  for (const found of await Promise.all(calls)) rememberProducers(found);
  return producers;
}

export function back(href: string, label: string): TemplateResult {
  return html`<a class="button" href=${href}>${label}</a>`;
}
