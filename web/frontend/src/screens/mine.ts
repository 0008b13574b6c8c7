// A producer's own: what they were paid and when, what they delivered with each verdict (and a rejection
// they contest, with the claim's outcome), and what they still owe for feed or services bought on credit.
// Large figures, short words, on a shared phone.
import { html, nothing } from 'lit/html.js';
import { call, downloadPdf, explain } from '../api';
import { app, go, refresh } from '../app';
import { type ClaimForm, newClaimForm, sendClaim } from '../claims';
import type { Charge, LotReceipt } from '../domain/types';
import { CHARGE_KINDS, addDays, readingText, SHIFT_NAMES, VERDICT_NAMES, day, limaDate, money, quantity } from '../format';
import { csvButton } from '../downloads';
import { type Dispute, deliveriesInView, disputeText, latestByLot } from '../domain/dispute';
import { signOut } from './login';

interface StatementSummary {
  settlementId: string;
  producerId: string;
  periodStart: string;
  periodEnd: string;
  status: 'OPEN' | 'CLOSED';
  gross: number;
  deductions: number;
  net: number;
  dueDate: string;
  paidOn: string | null;
  daysLate: number;
}

let allDeliveries = false;
/** The contest being written: its id is made once, so sending it twice opens one dispute. */
let contesting: (ClaimForm & { lotId: string }) | null = null;

export async function mineScreen() {
  const me = app.me;
  if (!me?.producerId) {
    go('#/');
    return html``;
  }
  const today = limaDate();
  const [statements, deliveries, charges, disputes] = await Promise.allSettled([
    call<StatementSummary[]>('/api/payments/v1/statements'),
    call<{ lots: LotReceipt[] }>(`/api/lots/v1/lots?producerId=${me.producerId}&from=${addDays(today, -30)}&to=${today}`),
    call<Charge[]>('/api/payments/v1/charges'),
    call<Dispute[]>(`/api/lots/v1/disputes?producerId=${me.producerId}`),
  ]);
  const failed = [statements, deliveries, charges, disputes].find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
  const disputeOf = latestByLot(disputes.status === 'fulfilled' ? disputes.value : []);
  const inView = deliveries.status === 'fulfilled' ? deliveriesInView(deliveries.value.lots, allDeliveries) : [];
  const owed = charges.status === 'fulfilled' ? charges.value.reduce((sum, c) => sum + Number(c.remaining), 0) : 0;
  return html`
    <div class="mine">
      <h1>Hola, ${me.name.split(' ')[0]}</h1>
      ${failed ? html`<p class="error" role="alert">${explain(failed.reason)}</p>` : nothing}
      <h2>Mis pagos</h2>
      ${statements.status === 'fulfilled' ? html`<ul class="cards">
        ${statements.value.length === 0 ? html`<li class="empty">Todavía no hay liquidaciones</li>` : nothing}
        ${statements.value.map((s) => html`<li class="card" data-statement=${s.settlementId}>
          <p class="card-title">Quincena ${day(s.periodStart)} al ${day(s.periodEnd)}</p>
          <p class="big-figure">${money(s.net)}</p>
          <p>${s.paidOn ? html`<strong class="ok-text">Pagado el ${day(s.paidOn)}</strong>${s.daysLate > 0 ? ` (${s.daysLate} días tarde)` : ''}`
            : html`<strong class="warn-text">Por pagar</strong> · fecha de pago ${day(s.dueDate)}`}</p>
          <p class="small">Entregado ${money(s.gross)} · descuentos ${money(s.deductions)}${s.status === 'OPEN' ? ' · quincena abierta' : ''}</p>
          <button class="button" @click=${() => statementPdf(s)}>Ver liquidación (PDF)</button>
          ${csvButton(`/api/payments/v1/settlements/${s.settlementId}/statements/${s.producerId}`,
            `liquidacion-${s.periodStart}.csv`, 'Liquidación (CSV)')}
        </li>`)}
      </ul>` : nothing}
      <h2>Mis entregas (30 días)</h2>
      ${deliveries.status === 'fulfilled' ? html`<ul class="cards">
        ${deliveries.value.lots.length === 0 ? html`<li class="empty">Sin entregas en estos días</li>` : nothing}
        ${inView.map((l) => html`<li class="card delivery" data-lot=${l.id}>
          <p><strong>${day(l.deliveryDate)}</strong> ${l.shift ? SHIFT_NAMES[l.shift] : ''} · <span class="qty">${quantity(l.quantity, l.unit)}</span></p>
          <p class="badge ${l.status === 'VOIDED' ? 'voided' : l.verdict === 'ACCEPTED' ? 'ok' : 'bad'}">${l.status === 'VOIDED' ? 'ANULADO' : VERDICT_NAMES[l.verdict]}</p>
          ${l.reasons.length ? html`<ul class="reasons">${l.reasons.map((r) => html`<li>${r.message}</li>`)}</ul>` : nothing}
          ${l.readings.length ? html`<p class="small">${l.readings.map((r) => readingText(r)).join(' · ')}</p>` : nothing}
          ${disputeOf.has(l.id) ? disputeLine(disputeOf.get(l.id) as Dispute)
            : l.verdict === 'REJECTED' && l.status !== 'VOIDED' && disputes.status === 'fulfilled' ? contestPart(l) : nothing}
        </li>`)}
      </ul>
      ${csvButton(`/api/lots/v1/lots?producerId=${me.producerId}&from=${addDays(today, -30)}&to=${today}`, 'mis-entregas.csv',
        'Descargar mis entregas (CSV)')}
      ${inView.length < deliveries.value.lots.length ? html`<button class="button"
        @click=${() => { allDeliveries = true; void refresh(); }}>Ver las ${deliveries.value.lots.length} entregas</button>` : nothing}` : nothing}
      <h2>Mis deudas</h2>
      ${charges.status === 'fulfilled' ? html`
        <p class="big-figure" data-owed>${money(owed)}</p>
        <p class="small">Se descuentan de sus pagos quincenales, en armadas.</p>
        <ul class="cards">${charges.value.map((c) => html`<li class="card">
          <p><strong>${CHARGE_KINDS[c.kind] ?? c.kind}</strong> · ${day(c.chargeDate)}</p>
          <p>${c.description}</p>
          <p>${money(c.amount)} · falta ${money(c.remaining)}</p>
        </li>`)}</ul>
        ${charges.value.length ? csvButton('/api/payments/v1/charges', 'mis-deudas.csv', 'Descargar mis deudas (CSV)') : nothing}` : nothing}
      <h2>Mi acuerdo</h2>
      <p class="small">Cuánto se aceptó de lo entregado, si el comprador paga a tiempo y la asistencia técnica que prometió.</p>
      <a class="button" href="#/cumplimiento/socio/${me.producerId}">Ver el cumplimiento</a>
      <button class="button" @click=${signOut}>Salir</button>
    </div>`;
}

function disputeLine(d: Dispute) {
  return html`<p class="dispute ${d.status === 'OVERTURNED' ? 'ok-text' : d.status === 'UPHELD' ? 'warn-text' : ''}"
    data-dispute=${d.status}>${disputeText(d)}</p>`;
}

// A rejected lot the producer may contest: the button, or the form once opened. The server says whether the
// clause's window is still open; a refusal shows its reason and keeps what was written.
function contestPart(l: LotReceipt) {
  if (contesting?.lotId !== l.id) {
    return html`<button class="button" @click=${() => {
      contesting = { ...newClaimForm(), lotId: l.id }; void refresh();
    }}>Reclamar este rechazo</button>`;
  }
  const c = contesting;
  return html`<form class="contest" @submit=${(e: Event) => { e.preventDefault(); void contest(); }}>
    <label class="field" for="contest-reason">¿Por qué no está de acuerdo?</label>
    <textarea id="contest-reason" rows="3" maxlength="500" data-autofocus .value=${c.reason}
      @input=${(e: Event) => { c.reason = (e.target as HTMLTextAreaElement).value; }}></textarea>
    <p class="small">Se pedirá analizar la contramuestra del lote.</p>
    ${c.error ? html`<p class="error" role="alert">${c.error}</p>` : nothing}
    <div class="actions">
      <button class="button primary" type="submit" ?disabled=${c.sending}>Enviar reclamo</button>
      <button class="button" type="button" @click=${() => { contesting = null; void refresh(); }}>Cancelar</button>
    </div>
  </form>`;
}

async function contest(): Promise<void> {
  const c = contesting;
  if (!c) return;
  if (await sendClaim(c.lotId, c, 'Cuente por qué reclama')) {
    contesting = null;
    app.notice = 'Reclamo enviado: su resultado aparecerá en Mis entregas';
  }
  void refresh();
}


async function statementPdf(s: StatementSummary): Promise<void> {
  if (!await downloadPdf(`/api/payments/v1/settlements/${s.settlementId}/statements/${s.producerId}`,
    `liquidacion-${s.periodStart}.pdf`)) {
    app.notice = 'No se pudo descargar la liquidación; intente de nuevo';
    void refresh();
  }
}
