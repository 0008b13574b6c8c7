// The treasurer's fortnight: settle, review each member's figures, close (final), pay everyone, and
// see the buyer's payment reconciled against what members delivered and were owed.
import { html, nothing } from 'lit/html.js';
import { ApiError, call, downloadPdf, explain } from '../api';
import { app, go, refresh } from '../app';
import { day, fortnightStart, limaDate, money, quantity } from '../format';
import { csvButton } from '../downloads';
import { more, page } from '../paging';
import { signOut } from './login';

export interface SettlementSummary {
  id: string;
  periodStart: string;
  periodEnd: string;
  status: 'OPEN' | 'CLOSED';
  runs: number;
  producers: number;
  lots: number;
  quantity: number;
  gross: number;
  deductions: number;
  net: number;
}

export interface ProducerTotals {
  producerId: string;
  gross: number;
  deductions: number;
  net: number;
  dueDate: string;
  paidOn: string | null;
  daysLate: number;
}

export interface SettlementView extends Omit<SettlementSummary, 'producers' | 'lots' | 'quantity'> {
  version: number;
  waitingLots: number;
  producers: ProducerTotals[];
}

export interface Reconciliation {
  buyers: { buyerId: string; product: string; unit: string; quantityCollected: number; quantityPaidFor: number;
    shrinkage: number; shrinkagePercent: number; amountReceived: number; grossOwed: number; margin: number }[];
  totals: { amountReceived: number; grossOwed: number; deductionsRecovered: number; netOwed: number; netPaid: number;
    margin: number };
  discrepancies: { kind: string; message: string }[];
}

const FLAG_NAMES: Record<string, string> = {
  SHRINKAGE: 'Merma', PAID_BELOW_GROSS: 'Pago menor a lo adeudado', NOT_PAID_BY_BUYER: 'El comprador no pagó',
  PAYOUT_OVERDUE: 'Pago a socios atrasado',
};

/** A settlement run as payments-service reports it while it works. */
interface Run {
  id: string;
  status: 'RUNNING' | 'DONE' | 'FAILED';
  step: string | null;
  stepsDone: number;
  stepsTotal: number;
  settlementId: string | null;
  error: string | null;
  reason?: string | null;
}

let busy: string | null = null;
let run: Run | null = null;
let error: string | null = null;
let paidOn = limaDate();
export let names = new Map<string, { name: string; nationalId: string }>();


/** The organisation's members by id, for names and DNIs beside payments' figures. */
export async function producerNames(): Promise<void> {
  if (names.size > 0 || !app.me) return;
  const list = await call<{ id: string; name: string; nationalId: string }[]>(
    `/api/contracts/v1/organisations/${app.me.organisationId}/producers?size=1000`);
  names = new Map(list.map((p) => [p.id, { name: p.name, nationalId: p.nationalId }]));
}

async function act(label: string, work: () => Promise<void>): Promise<void> {
  busy = label;
  error = null;
  void refresh();
  try {
    await work();
  } catch (e) {
    error = e instanceof ApiError ? explain(e) : `No se pudo completar: ${explain(e)}`;
  } finally {
    busy = null;
    void refresh();
  }
}

export async function treasuryScreen() {
  if (!app.me) {
    go('#/entrar');
    return html``;
  }
  let settlements: SettlementSummary[] = [];
  try {
    settlements = await call<SettlementSummary[]>(`/api/payments/v1/settlements?organisationId=${app.me.organisationId}`);
  } catch (e) {
    error = explain(e);
  }
  const current = fortnightStart(limaDate());
  return html`
    <h1>Liquidaciones quincenales</h1>
    ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
    ${settlements.some((s) => s.periodStart === current && s.status === 'CLOSED') ? nothing : html`<button
      class="button primary" ?disabled=${busy !== null} @click=${() => act('Calculando la quincena…', () => settle(current))}
      >Liquidar la quincena del ${day(current)}</button>`}
    ${progress()}
    <div class="table-wrap" tabindex="0" role="region" aria-label="Quincenas"><table class="stack">
      <caption>Quincenas</caption>
      <thead><tr><th scope="col">Quincena</th><th scope="col">Estado</th><th scope="col">Socios</th>
        <th scope="col" class="num">Bruto</th><th scope="col" class="num">Descuentos</th><th scope="col" class="num">Neto</th></tr></thead>
      <tbody>${settlements.map((s) => html`<tr data-settlement=${s.id}>
        <td><a href="#/liquidacion/${s.id}">${day(s.periodStart)} al ${day(s.periodEnd)}</a></td>
        <td data-label="Estado">${s.status === 'CLOSED' ? 'Cerrada' : 'Abierta'}</td><td data-label="Socios">${s.producers}</td>
        <td class="num" data-label="Bruto">${money(s.gross)}</td><td class="num" data-label="Descuentos">${money(s.deductions)}</td>
        <td class="num" data-label="Neto">${money(s.net)}</td>
      </tr>`)}</tbody>
    </table></div>
    ${settlements.length ? csvButton(`/api/payments/v1/settlements?organisationId=${app.me.organisationId}`, 'quincenas.csv') : nothing}
    <a class="button" href="#/cargos">Cargos al crédito (alimento, veterinario…)</a>
    <a class="button" href="#/registro-compras">Registro de compras (Ley 32434)</a>
    <a class="button" href="#/envios">Envíos al comprador y su trazabilidad</a>
    <a class="button" href="#/indicadores">Indicadores (gráficos)</a>
    <a class="button" href="#/auditoria">Auditoría</a>
    <button class="button link" @click=${signOut}>Salir (${app.me.name})</button>`;
}

export async function settlementScreen([id]: string[]) {
  let view: SettlementView | null = null;
  let reconciliation: Reconciliation | null = null;
  try {
    [view] = await Promise.all([call<SettlementView>(`/api/payments/v1/settlements/${id}`), producerNames()]);
    reconciliation = await call<Reconciliation>(
      `/api/payments/v1/reconciliations?organisationId=${app.me?.organisationId}&fortnightStart=${view.periodStart}`);
  } catch (e) {
    error = explain(e);
  }
  if (!view) return html`<h1>Liquidación</h1><p class="error" role="alert">${error}</p><a class="button" href="#/tesoreria">Volver</a>`;
  const v = view;
  const unpaid = v.producers.filter((p) => !p.paidOn);
  const closed = v.status === 'CLOSED';
  return html`
    <h1>Quincena ${day(v.periodStart)} al ${day(v.periodEnd)}</h1>
    <p data-status=${v.status}><strong>${closed ? 'Cerrada: ya no cambia' : 'Abierta: puede recalcularse'}</strong>
      ${v.waitingLots > 0 ? html` · <span class="warn-text">${v.waitingLots} lotes aún no llegan a pagos</span>` : nothing}</p>
    ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
    ${progress()}
    <dl class="counters money">
      <div><dt>Bruto</dt><dd data-total="gross">${money(v.gross)}</dd></div>
      <div><dt>Descuentos</dt><dd>${money(v.deductions)}</dd></div>
      <div><dt>Neto</dt><dd data-total="net">${money(v.net)}</dd></div>
    </dl>
    ${!closed ? html`<div class="actions">
      <button class="button" ?disabled=${busy !== null} @click=${() => act('Recalculando…', () => settle(v.periodStart))}
        >Recalcular</button>
      <button class="button danger" ?disabled=${busy !== null} @click=${() => {
        if (confirm('Cerrar la quincena es definitivo: sus cifras ya no cambiarán y las correcciones irán en la siguiente. ¿Cerrar?')) {
          void act('Cerrando…', async () => { await call(`/api/payments/v1/settlements/${v.id}/closing`, { method: 'POST', body: {}, timeoutMs: 600000 }); });
        }
      }}>Cerrar quincena</button></div>` : nothing}
    ${closed && unpaid.length > 0 ? html`<form class="pay-all" @submit=${(e: Event) => {
      e.preventDefault();
      void act(`Registrando ${unpaid.length} pagos…`, async () => {
        await pay(v.id, unpaid.map((p) => p.producerId));
      });
    }}>
      <label class="field" for="paid-on">Fecha de pago</label>
      <input id="paid-on" type="date" .value=${paidOn} max=${limaDate()} @input=${(e: Event) => { paidOn = (e.target as HTMLInputElement).value; }}>
      <button class="button primary" type="submit" ?disabled=${busy !== null}>Pagar a todos (${unpaid.length})</button>
    </form>` : nothing}
    <div class="actions">
      <a class="button" href="/api/payments/v1/settlements/${v.id}/statements" @click=${(e: Event) => {
        e.preventDefault(); void download(`/api/payments/v1/settlements/${v.id}/statements`, `liquidaciones-${v.periodStart}.pdf`);
      }}>Todas las liquidaciones (PDF)</a>
      ${csvButton(`/api/payments/v1/settlements/${v.id}`, `liquidacion-${v.periodStart}.csv`)}
    </div>
    ${reconciliation ? reconciliationView(reconciliation, v.periodStart) : nothing}
    <div class="table-wrap" tabindex="0" role="region" aria-label="Socios"><table class="stack">
      <caption>Socios (${v.producers.length})</caption>
      <thead><tr><th scope="col">Socio</th><th scope="col" class="num">Bruto</th><th scope="col" class="num">Descuentos</th>
        <th scope="col" class="num">Neto</th><th scope="col">Pago</th><th scope="col">PDF</th></tr></thead>
      <tbody>${page(`socios-${v.id}`, v.producers).map((p) => html`<tr data-producer=${p.producerId}>
        <td data-label="Socio"><a href="#/liquidacion/${v.id}/socio/${p.producerId}">${names.get(p.producerId)?.name ?? p.producerId.slice(0, 8)}</a>
          <br><small>DNI ${names.get(p.producerId)?.nationalId ?? '—'}</small></td>
        <td data-label="Bruto" class="num">${money(p.gross)}</td><td data-label="Descuentos" class="num">${money(p.deductions)}</td>
        <td data-label="Neto" class="num"><strong>${money(p.net)}</strong></td>
        <td data-label="Pago" data-paid=${p.paidOn ?? ''}>${p.paidOn ? `pagado ${day(p.paidOn)}${p.daysLate > 0 ? ` (${p.daysLate} d tarde)` : ''}` : `vence ${day(p.dueDate)}`}
          ${closed && !p.paidOn ? html`<button class="link" ?disabled=${busy !== null} @click=${() => act('Registrando el pago…', () => pay(v.id, [p.producerId]))}
            >Pagar</button>` : nothing}</td>
        <td data-label="Liquidación"><button class="link" @click=${() => download(`/api/payments/v1/settlements/${v.id}/statements/${p.producerId}`,
          `liquidacion-${names.get(p.producerId)?.nationalId ?? p.producerId}-${v.periodStart}.pdf`)}>PDF</button></td>
      </tr>`)}</tbody>
    </table></div>
    ${more(`socios-${v.id}`, v.producers.length)}
    <a class="button" href="#/tesoreria">Volver a las quincenas</a>`;
}

function reconciliationView(r: Reconciliation, fortnight: string) {
  return html`<section class="reconciliation" aria-labelledby="rec-title">
    <h2 id="rec-title">Conciliación con el comprador</h2>
    ${r.buyers.map((b) => html`<p>${quantity(b.quantityCollected, b.unit)} acopiados, ${quantity(b.quantityPaidFor, b.unit)} pagados
      por el comprador (merma ${quantity(b.shrinkage, b.unit)}, ${b.shrinkagePercent} %); recibido ${money(b.amountReceived)},
      adeudado a socios ${money(b.grossOwed)}, margen ${money(b.margin)}.
      <a href="#/comprador/${b.buyerId}">Lo que debe el comprador, por quincena</a></p>`)}
    <p>Descuentos recuperados ${money(r.totals.deductionsRecovered)} · neto pagado ${money(r.totals.netPaid)} de ${money(r.totals.netOwed)}</p>
    ${r.discrepancies.length === 0 ? html`<p class="ok-text">Sin observaciones.</p>` : html`<ul class="flags">
      ${r.discrepancies.map((d) => html`<li data-flag=${d.kind}><strong>${FLAG_NAMES[d.kind] ?? d.kind}:</strong> ${d.message}</li>`)}</ul>`}
    ${csvButton(`/api/payments/v1/reconciliations?organisationId=${app.me?.organisationId}&fortnightStart=${fortnight}`,
      `conciliacion-${fortnight}.csv`)}
  </section>`;
}

/**
 * Starts a settlement run in the background and follows its steps until it ends: a fortnight of
 * thousands of members takes a while, and the treasurer sees how far it got. The run's id is chosen
 * here, so a repeated click or a retry after a dropped connection asks about the same run.
 */
async function settle(fortnight: string): Promise<void> {
  const runId = crypto.randomUUID();
  run = null;
  const first = await call<Run | SettlementView>('/api/payments/v1/settlements/runs', { method: 'POST', timeoutMs: 600000,
    headers: { Prefer: 'respond-async' }, body: { organisationId: app.me?.organisationId, fortnightStart: fortnight, runId } });
  if (!('stepsTotal' in first)) { // a service that answered at once, without a run to follow
    go(`#/liquidacion/${first.id}`);
    return;
  }
  run = first;
  try {
    while (run.status === 'RUNNING') {
      void refresh();
      await new Promise((resolve) => setTimeout(resolve, 400));
      run = await call<Run>(`/api/payments/v1/settlements/runs/${runId}`);
    }
    if (run.status === 'FAILED') throw new Error(`no se pudo liquidar la quincena: ${run.reason ?? run.error ?? 'error desconocido'}`);
    if (run.settlementId) go(`#/liquidacion/${run.settlementId}`);
  } finally {
    run = null;
  }
}

/** The calculation's steps (SettlementCalculation) as the treasurer reads them; the step shown is the last one done. */
const STEP_NAMES: Record<string, string> = {
  cleared: 'cálculo anterior borrado', 'lot lines': 'lotes valorizados', adjustments: 'ajustes', 'volume bonus': 'bono por volumen',
  'shortfall penalty': 'penalidad por faltante', 'producer totals': 'totales por socio', deductions: 'descuentos',
};

function progress() {
  if (!busy) return nothing;
  return html`<div class="notice progress" role="status">
    ${run ? html`<progress max=${run.stepsTotal} value=${run.stepsDone} aria-label="Avance de la liquidación"></progress>
      <span>${busy} paso ${Math.min(run.stepsDone + 1, run.stepsTotal)} de ${run.stepsTotal}${run.step ? ` (${STEP_NAMES[run.step] ?? run.step})` : ''}</span>`
      : html`<progress aria-label=${busy}></progress> ${busy}`}
  </div>`;
}

/** What payments-service answers for a batch of payouts: each RECORDED, UNCHANGED (paid before) or REFUSED. */
interface PayoutBatchResult {
  results: { producerId: string; outcome: 'RECORDED' | 'UNCHANGED' | 'REFUSED'; problem: { detail: string } | null }[];
}

const PAYOUTS_PER_REQUEST = 1000;

/**
 * Records the members' payouts on the date chosen, a thousand per request: the answer is a line per
 * member, not the whole fortnight again. A refused payout does not stop the others; it is named after.
 */
async function pay(settlementId: string, producerIds: string[]): Promise<void> {
  const refused: string[] = [];
  for (let i = 0; i < producerIds.length; i += PAYOUTS_PER_REQUEST) {
    const payouts = producerIds.slice(i, i + PAYOUTS_PER_REQUEST).map((producerId) => ({ producerId, paidOn }));
    const answer = await call<PayoutBatchResult>(`/api/payments/v1/settlements/${settlementId}/payouts/batch`,
      { method: 'POST', body: { payouts } });
    for (const r of answer.results.filter((x) => x.outcome === 'REFUSED')) {
      refused.push(`${names.get(r.producerId)?.name ?? r.producerId.slice(0, 8)}: ${r.problem?.detail ?? 'rechazado'}`);
    }
  }
  if (refused.length > 0) {
    throw new Error(`${refused.length === 1 ? 'un pago no se registró' : `${refused.length} pagos no se registraron`}. ${refused.join('; ')}`);
  }
}

async function download(path: string, file: string): Promise<void> {
  if (!await downloadPdf(path, file)) {
    error = 'No se pudo descargar el PDF';
    void refresh();
  }
}
