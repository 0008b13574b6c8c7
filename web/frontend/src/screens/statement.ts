// One member's fortnight on screen, line by line, for the treasurer to review before closing: every
// lot with its price or the reasons it was rejected, bonuses, penalties, adjustments, each deduction
// with what is left to recover, and the net. The PDF handed to the producer has the same figures.
import { html, nothing } from 'lit/html.js';
import { call, downloadPdf, explain } from '../api';
import { go } from '../app';
import { CHARGE_KINDS, SHIFT_NAMES, day, money, quantity, readingText } from '../format';
import { more, page } from '../paging';
import { csvButton } from '../downloads';
import { names, producerNames } from './treasury';

interface Line { kind: string; lotId: string | null; deliveryDate: string | null; shift: 'MORNING' | 'AFTERNOON' | null;
  quantity: number | null; unit: string | null; unitPrice: number | null; amount: number;
  detail: { reasons?: { message?: string }[]; readings?: Record<string, number | boolean | string | null> } | null }
interface Deduction { chargeId: string; chargeKind: string; description: string; instalment: number; due: number;
  applied: number; remaining: number }
interface Statement { settlementId: string; producerId: string; producerName: string; producerNationalId: string | null;
  organisationName?: string | null; buyerNames?: string[]; periodStart: string; periodEnd: string; settlementStatus: string;
  lines: Line[]; deductions: Deduction[]; gross: number; totalDeductions: number; net: number; dueDate: string;
  paidOn: string | null; daysLate: number }

const LINE_NAMES: Record<string, string> = { VOLUME_BONUS: 'Bono por volumen', SHORTFALL_PENALTY: 'Penalidad por faltante',
  ADJUSTMENT: 'Ajuste de una quincena cerrada', INCENTIVE: 'Incentivo por calidad' };

/** The readings the lot was priced or rejected by, as the producer's receipt words them. */
function readings(l: Line): string {
  return Object.entries(l.detail?.readings ?? {}).map(([parameter, v]) => readingText(
    typeof v === 'boolean' ? { parameter, result: v } : { parameter, value: v })).join(' · ');
}

export async function statementScreen([settlementId, producerId]: string[]) {
  const path = `/api/payments/v1/settlements/${settlementId}/statements/${producerId}`;
  let s: Statement;
  try {
    [s] = await Promise.all([call<Statement>(path), producerNames()]);
  } catch (e) {
    return html`<h1>Liquidación del socio</h1><p class="error" role="alert">${explain(e)}</p>
      <a class="button" href="#/liquidacion/${settlementId}">Volver</a>`;
  }
  const lots = s.lines.filter((l) => l.kind === 'LOT' || l.kind === 'REJECTED');
  const others = s.lines.filter((l) => l.kind !== 'LOT' && l.kind !== 'REJECTED');
  const key = `lineas-${settlementId}-${producerId}`;
  return html`
    <h1>${s.producerName}</h1>
    <p>DNI ${s.producerNationalId ?? names.get(producerId)?.nationalId ?? '—'} · quincena ${day(s.periodStart)} al ${day(s.periodEnd)}
      ${s.organisationName ? html`<br>${s.organisationName}` : nothing}
      ${s.buyerNames?.length ? html`<br>Comprador: ${s.buyerNames.join(', ')}` : nothing}</p>
    <dl class="counters money">
      <div><dt>Bruto</dt><dd>${money(s.gross)}</dd></div>
      <div><dt>Descuentos</dt><dd>${money(s.totalDeductions)}</dd></div>
      <div><dt>Neto</dt><dd data-total="net">${money(s.net)}</dd></div>
    </dl>
    <p>${s.paidOn ? `Pagado el ${day(s.paidOn)}${s.daysLate > 0 ? ` (${s.daysLate} días tarde)` : ''}` : `Fecha de pago ${day(s.dueDate)}`}</p>
    <div class="actions">
      <button class="button" @click=${() => void downloadPdf(path, `liquidacion-${s.producerNationalId ?? producerId}-${s.periodStart}.pdf`)}
        >Liquidación (PDF)</button>
      ${csvButton(path, `liquidacion-${s.producerNationalId ?? producerId}-${s.periodStart}.csv`)}
    </div>
    <div class="table-wrap" tabindex="0" role="region" aria-label="Entregas"><table class="stack">
      <caption>Entregas (${lots.length})</caption>
      <thead><tr><th scope="col">Día</th><th scope="col">Cantidad</th><th scope="col">Precio o motivo</th>
        <th scope="col" class="num">Importe</th></tr></thead>
      <tbody>${page(key, lots).map((l) => html`<tr data-line=${l.kind}>
        <td>${l.deliveryDate ? day(l.deliveryDate) : ''} ${l.shift ? SHIFT_NAMES[l.shift] : ''}</td>
        <td class="num" data-label="Cantidad">${l.quantity === null ? '' : quantity(l.quantity, l.unit ?? '')}</td>
        <td>${l.kind === 'REJECTED' ? html`<strong class="bad-text">Rechazado</strong>
            ${(l.detail?.reasons ?? []).map((r) => html`<br><small>${r.message ?? ''}</small>`)}`
          : html`${money(l.unitPrice ?? 0)} por ${l.unit ?? 'unidad'}`}
          ${readings(l) ? html`<br><small>${readings(l)}</small>` : nothing}</td>
        <td class="num" data-label="Importe">${money(l.amount)}</td></tr>`)}</tbody>
    </table></div>
    ${more(key, lots.length)}
    ${others.length ? html`<h2>Bonos, penalidades y ajustes</h2><ul>${others.map((l) => html`<li data-line=${l.kind}>
      ${LINE_NAMES[l.kind] ?? l.kind}: ${money(l.amount)}</li>`)}</ul>` : nothing}
    <h2>Descuentos</h2>
    ${s.deductions.length === 0 ? html`<p class="empty">Sin descuentos esta quincena</p>` : html`
      <div class="table-wrap" tabindex="0" role="region" aria-label="Descuentos"><table class="stack">
        <thead><tr><th scope="col">Cargo</th><th scope="col" class="num">Armada</th><th scope="col" class="num">Descontado</th>
          <th scope="col" class="num">Falta</th></tr></thead>
        <tbody>${s.deductions.map((d) => html`<tr data-deduction=${d.chargeId}>
          <td>${CHARGE_KINDS[d.chargeKind] ?? d.chargeKind}: ${d.description}</td>
          <td class="num" data-label="Armada">${d.instalment}</td>
          <td class="num" data-label="Descontado">${money(d.applied)}</td>
          <td class="num" data-label="Falta">${money(d.remaining)}</td></tr>`)}</tbody>
      </table></div>`}
    <a class="button" href="#/liquidacion/${settlementId}" @click=${(e: Event) => { e.preventDefault(); go(`#/liquidacion/${settlementId}`); }}
      >Volver a la quincena</a>`;
}
