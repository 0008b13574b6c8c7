// One shipment: what left the centre (the lots, less the losses), the buyer's result on it, and its
// trace back to every lot and producer with the centre's readings and verdict and what each
// producer's statement says about the lot, so a processor's rejection is tied, visibly, to lots the
// centre accepted and paid. The GS1 EPCIS 2.0 history downloads as JSON-LD.
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { live } from 'lit/directives/live.js';
import { ApiError, call, downloadFile, explain } from '../api';
import { app, refresh } from '../app';
import {
  CERTIFICATIONS, type Outcome, STATUS_NAMES, type Shipment, type StatementLine, type Trace, type TraceRow, sharePercent, statementTotals,
  traceRows,
} from '../domain/shipment';
import { isDecimal } from '../domain/decimal';
import { cleanText } from '../domain/input';
import { PARAMETERS, VERDICT_NAMES, dateTime, day, limaInstant, limaLocal, money, productName, quantity, readingText } from '../format';
import { more, page } from '../paging';
import { FormProblems, errorLine, field, focusFirstProblem, passesLocally } from './manage';
import { LOTS, buyerName, buyerOptions, statusBadge } from './shipments';

const PAYMENTS = '/api/payments/v1';
// Lot ids per statement-lines request: 80 keep the URL (43 characters an id) under the 4,096 the web module's
// door admits; payments-service itself takes up to 500.
const CHUNK = 80;

/** Every statement line of the lots, asked 80 lots at a time; null when the caller's role may not read them. */
async function statementLines(lotIds: string[]): Promise<StatementLine[] | null> {
  const lines: StatementLine[] = [];
  for (let i = 0; i < lotIds.length; i += CHUNK) {
    const query = lotIds.slice(i, i + CHUNK).map((id) => `lotId=${id}`).join('&');
    try {
      const answer = await call<StatementLine[] | { lines: StatementLine[] }>(`${PAYMENTS}/statement-lines?${query}`);
      lines.push(...(Array.isArray(answer) ? answer : answer.lines));
    } catch (e) {
      if (e instanceof ApiError && (e.status === 403 || e.status === 404)) return null;
      throw e;
    }
  }
  return lines;
}

interface ResultForm { id: string; outcome: Outcome | ''; discountPercent: string; local: string; note: string;
  readings: { parameter: string; value: string }[] }

const problems = new FormProblems();
let form: ResultForm | null = null;
let saving = false;

/** #/envios/<id> */
export async function shipmentScreen([id]: string[]): Promise<TemplateResult> {
  let trace: Trace;
  let lines: StatementLine[] | null = null;
  let linesError: string | null = null;
  try {
    trace = await call<Trace>(`${LOTS}/shipments/${id}/trace`);
  } catch (e) {
    return html`<h1>Envío</h1>${errorLine(explain(e))}<a class="button" href="#/envios">Volver a los envíos</a>`;
  }
  const s = trace.shipment;
  // Only the organisation that settles the producers has their statements; a buyer would read "not settled".
  if (s.organisationId === app.me?.organisationId) {
    try {
      lines = await statementLines(trace.lots.map((l) => l.lotId));
    } catch (e) {
      linesError = `No se pudo leer las liquidaciones: ${explain(e)}`;
    }
  }
  const buyers = await buyerOptions(s.centreId);
  const rows = traceRows(trace.lots, lines ?? []);
  return html`
    <div class="wide">
    <h1>Envío ${s.reference}</h1>
    <p>${statusBadge(s)} · ${productName(s.product)} · salió el ${dateTime(s.dispatchedAt)}<br>
      Comprador: ${buyerName(buyers, s.buyerId)}${s.certification ? html` · certificación ${CERTIFICATIONS[s.certification] ?? s.certification}` : nothing}</p>
    <dl class="counters figures">
      <div><dt>Lotes (${s.lotCount})</dt><dd data-total="lots">${quantity(s.lotsQuantity, s.unit)}</dd></div>
      <div><dt>Mermas</dt><dd data-total="losses">${quantity(s.lossesQuantity, s.unit)}</dd></div>
      <div><dt>Enviado</dt><dd data-total="shipped">${quantity(s.shippedQuantity, s.unit)}</dd></div>
    </dl>
    ${s.losses.length ? html`<ul class="losses">${s.losses.map((l) => html`<li>Merma de ${quantity(l.quantity, s.unit)}: ${l.reason}</li>`)}</ul>` : nothing}
    ${s.result ? resultView(s) : resultForm(s, trace)}
    ${s.status === 'REJECTED' || s.status === 'ACCEPTED_WITH_DISCOUNT' ? tie(s, rows, lines !== null) : nothing}
    <div class="actions">
      <button class="button" data-epcis @click=${() => void epcis(s)}>Historia EPCIS (JSON-LD)</button>
    </div>
    ${producersTable(trace, rows, lines !== null)}
    ${linesError ? errorLine(linesError) : lines === null ? html`<p class="hint">Lo que dicen las liquidaciones de los socios lo ve
      la tesorería o la gestión de la organización que les paga.</p>` : nothing}
    ${lotsTable(s, rows, lines !== null)}
    <a class="button" href="#/envios?centro=${s.centreId}">Volver a los envíos</a>
    </div>`;
}

function resultView(s: Shipment): TemplateResult {
  const r = s.result as NonNullable<Shipment['result']>;
  return html`<section class="panel result ${s.status === 'ACCEPTED' ? 'ok' : 'bad'}" aria-labelledby="result-title">
    <h2 id="result-title">Resultado del comprador: ${STATUS_NAMES[r.outcome]}${r.discountPercent !== null
      && r.discountPercent !== undefined ? ` (${r.discountPercent} % de descuento)` : ''}</h2>
    <p>Recibido el ${dateTime(r.receivedAt)}</p>
    ${r.readings.length ? html`<p>${r.readings.map((x) => readingText(x)).join(' · ')}</p>` : nothing}
    ${r.note ? html`<p><em>${r.note}</em></p>` : nothing}
  </section>`;
}

/** The rejection tied to the lots: accepted at the centre, priced in the producers' statements, paid. */
function tie(s: Shipment, rows: TraceRow[], withStatements: boolean): TemplateResult {
  const t = statementTotals(rows);
  const accepted = rows.filter((r) => (r.lot.verdict ?? 'ACCEPTED') === 'ACCEPTED').length;
  const what = s.status === 'REJECTED' ? 'rechazó' : 'aceptó con descuento';
  return html`<p class="warn-box" role="note" data-tie>
    El comprador ${what} este envío. Sus ${t.lots} lotes, de ${t.producers} productores, ${accepted === t.lots
      ? 'fueron todos aceptados en el centro' : `${accepted} de ellos aceptados en el centro`}${withStatements ? html`; ${t.settled} figuran
    en las liquidaciones de los socios por ${money(t.amount)} y ${t.paid} ya se pagaron (${money(t.paidAmount)})` : nothing}.
    Abajo, lote por lote.</p>`;
}

function producersTable(trace: Trace, rows: TraceRow[], withStatements: boolean): TemplateResult {
  const s = trace.shipment;
  // On a phone a long list of producers is folded: the lots below name them too.
  const open = trace.producers.length <= 8 || matchMedia('(min-width: 40rem)').matches;
  return html`<details class="panel producers-panel" ?open=${open}><summary>Productores (${trace.producers.length})</summary>
    <div class="table-wrap" tabindex="0" role="region" aria-label="Productores"><table class="stack">
    <thead><tr><th scope="col">Productor</th><th scope="col" class="num">Lotes</th><th scope="col" class="num">Cantidad</th>
      <th scope="col" class="num">Parte del envío</th>${withStatements ? html`<th scope="col" class="num">En liquidaciones</th>` : nothing}</tr></thead>
    <tbody>${page(`productores-${s.shipmentId}`, trace.producers).map((p) => {
      const own = statementTotals(rows.filter((r) => r.lot.producerId === p.producerId));
      return html`<tr data-producer=${p.producerId}>
        <td>${p.producerName ?? p.producerId.slice(0, 8)}</td>
        <td data-label="Lotes" class="num">${p.lotCount}</td>
        <td data-label="Cantidad" class="num">${quantity(p.quantity, s.unit)}</td>
        <td data-label="Parte del envío" class="num">${sharePercent(p.shareOfShipment)}</td>
        ${withStatements ? html`<td data-label="En liquidaciones" class="num">${money(own.amount)}
          <br><small>${own.paid === own.lots ? 'pagado' : own.paid === 0 ? 'sin pagar' : `${own.paid} de ${own.lots} lotes pagados`}</small></td>`
          : nothing}</tr>`;
    })}</tbody>
  </table></div>
  ${more(`productores-${s.shipmentId}`, trace.producers.length)}</details>`;
}

function statementCell(r: TraceRow): TemplateResult {
  if (!r.settled) return html`<span class="warn-text">Aún en ninguna liquidación</span>`;
  return html`${r.lines.map((l) => html`<span data-line=${l.kind}>Quincena ${day(l.fortnightStart)}: ${money(l.amount)}
    ${l.kind === 'REJECTED' ? ' (rechazado)' : l.kind === 'LOT' ? '' : ` (${l.kind.toLowerCase()})`}</span><br>`)}
    <strong class=${r.paid ? 'ok-text' : 'warn-text'} data-paid=${String(r.paid)}>${r.paid ? 'Pagado'
      : r.closed ? 'Cerrada, por pagar' : 'Quincena abierta'}</strong>`;
}

function lotsTable(s: Shipment, rows: TraceRow[], withStatements: boolean): TemplateResult {
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="Lotes del envío"><table class="stack trace">
    <caption>Lotes del envío (${rows.length})</caption>
    <thead><tr><th scope="col">Productor</th><th scope="col">Entrega</th><th scope="col" class="num">Cantidad</th>
      <th scope="col">Calidad en el centro</th>${withStatements ? html`<th scope="col">Liquidación del socio</th>` : nothing}</tr></thead>
    <tbody>${page(`envio-${s.shipmentId}`, rows).map((r) => html`<tr data-lot=${r.lot.lotId}>
      <td>${r.lot.producerName ?? r.lot.producerId.slice(0, 8)}</td>
      <td data-label="Entrega">${dateTime(r.lot.deliveredAt)}${r.lot.revision > 1 ? html`<br><small>revisión ${r.lot.revision}</small>` : nothing}</td>
      <td data-label="Cantidad" class="num">${quantity(r.lot.quantity, s.unit)}</td>
      <td data-label="Calidad en el centro"><span class="badge ${(r.lot.verdict ?? 'ACCEPTED') === 'ACCEPTED' ? 'ok' : 'bad'}">${
        VERDICT_NAMES[(r.lot.verdict ?? 'ACCEPTED') as 'ACCEPTED' | 'REJECTED'] ?? r.lot.verdict}</span>
        ${r.lot.readings.length ? html`<br><small>${r.lot.readings.map((x) => readingText(x)).join(' · ')}</small>` : nothing}
        ${r.lot.reasons.map((x) => html`<br><small class="bad-text">${x.message}</small>`)}
        ${(r.lot.flags ?? []).map((f) => html`<br><small class="warn-text">Observado: ${f.detail}</small>`)}</td>
      ${withStatements ? html`<td data-label="Liquidación">${statementCell(r)}</td>` : nothing}</tr>`)}</tbody>
  </table></div>
  ${more(`envio-${s.shipmentId}`, rows.length)}`;
}

// --- the buyer's result ---

const OUTCOMES: [Outcome, string][] = [['ACCEPTED', 'Aceptado'], ['ACCEPTED_WITH_DISCOUNT', 'Aceptado con descuento'],
  ['REJECTED', 'Rechazado']];

function resultForm(s: Shipment, trace: Trace): TemplateResult {
  if (!form || form.id !== s.shipmentId) {
    form = { id: s.shipmentId, outcome: '', discountPercent: '', local: limaLocal(), note: '', readings: [] };
    problems.clear();
  }
  const f = form;
  // The buyer's readings are figures: the lots' numeric parameters (a test such as antibiotics is not one).
  const parameters = [...new Set(trace.lots.flatMap((l) => l.readings.filter((r) => r.value !== null && r.value !== undefined)
    .map((r) => r.parameter)))];
  return html`<form class="panel" novalidate @submit=${(e: Event) => { e.preventDefault(); void record(s); }}>
    <h2>Resultado del comprador</h2>
    <fieldset aria-describedby="f-outcome-error"><legend>¿Cómo lo recibió?</legend>
      ${OUTCOMES.map(([o, text]) => html`<label class="option"><input type="radio" name="outcome" value=${o} .checked=${f.outcome === o}
        @change=${() => { f.outcome = o; void refresh(); }}> ${text}</label>`)}
      <p class="field-error" id="f-outcome-error">${problems.at('outcome') ?? ''}</p></fieldset>
    ${f.outcome === 'ACCEPTED_WITH_DISCOUNT' ? field('discountPercent', problems, { label: 'Descuento (%)', value: f.discountPercent,
      inputmode: 'decimal', required: true, onInput: (v) => { f.discountPercent = v; } }) : nothing}
    <fieldset><legend>Lecturas del comprador</legend>
      ${f.readings.map((r, i) => html`<div class="grid2">
        <div class="form-field"><label class="field" for="f-readings-${i}-parameter">Parámetro</label>
          <select id="f-readings-${i}-parameter" @change=${(e: Event) => { r.parameter = (e.target as HTMLSelectElement).value; }}>
            ${parameters.map((p) => html`<option value=${p} ?selected=${p === r.parameter}>${PARAMETERS[p]?.name ?? p}</option>`)}
          </select></div>
        ${field(`readings[${i}].value`, problems, { label: `Valor${PARAMETERS[r.parameter]?.unit ? ` (${PARAMETERS[r.parameter].unit})` : ''}`,
          value: r.value, inputmode: 'decimal', onInput: (v) => { r.value = v; } })}
        <button type="button" class="link remove" @click=${() => { f.readings.splice(i, 1); void refresh(); }}>Quitar esta lectura</button>
      </div>`)}
      ${parameters.length ? html`<button type="button" class="button" @click=${() => {
        f.readings.push({ parameter: parameters[0], value: '' }); void refresh(); }}>Agregar lectura</button>`
        : html`<p class="hint">Los lotes no tienen lecturas que comparar.</p>`}
    </fieldset>
    <div class="form-field"><label class="field" for="f-receivedAt">Recibido (hora de Lima)</label>
      <input id="f-receivedAt" type="datetime-local" max=${limaLocal()} .value=${live(f.local)}
        aria-invalid=${problems.at('receivedAt') ? 'true' : 'false'} aria-describedby="f-receivedAt-error"
        @input=${(e: Event) => { f.local = (e.target as HTMLInputElement).value; }}>
      <p class="field-error" id="f-receivedAt-error">${problems.at('receivedAt') ?? ''}</p></div>
    <div class="form-field"><label class="field" for="f-note">Nota</label>
      <textarea id="f-note" rows="2" maxlength="500" .value=${live(f.note)}
        @input=${(e: Event) => { f.note = (e.target as HTMLTextAreaElement).value; }}></textarea></div>
    ${problems.summary()}
    <button class="button primary" type="submit" ?disabled=${saving}>${saving ? 'Guardando…' : 'Registrar resultado'}</button>
  </form>`;
}

function resultProblems(f: ResultForm): Map<string, string> {
  const found = new Map<string, string>();
  if (!f.outcome) found.set('outcome', 'Elija cómo lo recibió el comprador');
  const discount = f.discountPercent.trim().replace(',', '.');
  if (f.outcome === 'ACCEPTED_WITH_DISCOUNT' && (!isDecimal(discount) || Number(discount) <= 0 || Number(discount) >= 100)) {
    found.set('discountPercent', 'Un porcentaje mayor que 0 y menor que 100');
  }
  f.readings.forEach((r, i) => {
    if (!isDecimal(r.value.trim().replace(',', '.'))) found.set(`readings[${i}].value`, 'Solo números, con punto decimal');
  });
  if (!f.local) found.set('receivedAt', 'Indique cuándo lo recibió');
  return found;
}

async function record(s: Shipment): Promise<void> {
  const f = form;
  if (!f || saving) return;
  if (!await passesLocally(problems, resultProblems(f))) return;
  saving = true;
  void refresh();
  try {
    await call<Shipment>(`${LOTS}/shipments/${s.shipmentId}/result`, { method: 'POST', body: {
      outcome: f.outcome, receivedAt: limaInstant(f.local), note: cleanText(f.note, 500) || null,
      discountPercent: f.outcome === 'ACCEPTED_WITH_DISCOUNT' ? Number(f.discountPercent.trim().replace(',', '.')) : null,
      readings: f.readings.map((r) => ({ parameter: r.parameter, value: Number(r.value.trim().replace(',', '.')) })),
    } });
    form = null;
    problems.clear();
  } catch (e) {
    problems.refused(e);
  } finally {
    saving = false;
  }
  await focusFirstProblem();
}

async function epcis(s: Shipment): Promise<void> {
  const ok = await downloadFile(`${LOTS}/shipments/${s.shipmentId}/epcis`, 'application/ld+json',
    `epcis-${s.reference.replace(/[^A-Za-z0-9-]+/g, '_')}-${s.dispatchedAt.slice(0, 10)}.jsonld`);
  if (!ok) {
    app.notice = 'No se pudo descargar la historia EPCIS; intente de nuevo';
    void refresh();
  }
}
