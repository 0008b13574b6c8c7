// Where people would rather look than read: litres and acceptance per day at a centre, the networks'
// solids over the last fortnights, and (for the treasurer and the auditor) the money and the shrinkage
// per fortnight. Each chart comes with its figures in a table.
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { ApiError, call, explain } from '../api';
import { app, go, hasRole, refresh } from '../app';
import { chart } from '../charts';
import { addDays, day, fortnightStart, fortnightsBefore, limaDate, money, quantity } from '../format';
import type { Reconciliation, SettlementSummary } from './treasury';

interface DailyTotal { date: string; product: string; unit: string; lots: number; rejected: number; quantity: number;
  acceptedQuantity: number }
interface TrendPoint { groupId: string | null; fortnightStart: string; lots: number; quantity: number; average: number | null }
interface Centre { id: string; name: string }

const FORTNIGHTS = 6;
let centreId = '';
let days = 30;

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : null);
const shortDay = (iso: string) => day(iso).slice(0, 5);

export async function indicatorsScreen(): Promise<TemplateResult> {
  const me = app.me;
  if (!me) {
    go('#/entrar');
    return html``;
  }
  const org = me.organisationId;
  const today = limaDate();
  const since = fortnightsBefore(fortnightStart(today), FORTNIGHTS - 1);
  const money_ = hasRole('treasurer') || hasRole('auditor');
  const [centres, daily, trend, settlements] = await Promise.all([
    optional(call<Centre[]>(`/api/lots/v1/collection-centres?organisationId=${org}`)),
    optional(call<DailyTotal[]>(`/api/lots/v1/lot-statistics/daily?organisationId=${org}&from=${addDays(today, 1 - days)}&to=${today}`
      + (centreId ? `&centreId=${centreId}` : ''))),
    optional(call<TrendPoint[]>(`/api/lots/v1/lot-statistics/quality-trend?organisationId=${org}&from=${since}&to=${today}`)),
    money_ ? optional(call<SettlementSummary[]>(`/api/payments/v1/settlements?organisationId=${org}`))
      : Promise.resolve({ value: null } as { value: SettlementSummary[] | null; error?: string }),
  ]);
  const recent = (settlements.value ?? []).filter((s) => s.periodStart >= since)
    .sort((a, b) => a.periodStart.localeCompare(b.periodStart));
  const [networks, reconciliations] = await Promise.all([
    networkNames(trend.value ?? []),
    Promise.all(recent.map((s) => optional(call<Reconciliation>(
      `/api/payments/v1/reconciliations?organisationId=${org}&fortnightStart=${s.periodStart}`)))),
  ]);
  const failures = [centres, daily, trend, settlements, ...reconciliations].map((r) => r?.error).filter(Boolean);
  return html`
    <div class="wide">
      <h1>Indicadores</h1>
      ${failures.length ? html`<p class="error" role="alert">${failures[0]}</p>` : nothing}
      <div class="filters">
        <div><label class="field" for="centre">Centro de acopio</label>
        <select id="centre" @change=${(e: Event) => { centreId = (e.target as HTMLSelectElement).value; void refresh(); }}>
          <option value="" ?selected=${centreId === ''}>Todos los centros</option>
          ${(centres.value ?? []).map((c) => html`<option value=${c.id} ?selected=${c.id === centreId}>${c.name}</option>`)}
        </select></div>
        <div><label class="field" for="days">Periodo</label>
        <select id="days" @change=${(e: Event) => { days = Number((e.target as HTMLSelectElement).value); void refresh(); }}>
          ${[15, 30, 90].map((d) => html`<option value=${d} ?selected=${d === days}>Últimos ${d} días</option>`)}
        </select></div>
      </div>
      <div class="charts">
        ${daily.value ? dailyChart(daily.value) : nothing}
        ${trend.value ? trendChart(trend.value, networks) : nothing}
        ${settlements.value ? moneyChart(recent) : nothing}
        ${settlements.value ? shrinkageChart(recent, reconciliations.map((r) => r.value)) : nothing}
      </div>
      <a class="button" href="#/">Volver</a>
    </div>`;
}

function dailyChart(rows: DailyTotal[]): TemplateResult {
  // Litres only: milk is what the centres receive every day; other products have their own unit.
  const unit = rows[0]?.unit ?? 'L';
  const same = rows.filter((r) => r.unit === unit);
  const total = same.reduce((s, r) => s + Number(r.quantity), 0);
  const accepted = same.reduce((s, r) => s + Number(r.acceptedQuantity), 0);
  return chart('daily', `${unit === 'L' ? 'Litros' : unit} y aceptación por día`,
    `${quantity(total, unit)} recibidos en ${same.length} días, ${percent(accepted, total) ?? 0} % aceptado.`, {
      labels: same.map((r) => shortDay(r.date)),
      series: [
        { label: `Aceptado (${unit})`, data: same.map((r) => Number(r.acceptedQuantity)), stack: 'q' },
        { label: `Rechazado (${unit})`, data: same.map((r) => Number(r.quantity) - Number(r.acceptedQuantity)), stack: 'q' },
        { label: 'Aceptación (%)', data: same.map((r) => percent(Number(r.acceptedQuantity), Number(r.quantity))),
          kind: 'line', axis: 'right' },
      ],
      left: unit, right: '% aceptado',
    }, html`<div class="table-wrap" tabindex="0" role="region" aria-label="Cifras por día"><table class="stack">
      <thead><tr><th scope="col">Día</th><th scope="col" class="num">Lotes</th><th scope="col" class="num">Rechazados</th>
        <th scope="col" class="num">Recibido</th><th scope="col" class="num">Aceptado</th><th scope="col" class="num">%</th></tr></thead>
      <tbody>${same.map((r) => html`<tr data-day=${r.date}><td>${day(r.date)}</td><td class="num" data-label="Lotes">${r.lots}</td>
        <td class="num" data-label="Rechazados">${r.rejected}</td><td class="num" data-label="Recibido">${quantity(r.quantity, unit)}</td>
        <td class="num" data-label="Aceptado">${quantity(r.acceptedQuantity, unit)}</td>
        <td class="num" data-label="%">${percent(Number(r.acceptedQuantity), Number(r.quantity)) ?? '—'}</td></tr>`)}</tbody>
    </table></div>`);
}

function trendChart(points: TrendPoint[], networks: Map<string, string>): TemplateResult {
  const fortnights = [...new Set(points.map((p) => p.fortnightStart))].sort();
  const groups = [...new Set(points.map((p) => p.groupId ?? ''))];
  const name = (g: string) => (g ? networks.get(g) ?? `Red ${g.slice(0, 4)}` : 'Sin red');
  const value = (g: string, f: string) => points.find((p) => (p.groupId ?? '') === g && p.fortnightStart === f)?.average ?? null;
  return chart('solids', 'Sólidos totales por red (promedio ponderado por litros)',
    `${groups.length} redes en ${fortnights.length} quincenas.`, {
      labels: fortnights.map(shortDay),
      series: groups.map((g) => ({ label: name(g), data: fortnights.map((f) => value(g, f)), kind: 'line' as const })),
      left: '% sólidos totales',
    }, html`<div class="table-wrap" tabindex="0" role="region" aria-label="Sólidos por red"><table>
      <thead><tr><th scope="col">Red</th>${fortnights.map((f) => html`<th scope="col" class="num">${day(f)}</th>`)}</tr></thead>
      <tbody>${groups.map((g) => html`<tr><th scope="row">${name(g)}</th>
        ${fortnights.map((f) => html`<td class="num">${value(g, f) ?? '—'}</td>`)}</tr>`)}</tbody>
    </table></div>`);
}

function moneyChart(settlements: SettlementSummary[]): TemplateResult {
  return chart('money', 'Bruto, descuentos y neto por quincena', `${settlements.length} quincenas liquidadas.`, {
    labels: settlements.map((s) => shortDay(s.periodStart)),
    series: [
      { label: 'Bruto (S/)', data: settlements.map((s) => Number(s.gross)) },
      { label: 'Descuentos (S/)', data: settlements.map((s) => Number(s.deductions)) },
      { label: 'Neto (S/)', data: settlements.map((s) => Number(s.net)) },
    ],
    left: 'S/',
  }, html`<div class="table-wrap" tabindex="0" role="region" aria-label="Dinero por quincena"><table class="stack">
    <thead><tr><th scope="col">Quincena</th><th scope="col" class="num">Bruto</th><th scope="col" class="num">Descuentos</th>
      <th scope="col" class="num">Neto</th></tr></thead>
    <tbody>${settlements.map((s) => html`<tr data-fortnight=${s.periodStart}><td>${day(s.periodStart)}</td>
      <td class="num" data-label="Bruto">${money(s.gross)}</td><td class="num" data-label="Descuentos">${money(s.deductions)}</td>
      <td class="num" data-label="Neto">${money(s.net)}</td></tr>`)}</tbody>
  </table></div>`);
}

function shrinkageChart(settlements: SettlementSummary[], reconciliations: (Reconciliation | null)[]): TemplateResult {
  const rows = settlements.map((s, i) => {
    const buyers = reconciliations[i]?.buyers ?? [];
    const collected = buyers.reduce((sum, b) => sum + Number(b.quantityCollected), 0);
    const shrinkage = buyers.reduce((sum, b) => sum + Number(b.shrinkage), 0);
    return { start: s.periodStart, unit: buyers[0]?.unit ?? 'L', collected, shrinkage, known: buyers.length > 0 };
  }).filter((r) => r.known);
  return chart('shrinkage', 'Merma por quincena (acopiado menos pagado por el comprador)',
    `${rows.length} quincenas con pago del comprador.`, {
      labels: rows.map((r) => shortDay(r.start)),
      series: [
        { label: 'Merma', data: rows.map((r) => r.shrinkage) },
        { label: 'Merma (%)', data: rows.map((r) => percent(r.shrinkage, r.collected)), kind: 'line', axis: 'right' },
      ],
      left: rows[0]?.unit ?? 'L', right: '%',
    }, html`<div class="table-wrap" tabindex="0" role="region" aria-label="Merma por quincena"><table class="stack">
      <thead><tr><th scope="col">Quincena</th><th scope="col" class="num">Acopiado</th><th scope="col" class="num">Merma</th>
        <th scope="col" class="num">%</th></tr></thead>
      <tbody>${rows.map((r) => html`<tr><td>${day(r.start)}</td><td class="num" data-label="Acopiado">${quantity(r.collected, r.unit)}</td>
        <td class="num" data-label="Merma">${quantity(r.shrinkage, r.unit)}</td>
        <td class="num" data-label="%">${percent(r.shrinkage, r.collected) ?? '—'}</td></tr>`)}</tbody>
    </table></div>`);
}

/** The networks' names, from contracts-service (a handful per association). */
async function networkNames(points: TrendPoint[]): Promise<Map<string, string>> {
  const ids = [...new Set(points.map((p) => p.groupId).filter((g): g is string => g !== null))];
  const found = await Promise.all(ids.map((id) => optional(call<{ id: string; name: string }>(`/api/contracts/v1/organisations/${id}`))));
  return new Map(found.flatMap((f) => (f.value ? [[f.value.id, f.value.name] as [string, string]] : [])));
}

/** A figure the user's role may not see (403) is left out rather than failing the screen. */
async function optional<T>(promise: Promise<T>): Promise<{ value: T | null; error?: string }> {
  try {
    return { value: await promise };
  } catch (e) {
    if (e instanceof ApiError && e.status === 403) return { value: null };
    return { value: null, error: explain(e) };
  }
}
