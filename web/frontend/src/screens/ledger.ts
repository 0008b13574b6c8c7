// The purchase ledger (Ley 32434): every purchase from a small producer in the organisation's closed
// fortnights of a period, each with the "liquidación de compra" that evidences it, totals per producer
// and in all; the same rows as CSV and XLSX for the accountant (payments-service writes both files).
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { call, downloadFile, explain } from '../api';
import { app, go, refresh } from '../app';
import { type Period, PERIODS, defaultPeriod, periodOf } from '../domain/period';
import { day, limaDate, money, productName, quantity } from '../format';
import { more, page } from '../paging';
import { errorLine } from './manage';

interface Purchase { producerId: string; documentType: string; nationalId: string; producerName: string; product: string;
  quantity: number | string; unit: string; amount: number | string; purchaseSettlementNumber: string;
  purchaseSettlementDate: string; fortnightStart: string; fortnightEnd: string; settlementId: string }
interface ProducerTotal { producerId: string; documentType: string; nationalId: string; producerName: string;
  purchaseSettlements: number; amount: number | string }
interface Ledger { organisationId: string; organisationName: string | null; from: string; to: string; purchases: Purchase[];
  producers: ProducerTotal[]; total: number | string }

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let period: Period = defaultPeriod(limaDate());
let downloadError: string | null = null;

/** #/registro-compras */
export async function ledgerScreen(): Promise<TemplateResult> {
  if (!app.me) {
    go('#/entrar');
    return html``;
  }
  const path = `/api/payments/v1/purchase-ledger?from=${period.from}&to=${period.to}`;
  let ledger: Ledger | null = null;
  let error: string | null = null;
  try {
    ledger = await call<Ledger>(path);
  } catch (e) {
    error = explain(e);
  }
  const file = `registro-compras-${period.from}-${period.to}`;
  return html`
    <div class="wide">
    <h1>Registro de compras (Ley 32434)</h1>
    <p class="hint">Compras a pequeños productores en las quincenas cerradas del periodo, con la liquidación de compra que las
      sustenta${ledger?.organisationName ? html` · <strong>${ledger.organisationName}</strong>` : nothing}.</p>
    <div class="filters">
      <div class="form-field"><label class="field" for="preset">Periodo</label>
        <select id="preset" @change=${(e: Event) => { period = periodOf((e.target as HTMLSelectElement).value, limaDate()); void refresh(); }}>
          ${Object.entries(PERIODS).map(([k, name]) => html`<option value=${k} ?selected=${k === period.kind}>${name}</option>`)}
        </select></div>
      <div class="form-field"><label class="field" for="from">Desde</label>
        <input id="from" type="date" max=${limaDate()} .value=${period.from} @change=${(e: Event) => choose('from', e)}></div>
      <div class="form-field"><label class="field" for="to">Hasta</label>
        <input id="to" type="date" .value=${period.to} @change=${(e: Event) => choose('to', e)}></div>
    </div>
    ${errorLine(error)}
    ${errorLine(downloadError)}
    ${ledger ? body(ledger, path, file) : nothing}
    <a class="button" href="#/">Volver</a>
    </div>`;
}

function choose(end: 'from' | 'to', e: Event): void {
  const value = (e.target as HTMLInputElement).value;
  if (!value) return;
  period = { ...period, kind: 'custom', [end]: value };
  if (period.from > period.to) period = end === 'from' ? { ...period, to: value } : { ...period, from: value };
  void refresh();
}

function body(ledger: Ledger, path: string, file: string): TemplateResult {
  return html`
    <dl class="counters figures">
      <div class="whole"><dt>Total comprado</dt><dd data-total="ledger">${money(ledger.total)}</dd></div>
      <div><dt>Productores</dt><dd data-total="producers">${ledger.producers.length}</dd></div>
      <div><dt>Compras</dt><dd data-total="purchases">${ledger.purchases.length}</dd></div>
    </dl>
    <div class="actions">
      <button class="button" data-download="csv" @click=${() => void download(path, 'text/csv', `${file}.csv`)}>Descargar CSV</button>
      <button class="button" data-download="xlsx" @click=${() => void download(path, XLSX, `${file}.xlsx`)}>Descargar Excel</button>
    </div>
    ${ledger.purchases.length === 0 ? html`<p class="empty">Sin compras a pequeños productores en quincenas cerradas de este periodo</p>` : html`
    <div class="table-wrap" tabindex="0" role="region" aria-label="Totales por productor"><table class="stack">
      <caption>Totales por productor (${ledger.producers.length})</caption>
      <thead><tr><th scope="col">Productor</th><th scope="col">Documento</th><th scope="col" class="num">Liquidaciones</th>
        <th scope="col" class="num">Importe</th></tr></thead>
      <tbody>${page('ledger-producers', ledger.producers).map((p) => html`<tr data-producer=${p.producerId}>
        <td>${p.producerName}</td><td data-label="Documento">${p.documentType} ${p.nationalId}</td>
        <td data-label="Liquidaciones" class="num">${p.purchaseSettlements}</td>
        <td data-label="Importe" class="num" data-amount=${String(p.amount)}><strong>${money(p.amount)}</strong></td></tr>`)}</tbody>
      <tfoot><tr><th scope="row">Total</th><td></td><td></td><td class="num" data-label="Total"><strong>${money(ledger.total)}</strong></td></tr></tfoot>
    </table></div>
    ${more('ledger-producers', ledger.producers.length)}
    <div class="table-wrap" tabindex="0" role="region" aria-label="Compras"><table class="stack">
      <caption>Compras (${ledger.purchases.length})</caption>
      <thead><tr><th scope="col">Liquidación de compra</th><th scope="col">Productor</th><th scope="col">Producto</th>
        <th scope="col" class="num">Cantidad</th><th scope="col" class="num">Importe</th><th scope="col">Quincena</th></tr></thead>
      <tbody>${page('ledger-purchases', ledger.purchases).map((p) => html`<tr data-purchase=${p.purchaseSettlementNumber}>
        <td>${p.purchaseSettlementNumber} <small>del ${day(p.purchaseSettlementDate)}</small></td>
        <td data-label="Productor">${p.producerName}<br><small>${p.documentType} ${p.nationalId}</small></td>
        <td data-label="Producto">${productName(p.product)}</td>
        <td data-label="Cantidad" class="num">${quantity(p.quantity, p.unit)}</td>
        <td data-label="Importe" class="num">${money(p.amount)}</td>
        <td data-label="Quincena">${day(p.fortnightStart)} al ${day(p.fortnightEnd)}</td></tr>`)}</tbody>
    </table></div>
    ${more('ledger-purchases', ledger.purchases.length)}`}`;
}

async function download(path: string, mediaType: string, file: string): Promise<void> {
  downloadError = await downloadFile(path, mediaType, file) ? null : 'No se pudo descargar el archivo; intente de nuevo';
  void refresh();
}
