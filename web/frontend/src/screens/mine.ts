// A producer's own: what they were paid and when, what they delivered with each verdict, and what
// they still owe for feed or services bought on credit. Large figures, short words, on a shared phone.
import { html, nothing } from 'lit/html.js';
import { call, downloadPdf, explain } from '../api';
import { app, go, refresh } from '../app';
import type { Charge, LotReceipt } from '../domain/types';
import { CHARGE_KINDS, addDays, readingText, SHIFT_NAMES, VERDICT_NAMES, day, limaDate, money, quantity } from '../format';
import { csvButton } from '../downloads';
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

export async function mineScreen() {
  const me = app.me;
  if (!me?.producerId) {
    go('#/');
    return html``;
  }
  const today = limaDate();
  const [statements, deliveries, charges] = await Promise.allSettled([
    call<StatementSummary[]>('/api/payments/v1/statements'),
    call<{ lots: LotReceipt[] }>(`/api/lots/v1/lots?producerId=${me.producerId}&from=${addDays(today, -30)}&to=${today}`),
    call<Charge[]>('/api/payments/v1/charges'),
  ]);
  const failed = [statements, deliveries, charges].find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
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
        ${newestFirst(deliveries.value.lots).slice(0, allDeliveries ? undefined : 10).map((l) => html`<li class="card delivery" data-lot=${l.id}>
          <p><strong>${day(l.deliveryDate)}</strong> ${l.shift ? SHIFT_NAMES[l.shift] : ''} · ${quantity(l.quantity, l.unit)}</p>
          <p class="badge ${l.status === 'VOIDED' ? 'voided' : l.verdict === 'ACCEPTED' ? 'ok' : 'bad'}">${l.status === 'VOIDED' ? 'ANULADO' : VERDICT_NAMES[l.verdict]}</p>
          ${l.reasons.length ? html`<ul class="reasons">${l.reasons.map((r) => html`<li>${r.message}</li>`)}</ul>` : nothing}
          ${l.readings.length ? html`<p class="small">${l.readings.map((r) => readingText(r)).join(' · ')}</p>` : nothing}
        </li>`)}
      </ul>
      ${csvButton(`/api/lots/v1/lots?producerId=${me.producerId}&from=${addDays(today, -30)}&to=${today}`, 'mis-entregas.csv',
        'Descargar mis entregas (CSV)')}
      ${!allDeliveries && deliveries.value.lots.length > 10 ? html`<button class="button"
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
      <button class="button" @click=${signOut}>Salir</button>
    </div>`;
}

function newestFirst(lots: LotReceipt[]): LotReceipt[] {
  return [...lots].sort((a, b) => b.deliveredAt.localeCompare(a.deliveredAt));
}

async function statementPdf(s: StatementSummary): Promise<void> {
  if (!await downloadPdf(`/api/payments/v1/settlements/${s.settlementId}/statements/${s.producerId}`,
    `liquidacion-${s.periodStart}.pdf`)) {
    app.notice = 'No se pudo descargar la liquidación; intente de nuevo';
    void refresh();
  }
}
