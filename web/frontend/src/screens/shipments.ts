// The centre's shipments ("Envíos"): a tanker to the plant, a consignment of trout or cacao. The list,
// and a new one: accepted lots of one product pooled, the losses on the way with their reason, the
// tanker's plate or the guide, the buyer and when it left. Online only: the shipment's id is chosen
// when the form opens and kept on the device with the draft, so a retry after a dropped connection
// (or a reload) sends the same shipment again and lots-service answers it unchanged, never twice.
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { live } from 'lit/directives/live.js';
import { NetworkError, call, explain } from '../api';
import { app, go, hasRole, refresh } from '../app';
import { type Centre, db, getMeta, setMeta } from '../db';
import {
  CERTIFICATIONS, STATUS_NAMES, type Shipment, type ShipmentDraft, draftProblems, eligibleLots, lossesQuantity, lotsQuantity,
  shipmentRequest, shippedQuantity,
} from '../domain/shipment';
import type { LotReceipt } from '../domain/types';
import { compare } from '../domain/decimal';
import { addDays, dateTime, day, limaDate, limaInstant, limaLocal, productName, quantity, time } from '../format';
import { refreshCentres } from '../sync';
import { FormProblems, buyers, errorLine, field, focusFirstProblem, passesLocally, producersById } from './manage';

export const LOTS = '/api/lots/v1';

// --- which centre ---

let centres: Centre[] | null = null;

/** The centres the user can ship from: the operator's own today, a manager's every centre. */
async function centresOfUser(): Promise<Centre[]> {
  if (!centres) {
    try {
      centres = await refreshCentres();
    } catch {
      centres = await db.centres.toArray();
    }
  }
  return centres;
}

/** The centre named in the address, else the operator's, else the only one. */
export async function centreOf(named: string | undefined): Promise<Centre | null> {
  const list = await centresOfUser();
  const id = named ?? app.workplace?.centreId ?? (list.length === 1 ? list[0].id : undefined);
  return list.find((c) => c.id === id) ?? null;
}

function centreChooser(list: Centre[], current: Centre | null, target: (id: string) => string): TemplateResult | typeof nothing {
  if (list.length < 2) return nothing;
  return html`<div class="form-field"><label class="field" for="centre">Centro de acopio</label>
    <select id="centre" @change=${(e: Event) => go(target((e.target as HTMLSelectElement).value))}>
      ${current ? nothing : html`<option value="" selected>Elija el centro</option>`}
      ${list.map((c) => html`<option value=${c.id} ?selected=${c.id === current?.id}>${c.name} · ${c.district}</option>`)}
    </select></div>`;
}

/** Producer names for the lots: the operator's phone has the centre's roster; a manager asks contracts-service. */
export async function producerNamesFor(centreId: string, ids: string[]): Promise<Map<string, string>> {
  const names = new Map((await db.producers.where('centreId').equals(centreId).toArray()).map((p) => [p.id, p.name]));
  const missing = ids.filter((id) => !names.has(id));
  if (missing.length > 0 && hasRole('buyer-admin')) {
    const found = await producersById(missing);
    for (const id of missing) if (found.has(id)) names.set(id, (found.get(id) as { name: string }).name);
  }
  return names;
}

/**
 * Who can receive the centre's lots, by name: the manager's list of buyers; an operator's phone knows the buyers of
 * the centre's agreements by id only (the roster carries no names), so they are named by what they buy.
 */
export async function buyerOptions(centreId: string): Promise<Map<string, string>> {
  const products = new Map<string, Set<string>>();
  for (const a of await db.agreements.where('centreId').equals(centreId).toArray()) {
    products.set(a.buyerId, (products.get(a.buyerId) ?? new Set()).add(productName(a.product)));
  }
  const options = new Map([...products].map(([id, what]) => [id, `Comprador de ${[...what].join(', ').toLowerCase()}`]));
  if (hasRole('buyer-admin')) {
    try {
      for (const b of await buyers()) options.set(b.id, b.name);
    } catch {
      // the names by product still let the operator choose
    }
  }
  return options;
}

/** A buyer as the screens name it: by name when known, "nosotros" for the caller's own organisation. */
export function buyerName(names: Map<string, string>, id: string): string {
  return names.get(id) ?? (id === app.me?.organisationId ? 'Nosotros' : 'Sin nombre en este equipo');
}

/** The buyer of the chosen lots' agreements, when they all have the same one. */
async function buyerOfLots(centreId: string, lots: LotReceipt[]): Promise<string | null> {
  const agreements = new Map((await db.agreements.where('centreId').equals(centreId).toArray()).map((a) => [a.id, a.buyerId]));
  const found = new Set(lots.map((l) => agreements.get(l.agreementId)));
  return found.size === 1 ? [...found][0] ?? null : null;
}

// --- the list ---

let days = 30;

/** #/envios and #/envios?centro=<id>. */
export async function shipmentsScreen([centreId]: string[]): Promise<TemplateResult> {
  if (!app.me) {
    go('#/entrar');
    return html``;
  }
  const list = await centresOfUser();
  const centre = await centreOf(centreId);
  let shipments: Shipment[] = [];
  let error: string | null = null;
  // Without a centre of its own (the buyer's manager), the shipments the organisation is the buyer of.
  if (centre || list.length === 0) {
    try {
      const today = limaDate();
      shipments = await call<Shipment[]>(`${LOTS}/shipments?${centre ? `centreId=${centre.id}&` : ''}from=${addDays(today, -days)}&to=${today}&size=500`);
    } catch (e) {
      error = explain(e);
    }
  }
  const names = await buyerOptions(centre?.id ?? '');
  return html`
    <div class="wide">
    <h1>Envíos${centre ? html` <small class="sub">${centre.name}</small>` : nothing}</h1>
    ${centreChooser(list, centre, (id) => `#/envios?centro=${id}`)}
    ${errorLine(error)}
    ${centre ? html`<a class="button primary big" href="#/envios/nuevo?centro=${centre.id}" data-autofocus>Nuevo envío</a>` : nothing}
    ${centre || list.length === 0 ? html`
      <div class="form-field"><label class="field" for="days">Periodo</label>
        <select id="days" @change=${(e: Event) => { days = Number((e.target as HTMLSelectElement).value); void refresh(); }}>
          ${[7, 30, 90, 365].map((d) => html`<option value=${d} ?selected=${d === days}>Últimos ${d} días</option>`)}
        </select></div>
      ${shipments.length === 0 ? html`<p class="empty">Sin envíos en este periodo</p>` : html`
        <div class="table-wrap" tabindex="0" role="region" aria-label="Envíos"><table class="stack">
          <caption>Envíos (${shipments.length})</caption>
          <thead><tr><th scope="col">Salida</th><th scope="col">Guía o placa</th><th scope="col">Comprador</th>
            <th scope="col" class="num">Lotes</th><th scope="col" class="num">Enviado</th><th scope="col">Estado</th></tr></thead>
          <tbody>${shipments.map((s) => html`<tr data-shipment=${s.shipmentId}>
            <td><a href="#/envios/${s.shipmentId}">${dateTime(s.dispatchedAt)}</a></td>
            <td data-label="Guía o placa">${s.reference}</td>
            <td data-label="Comprador">${buyerName(names, s.buyerId)}</td>
            <td data-label="Lotes" class="num">${s.lotCount}</td>
            <td data-label="Enviado" class="num">${productName(s.product)} ${quantity(s.shippedQuantity, s.unit)}</td>
            <td data-label="Estado">${statusBadge(s)}</td></tr>`)}</tbody>
        </table></div>`}` : html`<p>Elija el centro de acopio.</p>`}
    <a class="button" href=${hasRole('centre-operator') ? '#/hoja' : '#/'}>Volver</a>
    </div>`;
}

export function statusBadge(s: Pick<Shipment, 'status'>): TemplateResult {
  const tone = s.status === 'ACCEPTED' ? 'ok' : s.status === 'DISPATCHED' ? 'voided' : 'bad';
  return html`<span class="badge ${tone}" data-status=${s.status}>${STATUS_NAMES[s.status] ?? s.status}</span>`;
}

// --- a new shipment ---

interface Picking extends ShipmentDraft {
  from: string;
  to: string;
  product: string | null;
  local: string; // the datetime-local field, Lima time
}

const problems = new FormProblems();
let picking: Picking | null = null;
let saving = false;
const DRAFT = 'shipment-draft';

function fresh(centreId: string): Picking {
  const today = limaDate();
  return { shipmentId: crypto.randomUUID(), centreId, lots: [], losses: [], reference: '', buyerId: '', dispatchedAt: '',
    from: today, to: today, product: null, local: limaLocal() };
}

/** Lots of the days chosen, as lots-service has them (a day's sheet per day). */
async function lotsOfDays(centreId: string, from: string, to: string): Promise<LotReceipt[]> {
  const dates: string[] = [];
  for (let d = from; d <= to && dates.length < 31; d = addDays(d, 1)) dates.push(d);
  const sheets = await Promise.all(dates.map((d) => call<{ lots: LotReceipt[] }>(`${LOTS}/collection-centres/${centreId}/sheet?date=${d}`)));
  return sheets.flatMap((s) => s.lots).sort((a, b) => a.deliveredAt.localeCompare(b.deliveredAt));
}

/** Of the centre's lots delivered in the days chosen (as lotsOfDays reads them, 31 at most), those already in a shipment. */
async function shippedLots(centreId: string, from: string, to: string): Promise<Set<string>> {
  const last = addDays(from, 30) < to ? addDays(from, 30) : to;
  if (last < from) return new Set();
  const shipped = await call<{ lotId: string }[]>(`${LOTS}/shipments/lots?centreId=${centreId}&from=${from}&to=${last}`);
  return new Set(shipped.map((l) => l.lotId));
}

let loaded: { key: string; at: number; lots: LotReceipt[]; shipped: Set<string> } | null = null;

/** The days' lots and those already shipped, read again when the days change or after half a minute, not at every tick. */
async function offeredLots(centreId: string, from: string, to: string) {
  const key = `${centreId}/${from}/${to}`;
  if (!loaded || loaded.key !== key || Date.now() - loaded.at > 30000) {
    const [lots, shipped] = await Promise.all([lotsOfDays(centreId, from, to), shippedLots(centreId, from, to)]);
    loaded = { key, at: Date.now(), lots, shipped };
  }
  return loaded;
}

/** #/envios/nuevo?centro=<id> */
export async function newShipmentScreen([centreId]: string[]): Promise<TemplateResult> {
  const centre = await centreOf(centreId);
  if (!centre) return html`<h1>Nuevo envío</h1><p>Elija primero el centro.</p><a class="button" href="#/envios">Volver</a>`;
  picking ??= (await getMeta<Picking>(DRAFT)) ?? null;
  if (!picking || picking.centreId !== centre.id) picking = fresh(centre.id);
  const p = picking;
  let lots: LotReceipt[] = [];
  let shipped = new Set<string>();
  let error: string | null = null;
  try {
    ({ lots, shipped } = await offeredLots(centre.id, p.from, p.to));
  } catch (e) {
    error = explain(e);
  }
  const open = eligibleLots(lots, shipped, null);
  const products = [...new Set(open.map((l) => l.product))];
  if (p.product === null || !products.includes(p.product)) p.product = products[0] ?? null;
  const offered = eligibleLots(open, new Set(), p.product);
  // A lot chosen before stays chosen only while it is still offered (another device may have shipped it).
  const offeredIds = new Set(offered.map((l) => l.id));
  p.lots = p.lots.filter((l) => offeredIds.has(l.id));
  const chosen = new Set(p.lots.map((l) => l.id));
  const names = await producerNamesFor(centre.id, offered.map((l) => l.producerId));
  const buyerNames = await buyerOptions(centre.id);
  const chosenLots = offered.filter((l) => chosen.has(l.id));
  p.buyerId ||= (buyerNames.size === 1 ? [...buyerNames.keys()][0] : await buyerOfLots(centre.id, chosenLots)) ?? '';
  const unit = offered[0]?.unit ?? p.lots[0]?.unit ?? '';
  const shippedNow = shippedQuantity(p);
  return html`
    <h1>Nuevo envío <small class="sub">${centre.name}</small></h1>
    ${errorLine(error)}
    <form novalidate @submit=${(e: Event) => { e.preventDefault(); void submit(); }}>
      <fieldset><legend>1. Lotes aceptados, aún no enviados</legend>
        <div class="grid2">
          ${dateField('lots-from', 'Desde', p.from, (v) => { p.from = v; if (p.to < v) p.to = v; })}
          ${dateField('lots-to', 'Hasta', p.to, (v) => { p.to = v; if (p.from > v) p.from = v; })}
        </div>
        ${products.length > 1 ? html`<div class="toggle" role="group" aria-label="Producto">${products.map((x) => html`<button type="button"
          aria-pressed=${p.product === x} class=${p.product === x ? 'selected' : ''}
          @click=${() => { p.product = x; p.lots = []; void keep(); }}>${productName(x)}</button>`)}</div>` : nothing}
        ${offered.length === 0 ? html`<p class="empty">No hay lotes aceptados sin enviar en esos días</p>` : html`
          <div class="actions">
            <button type="button" class="button" data-all @click=${() => { p.lots = offered.map(pick); void keep(); }}>Elegir todos (${offered.length})</button>
            <button type="button" class="button" ?disabled=${p.lots.length === 0} @click=${() => { p.lots = []; void keep(); }}>Quitar todos</button>
          </div>
          <ul class="picks" aria-describedby="f-lotIds-error">${offered.map((l) => html`<li><label class="pick">
            <input type="checkbox" data-pick=${l.id} .checked=${chosen.has(l.id)} @change=${(e: Event) => {
              const on = (e.target as HTMLInputElement).checked;
              p.lots = on ? [...p.lots, pick(l)] : p.lots.filter((x) => x.id !== l.id);
              void keep();
            }}>
            <span class="who">${names.get(l.producerId) ?? 'Productor'}</span>
            <span class="when">${l.deliveryDate === limaDate() ? '' : `${day(l.deliveryDate).slice(0, 5)} `}${time(l.deliveredAt)}</span>
            <span class="qty">${quantity(l.quantity, l.unit)}</span></label>${lotProblem(l.id)}</li>`)}</ul>`}
        <p class="field-error" id="f-lotIds-error" role="alert">${problems.at('lotIds') ?? ''}</p>
      </fieldset>
      <fieldset><legend>2. Mermas</legend>
        ${p.losses.map((loss, i) => html`<div class="loss grid2">
          ${field(`losses[${i}].quantity`, problems, { label: `Cantidad (${unit})`, value: loss.quantity, inputmode: 'decimal',
            onInput: (v) => { loss.quantity = v; void keep(); } })}
          ${field(`losses[${i}].reason`, problems, { label: 'Motivo', value: loss.reason, max: 200,
            placeholder: 'Derrame, muestra, rebose…', onInput: (v) => { loss.reason = v; void keep(); } })}
          <button type="button" class="link remove" @click=${() => { p.losses.splice(i, 1); void keep(); }}>Quitar esta merma</button>
        </div>`)}
        <button type="button" class="button" @click=${() => { p.losses.push({ quantity: '', reason: '' }); void keep(); }}>Agregar merma</button>
        <p class="field-error" id="f-losses-error" role="alert">${problems.at('losses') ?? ''}</p>
      </fieldset>
      <dl class="counters figures" aria-live="polite">
        <div><dt>Lotes (${p.lots.length})</dt><dd data-total="lots">${quantity(lotsQuantity(p), unit)}</dd></div>
        <div><dt>Mermas</dt><dd data-total="losses">${quantity(lossesQuantity(p), unit)}</dd></div>
        <div class=${compare(shippedNow, 0) < 0 ? 'warn' : ''}><dt>Sale</dt><dd data-total="shipped">${quantity(shippedNow, unit)}</dd></div>
      </dl>
      <fieldset><legend>3. Transporte y destino</legend>
        ${field('reference', problems, { label: 'Cisterna, placa o guía', value: p.reference, max: 80, required: true,
          placeholder: 'T4B-872 · guía 001-2345', onInput: (v) => { p.reference = v; void keep(false); } })}
        <div class="form-field"><label class="field" for="f-buyerId">Comprador <span class="req" aria-hidden="true">*</span></label>
          <select id="f-buyerId" data-field="buyerId" aria-invalid=${problems.at('buyerId') ? 'true' : 'false'} aria-describedby="f-buyerId-error"
            @change=${(e: Event) => { p.buyerId = (e.target as HTMLSelectElement).value; void keep(false); }}>
            <option value="" ?selected=${!p.buyerId}>Elija el comprador</option>
            ${[...buyerNames].map(([id, name]) => html`<option value=${id} ?selected=${id === p.buyerId}>${name}</option>`)}
          </select><p class="field-error" id="f-buyerId-error">${problems.at('buyerId') ?? ''}</p></div>
        <div class="form-field"><label class="field" for="f-dispatchedAt">Salida (hora de Lima)</label>
          <input id="f-dispatchedAt" type="datetime-local" max=${limaLocal()} .value=${live(p.local)}
            aria-invalid=${problems.at('dispatchedAt') ? 'true' : 'false'} aria-describedby="f-dispatchedAt-error"
            @input=${(e: Event) => { p.local = (e.target as HTMLInputElement).value; void keep(false); }}>
          <p class="field-error" id="f-dispatchedAt-error">${problems.at('dispatchedAt') ?? ''}</p></div>
        <div class="form-field"><label class="field" for="f-certification">Certificación declarada (opcional)</label>
          <p class="hint small" id="f-certification-hint">Solo lotes de productores con ese certificado vigente el día de su entrega</p>
          <select id="f-certification" aria-describedby="f-certification-hint f-certification-error"
            aria-invalid=${problems.at('certification') ? 'true' : 'false'}
            @change=${(e: Event) => { p.certification = (e.target as HTMLSelectElement).value; void keep(false); }}>
            <option value="" ?selected=${!p.certification}>Sin certificación</option>
            ${Object.entries(CERTIFICATIONS).map(([k, v]) => html`<option value=${k} ?selected=${k === p.certification}>${v}</option>`)}
          </select><p class="field-error" id="f-certification-error">${problems.at('certification') ?? ''}</p></div>
      </fieldset>
      ${problems.summary()}
      <button class="button primary big" type="submit" id="save" ?disabled=${saving}>${saving ? 'Registrando…'
        : p.lots.length ? `Registrar envío de ${quantity(shippedNow, unit)}` : 'Registrar envío'}</button>
    </form>
    <button class="button" @click=${() => void discard(centre.id)}>Descartar y volver</button>`;
}

/** The server's reason a chosen lot cannot go (lotIds[i], by the lot's place in the request), under its row. */
function lotProblem(id: string): TemplateResult | typeof nothing {
  const message = problems.at(`lot:${id}`);
  return message ? html`<p class="field-error" data-refused-lot=${id}>${message.replace(/el lote [0-9a-f-]{36}/g, 'este lote')}</p>` : nothing;
}

function pick(l: LotReceipt) {
  return { id: l.id, quantity: l.quantity, product: l.product, unit: l.unit };
}

function dateField(id: string, label: string, value: string, set: (v: string) => void): TemplateResult {
  return html`<div class="form-field"><label class="field" for=${id}>${label}</label>
    <input id=${id} type="date" max=${limaDate()} .value=${live(value)}
      @change=${(e: Event) => { const v = (e.target as HTMLInputElement).value; if (v) { set(v); void keep(); } }}></div>`;
}

/** The draft stays on the device (its id included) so a reload or a retry sends the same shipment. */
async function keep(redraw = true): Promise<void> {
  if (!picking) return;
  picking.dispatchedAt = limaInstant(picking.local);
  await setMeta(DRAFT, picking);
  if (redraw) void refresh();
}

async function discard(centreId: string): Promise<void> {
  picking = null;
  problems.clear();
  await setMeta(DRAFT, null);
  go(`#/envios?centro=${centreId}`);
}

async function submit(): Promise<void> {
  const p = picking;
  if (!p || saving) return;
  p.dispatchedAt = limaInstant(p.local);
  if (!await passesLocally(problems, draftProblems(p))) return;
  saving = true;
  void refresh();
  try {
    const shipment = await call<Shipment>(`${LOTS}/shipments`, { method: 'POST', body: shipmentRequest(p), timeoutMs: 60000 });
    picking = null;
    loaded = null;
    await setMeta(DRAFT, null);
    go(`#/envios/${shipment.shipmentId}`);
  } catch (e) {
    if (e instanceof NetworkError) problems.general = 'Sin conexión: el envío no se registró todavía. Vuelva a pulsar Registrar; no se duplicará.';
    else {
      const sent = p.lots.map((l) => l.id);
      problems.refused(e, (f) => { const i = /^lotIds\[(\d+)\]$/.exec(f); return i ? `lot:${sent[Number(i[1])]}` : f; });
    }
    await focusFirstProblem();
  } finally {
    saving = false;
    void refresh();
  }
}
