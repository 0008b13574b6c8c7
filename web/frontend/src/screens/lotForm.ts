// Step 3: the quantity and exactly the readings the producer's agreement in force today asks for.
// Enter moves to the next field, so a lot takes the digits plus a few taps. Saving judges the lot on
// the device and keeps it until lots-service confirms it; corrections of a sent lot go to the server.
import { html, nothing } from 'lit/html.js';
import { live } from 'lit/directives/live.js';
import { ApiError, call, explain } from '../api';
import { app, go, refresh } from '../app';
import { type CentreAgreement, type LocalLot, type LotRequest, db, getMeta, setMeta } from '../db';
import { cleanText, parseQuantity, parseReading } from '../domain/input';
import { judge } from '../domain/judge';
import { applicable, productsOn } from '../domain/terms';
import type { LotReceipt, Producer, QualityParameter, Reading } from '../domain/types';
import { SHIFT_NAMES, limaDate, productName } from '../format';
import { sendPending } from '../sync';

type Mode = 'new' | 'edit' | 'correct';

interface Draft {
  key: string; // which lot or producer this draft belongs to
  product: string | null;
  quantity: string;
  values: Record<string, string>;
  results: Record<string, boolean | undefined>;
  instruments: Record<string, string>;
  reason: string;
  errors: Record<string, string>;
  saving: boolean;
}

let draft: Draft | null = null;

function fresh(key: string, instruments: Record<string, string>): Draft {
  return { key, product: null, quantity: '', values: {}, results: {}, instruments: { ...instruments }, reason: '',
    errors: {}, saving: false };
}

function fromReadings(d: Draft, quantity: string, readings: Reading[]): Draft {
  d.quantity = String(quantity);
  for (const r of readings) {
    if (r.value !== null && r.value !== undefined) d.values[r.parameter] = String(r.value);
    if (r.result !== null && r.result !== undefined) d.results[r.parameter] = r.result;
    if (r.instrument) d.instruments[r.parameter] = r.instrument;
  }
  return d;
}

export async function newLotScreen([producerId]: string[]) {
  return formScreen('new', producerId, null);
}

export async function editLotScreen([lotId]: string[]) {
  const lot = await db.lots.get(lotId);
  if (!lot) return notFound();
  return formScreen(lot.state === 'confirmed' ? 'correct' : 'edit', lot.producerId, lot);
}

function notFound() {
  return html`<h1>Lote no encontrado</h1><a class="button" href="#/hoja">Volver a la hoja</a>`;
}

async function formScreen(mode: Mode, producerId: string, lot: LocalLot | null) {
  const w = app.workplace;
  if (!w || !app.centre) {
    go('#/centro');
    return html``;
  }
  const producer = await db.producers.get([w.centreId, producerId]);
  if (!producer) return html`<h1>Productor no encontrado en este equipo</h1><a class="button" href="#/productor">Buscar otro</a>`;
  const agreements = await db.agreements.where('centreId').equals(w.centreId).toArray();
  const instruments = (await getMeta<Record<string, string>>('instruments')) ?? {};
  const key = `${mode}:${lot?.id ?? producerId}`;
  if (!draft || draft.key !== key) {
    draft = fresh(key, instruments);
    if (lot?.receipt && mode === 'correct') fromReadings(draft, String(lot.receipt.quantity), lot.receipt.readings);
    else if (lot?.request) fromReadings(draft, String(lot.request.quantity), lot.request.readings);
    draft.product = lot?.request?.product ?? lot?.receipt?.product ?? null;
  }
  const d = draft;
  const dayOfLot = lot?.deliveryDate ?? limaDate();
  const products = productsOn(agreements, producer, dayOfLot, app.centre.organisationId);
  d.product ??= products.length > 0 ? products[0] : null;
  const terms = d.product ? applicable(agreements, producer, d.product, dayOfLot, app.centre.organisationId)
    : { kind: 'none' as const };
  // A correction is judged by the version the lot was judged by, as lots-service does.
  const clause: QualityParameter[] = mode === 'correct' && lot?.receipt
    ? versionOf(agreements, lot.receipt)
    : terms.kind === 'one' ? terms.version.quality : [];
  const unit = terms.kind === 'one' ? terms.agreement.unit : lot?.receipt?.unit ?? lot?.request?.unit ?? '';
  const title = mode === 'new' ? 'Nueva entrega' : mode === 'edit' ? 'Corregir antes de enviar' : 'Corregir lote enviado';
  return html`
    <h1>${title}</h1>
    <p class="who-big">${producer.name}<br><small>DNI ${producer.nationalId} · turno ${SHIFT_NAMES[lot?.shift ?? w.shift]}</small></p>
    ${terms.kind === 'none' && mode !== 'correct' ? html`<p class="error" role="alert">Sin acuerdo vigente hoy para este productor en este centro:
      el servidor rechazaría el lote. Revise con la gestión de acuerdos.</p>` : nothing}
    ${terms.kind === 'several' ? html`<p class="error" role="alert">El productor tiene ${terms.count} acuerdos vigentes para
      ${productName(d.product ?? '').toLowerCase()}; el servidor no sabrá cuál aplicar.</p>` : nothing}
    ${products.length > 1 && mode !== 'correct' ? html`<fieldset><legend>Producto</legend><div class="toggle">
      ${products.map((p) => html`<button type="button" aria-pressed=${d.product === p} class=${d.product === p ? 'selected' : ''}
        @click=${() => { d.product = p; void refresh(); }}>${productName(p)}</button>`)}</div></fieldset>` : nothing}
    <form novalidate @submit=${(e: Event) => { e.preventDefault(); void save(mode, producer, lot, clause, unit); }}>
      ${numberField('quantity', `Cantidad (${unit})`, d.quantity, d.errors.quantity, (v) => { d.quantity = v; corrected(d, 'quantity'); }, true)}
      ${clause.map((p) => p.kind === 'BOOLEAN' ? testField(p, d) : numberField(`r-${p.code}`,
        `${p.name}${p.unit ? ` (${p.unit})` : ''}${limits(p)}`, d.values[p.code] ?? '', d.errors[p.code],
        (v) => { d.values[p.code] = v; corrected(d, p.code); }, false))}
      ${clause.length > 0 ? html`<details class="instruments"><summary>Instrumentos</summary>
        ${clause.map((p) => html`<label class="field" for="i-${p.code}">${p.name}</label>
          <input id="i-${p.code}" type="text" maxlength="60" .value=${live(d.instruments[p.code] ?? '')}
            @input=${(e: Event) => { d.instruments[p.code] = (e.target as HTMLInputElement).value; }}>`)}
      </details>` : nothing}
      ${mode !== 'new' && mode !== 'edit' ? html`<label class="field" for="reason">Motivo de la corrección</label>
        <input id="reason" type="text" maxlength="500" required .value=${live(d.reason)}
          aria-invalid=${d.errors.reason ? 'true' : 'false'} aria-describedby="reason-error"
          @input=${(e: Event) => { d.reason = (e.target as HTMLInputElement).value; }}>
        <p class="field-error" id="reason-error">${d.errors.reason ?? ''}</p>` : nothing}
      ${d.errors.form ? html`<p class="error" role="alert">${d.errors.form}</p>` : nothing}
      <button class="button primary big" type="submit" id="save" ?disabled=${d.saving || (mode === 'new' && terms.kind !== 'one')}>
        ${mode === 'correct' ? 'Guardar corrección' : 'Guardar'}</button>
    </form>
    <a class="button" href=${lot ? `#/lote/${lot.id}` : '#/productor'}>Cancelar</a>`;
}

export function versionOf(agreements: CentreAgreement[], receipt: LotReceipt): QualityParameter[] {
  const agreement = agreements.find((a) => a.id === receipt.agreementId);
  return agreement?.versions.find((v) => v.number === receipt.agreementVersion)?.quality ?? [];
}

function limits(p: QualityParameter): string {
  if (p.min !== null && p.max !== null) return ` · ${p.min} a ${p.max}`;
  if (p.min !== null) return ` · mín. ${p.min}`;
  if (p.max !== null) return ` · máx. ${p.max}`;
  return '';
}

export function numberField(id: string, label: string, value: string, error: string | undefined,
  set: (v: string) => void, autofocus: boolean) {
  return html`<label class="field" for=${id}>${label}</label>
    <input id=${id} class="number" type="text" inputmode="decimal" autocomplete="off" enterkeyhint="next"
      ?data-autofocus=${autofocus} .value=${live(value)} aria-invalid=${error ? 'true' : 'false'}
      aria-describedby="${id}-error"
      @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
      @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') { e.preventDefault(); focusNext(e.target as HTMLElement); } }}>
    <p class="field-error" id="${id}-error">${error ?? ''}</p>`;
}

/** A field typed into after its error was shown: the error goes at once, the others stay until saving. */
export function corrected(d: Pick<Draft, 'errors'>, field: string): void {
  if (d.errors[field] === undefined) return;
  delete d.errors[field];
  void refresh();
}

/** What a form of readings keeps as it is filled: the values typed, the tests answered, the instruments, errors. */
export type ReadingFields = Pick<Draft, 'values' | 'results' | 'instruments' | 'errors'>;

export function testField(p: QualityParameter, d: ReadingFields) {
  const chosen = d.results[p.code];
  const option = (value: boolean, text: string) => html`<button type="button" data-test=${p.code} data-result=${String(value)}
    aria-pressed=${chosen === value} class=${chosen === value ? 'selected' : ''}
    @click=${(e: Event) => { d.results[p.code] = value; delete d.errors[p.code]; void refresh().then(() => focusNext(e.target as HTMLElement, true)); }}>${text}</button>`;
  return html`<fieldset class="test" aria-describedby="r-${p.code}-error"><legend>${p.name}</legend>
    <div class="toggle">${option(false, 'Negativo / No')}${option(true, 'Positivo / Sí')}</div>
    <p class="field-error" id="r-${p.code}-error">${d.errors[p.code] ?? ''}</p></fieldset>`;
}

/** Enter in a field, or a test answered: on to the next thing to fill, or to Guardar. */
function focusNext(from: HTMLElement, afterTest = false): void {
  const fields = [...document.querySelectorAll<HTMLElement>('form input.number, form fieldset.test, #reason, #save')];
  const current = afterTest ? from.closest('fieldset') as HTMLElement : from;
  const index = fields.indexOf(current);
  const next = fields[index + 1];
  if (!next) return;
  if (next.tagName === 'FIELDSET') {
    (next.querySelector<HTMLElement>('[aria-pressed="true"]') ?? next.querySelector<HTMLElement>('button'))?.focus();
  } else {
    next.focus();
  }
}

/** The readings a form holds, each measured at `now`; what cannot be read goes to `d.errors`. */
export function readingsOf(clause: QualityParameter[], d: ReadingFields, now: string): Reading[] {
  const readings: Reading[] = [];
  for (const p of clause) {
    const instrument = cleanText(d.instruments[p.code] ?? '', 60) || null;
    if (p.kind === 'BOOLEAN') {
      const result = d.results[p.code];
      if (result === undefined) {
        if (p.required) d.errors[p.code] = `Marque el resultado de ${p.name.toLowerCase()}`;
        continue;
      }
      readings.push({ parameter: p.code, result, instrument, measuredAt: now });
    } else {
      const r = parseReading(d.values[p.code] ?? '', p);
      if (!r.ok) d.errors[p.code] = r.message;
      else if (r.value !== '') readings.push({ parameter: p.code, value: Number(r.value), instrument, measuredAt: now });
    }
  }
  return readings;
}

async function save(mode: Mode, producer: Producer, lot: LocalLot | null, clause: QualityParameter[], unit: string) {
  const d = draft as Draft;
  const w = app.workplace;
  if (!w || d.saving) return;
  d.errors = {};
  const q = parseQuantity(d.quantity, unit);
  if (!q.ok) d.errors.quantity = q.message;
  const now = new Date().toISOString();
  const readings = readingsOf(clause, d, now);
  const reason = cleanText(d.reason, 500);
  if (mode === 'correct' && !reason) d.errors.reason = 'Indique el motivo';
  if (Object.keys(d.errors).length > 0 || !q.ok) {
    void refresh();
    return;
  }
  await setMeta('instruments', { ...((await getMeta<Record<string, string>>('instruments')) ?? {}), ...d.instruments });
  if (mode === 'correct' && lot?.receipt) {
    await correct(lot, q.value, readings, reason);
    return;
  }
  const request: LotRequest = {
    id: lot?.id ?? crypto.randomUUID(),
    centreId: w.centreId,
    operatorId: w.operatorId,
    producerId: producer.id,
    product: d.product as string,
    quantity: Number(q.value), // a JSON number: the services read decimals strictly
    unit,
    deliveredAt: lot?.request?.deliveredAt ?? now,
    shift: lot?.shift ?? w.shift,
    readings,
  };
  const stored: LocalLot = {
    id: request.id, centreId: w.centreId, deliveryDate: lot?.deliveryDate ?? limaDate(), shift: request.shift,
    producerId: producer.id, producerName: producer.name, nationalId: producer.nationalId, state: 'pending',
    request, provisional: judge(clause, readings), receipt: null, problem: null, differs: false,
    savedAt: lot?.savedAt ?? now,
  };
  await db.lots.put(stored);
  draft = null;
  go(`#/lote/${stored.id}`);
  if (navigator.onLine) void sendPending();
}

async function correct(lot: LocalLot, quantity: string, readings: Reading[], reason: string): Promise<void> {
  const d = draft as Draft;
  const receipt = lot.receipt as LotReceipt;
  d.saving = true;
  void refresh();
  try {
    const updated = await call<LotReceipt>(`/api/lots/v1/lots/${lot.id}/corrections`, {
      method: 'POST', body: { version: receipt.version, quantity: Number(quantity), readings, reason },
    });
    await db.lots.put({ ...lot, receipt: updated });
    draft = null;
    go(`#/lote/${lot.id}`);
  } catch (e) {
    d.saving = false;
    d.errors.form = e instanceof ApiError && e.status === 409 ? 'El lote cambió en el servidor; vuelva a la hoja y repita la corrección'
      : explain(e);
    void refresh();
  }
}
