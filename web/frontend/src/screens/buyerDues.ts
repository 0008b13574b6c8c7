// What a buyer owes and when: per fortnight, what each supplying organisation delivered and had
// accepted under the buyer's agreements, the amount due (final once the fortnight is closed), its due
// date, what the buyer already remitted and the balance. The buyer's manager sees every supplier; an
// association's treasurer sees its own lines.
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { ApiError, call, explain } from '../api';
import { app, go, refresh } from '../app';
import { csvButton } from '../downloads';
import { addDays, day, limaDate, money, productName, quantity } from '../format';

interface DueLine { organisationId: string; organisationName: string | null; product: string; unit: string;
  lotsDelivered: number; quantityDelivered: number; quantityAccepted: number; amountDue: number | null; settled: boolean;
  settlementStatus: 'OPEN' | 'CLOSED' | null; dueDate: string; remitted: number; lastRemittedOn: string | null;
  balance: number | null; overdue: boolean }
interface Fortnight { periodStart: string; periodEnd: string; lines: DueLine[];
  totals: { lotsDelivered: number; amountDue: number | null; remitted: number; balance: number | null; settled: boolean } }
interface BuyerDues { buyerId: string; buyerName: string | null; from: string; to: string; fortnights: Fortnight[] }

let months = 3;

export async function buyerDuesScreen([buyerId]: string[]): Promise<TemplateResult> {
  if (!app.me) {
    go('#/entrar');
    return html``;
  }
  const today = limaDate();
  const query = new URLSearchParams({ from: addDays(today, -30 * months), to: today });
  if (buyerId) query.set('buyerId', buyerId);
  const path = `/api/payments/v1/buyer-dues?${query}`;
  let dues: BuyerDues;
  try {
    dues = await call<BuyerDues>(path);
  } catch (e) {
    // An association is no buyer: its manager chooses among the buyers of its agreements.
    const buyers = !buyerId && e instanceof ApiError && e.status === 404 ? await buyersOfOurAgreements() : [];
    return buyers.length ? chooser(buyers) : html`<h1>Lo que debe el comprador</h1>
      <p class="error" role="alert">${explain(e)}</p><a class="button" href="#/">Volver</a>`;
  }
  // An association buys too, rarely: with nothing owed to it as a buyer, its manager chooses among its buyers.
  const others = buyerId ? [] : await buyersOfOurAgreements();
  if (!buyerId && dues.fortnights.length === 0 && others.length > 0) return chooser(others);
  const open = dues.fortnights.flatMap((f) => f.lines).filter((l) => (l.balance ?? 0) > 0);
  const overdue = open.filter((l) => l.overdue);
  return html`
    <div class="wide">
      <h1>Lo que debe ${dues.buyerName ?? 'el comprador'}</h1>
      <dl class="counters money">
        <div><dt>Saldo por cobrar</dt><dd data-total="balance">${money(open.reduce((s, l) => s + Number(l.balance), 0))}</dd></div>
        <div class=${overdue.length ? 'warn' : ''}><dt>Vencido</dt>
          <dd data-total="overdue">${money(overdue.reduce((s, l) => s + Number(l.balance), 0))}</dd></div>
      </dl>
      <div class="filters"><div><label class="field" for="months">Periodo</label>
        <select id="months" @change=${(e: Event) => { months = Number((e.target as HTMLSelectElement).value); void refresh(); }}>
          ${[1, 3, 6, 12].map((m) => html`<option value=${m} ?selected=${m === months}>Últimos ${m === 1 ? 'mes' : `${m} meses`}</option>`)}
        </select></div></div>
      <p class="hint">El importe adeudado es lo que los socios deben recibir (bruto) por lo aceptado; es provisional mientras la
        quincena está abierta y no se conoce hasta que la organización la liquida.</p>
      ${dues.fortnights.length === 0 ? html`<p class="empty">Sin entregas en este periodo</p>` : nothing}
      ${dues.fortnights.map((f) => fortnight(f))}
      ${dues.fortnights.length ? csvButton(path, `deuda-comprador-${dues.from}-al-${dues.to}.csv`) : nothing}
      <a class="button" href="#/cumplimiento/comprador/${dues.buyerId}">Puntualidad y asistencia técnica del comprador</a>
      <a class="button" href="#/">Volver</a>
    </div>`;
}

function fortnight(f: Fortnight): TemplateResult {
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${`Quincena ${day(f.periodStart)}`}>
    <table class="stack" data-fortnight=${f.periodStart}>
      <caption>Quincena ${day(f.periodStart)} al ${day(f.periodEnd)}</caption>
      <thead><tr><th scope="col">Organización</th><th scope="col" class="num">Entregado</th><th scope="col" class="num">Aceptado</th>
        <th scope="col" class="num">Adeudado</th><th scope="col">Vence</th><th scope="col" class="num">Remitido</th>
        <th scope="col" class="num">Saldo</th></tr></thead>
      <tbody>${f.lines.map((l) => html`<tr data-organisation=${l.organisationId}>
        <td data-label="Organización">${l.organisationName ?? l.organisationId.slice(0, 8)}<br>
          <small>${productName(l.product)} · ${l.lotsDelivered} lotes</small></td>
        <td data-label="Entregado" class="num">${quantity(l.quantityDelivered, l.unit)}</td>
        <td data-label="Aceptado" class="num">${quantity(l.quantityAccepted, l.unit)}</td>
        <td data-label="Adeudado" class="num" data-due=${l.amountDue ?? ''}>${l.amountDue === null ? 'sin liquidar'
          : html`${money(l.amountDue)}<br><small>${l.settled ? 'final' : 'provisional'}</small>`}</td>
        <td data-label="Vence">${day(l.dueDate)}${l.overdue ? html` <strong class="bad-text">vencido</strong>` : nothing}</td>
        <td data-label="Remitido" class="num">${money(l.remitted)}${l.lastRemittedOn ? html`<br><small>${day(l.lastRemittedOn)}</small>` : nothing}</td>
        <td data-label="Saldo" class="num"><strong>${l.balance === null ? '—' : money(l.balance)}</strong></td>
      </tr>`)}</tbody>
      <tfoot><tr><th scope="row">Total</th><td></td><td></td>
        <td class="num" data-label="Adeudado">${f.totals.amountDue === null ? 'incompleto' : money(f.totals.amountDue)}</td><td></td>
        <td class="num" data-label="Remitido">${money(f.totals.remitted)}</td>
        <td class="num" data-label="Saldo">${f.totals.balance === null ? '—' : money(f.totals.balance)}</td></tr></tfoot>
    </table></div>`;
}

function chooser(buyers: { id: string; name: string }[]): TemplateResult {
  return html`<h1>Lo que debe el comprador</h1>
    <p>Elija el comprador:</p>
    <ul class="rows">${buyers.map((b) => html`<li class="row"><a href="#/comprador/${b.id}">${b.name}</a></li>`)}</ul>
    <a class="button" href="#/">Volver</a>`;
}

/** The buyers of the caller's agreements, the caller itself left out. */
async function buyersOfOurAgreements(): Promise<{ id: string; name: string }[]> {
  try {
    const found = await call<{ id: string; name: string }[]>('/api/contracts/v1/organisations/buyers');
    return found.filter((b) => b.id !== app.me?.organisationId);
  } catch {
    return [];
  }
}
