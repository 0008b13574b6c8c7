// The compliance monitor on screen: for an agreement, a producer's agreements, a network's or a buyer's,
// each fortnight's commitment, deliveries, acceptance and quality, the buyer's payment against its due date,
// the incentive and sanction rules met, the trend, and the assistance promised against what was delivered.
// The association's staff, the buyer's manager and the producer read the same figures.
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { ApiError, call, explain } from '../api';
import { app, go, hasRole, refresh } from '../app';
import {
  type AgreementCompliance, type Compliance, type FortnightCompliance, type FreeAssistanceCost, type Notice, SANCTION_NAMES,
  SCOPE_PATHS, freeAssistanceText, monthName, namesIn, paymentText, percent, punctualityText, qualityText, ruleText, shortfalls, trendText,
} from '../domain/monitor';
import { PARAMETERS, addDays, day, limaDate, productName, quantity } from '../format';
import { ASSISTANCE_KINDS, UNIT_NAMES } from '../domain/agreement';

let months = 3;

const TITLES: Record<string, string> = { acuerdo: 'Cumplimiento del acuerdo', socio: 'Cumplimiento de los acuerdos del socio',
  red: 'Cumplimiento de la red', comprador: 'Cumplimiento del comprador' };

/** #/cumplimiento/{acuerdo|socio|red|comprador}/{id} */
export async function monitorScreen([scope, id]: string[]): Promise<TemplateResult> {
  if (!app.me) {
    go('#/entrar');
    return html``;
  }
  const today = limaDate();
  const query = new URLSearchParams({ from: addDays(today, -30 * months), to: today });
  let compliance: Compliance | null = null;
  let free: FreeAssistanceCost | null = null;
  let error: string | null = null;
  try {
    [compliance, free] = await Promise.all([
      call<Compliance>(`/api/payments/v1/compliance/${SCOPE_PATHS[scope]}/${id}?${query}`),
      freeAssistance(scope, id, query)]);
  } catch (e) {
    // The service answers "not found" alike for what the caller may not see and for what has no agreements.
    error = e instanceof ApiError && e.status === 404 ? 'No hay acuerdos que mostrar aquí (o no le corresponde verlos).'
      : explain(e);
  }
  const names = compliance ? namesIn(compliance) : new Map<string, string>();
  const own = app.me.producerId && scope === 'socio' && id === app.me.producerId;
  return html`
    <div class="wide monitor">
      <h1>${own ? 'Cumplimiento de mi acuerdo' : TITLES[scope] ?? 'Cumplimiento'}</h1>
      ${scope === 'comprador' || scope === 'red' ? html`<p class="who-big">${names.get(id) ?? ''}</p>` : nothing}
      <div class="filters"><div><label class="field" for="monitor-months">Periodo</label>
        <select id="monitor-months" @change=${(e: Event) => { months = Number((e.target as HTMLSelectElement).value); void refresh(); }}>
          ${[1, 3, 6, 12].map((m) => html`<option value=${m} ?selected=${m === months}>Últimos ${m === 1 ? 'mes' : `${m} meses`}</option>`)}
        </select></div></div>
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
      ${compliance ? html`
        <p class="hint">Quincenas del ${day(compliance.from)} al ${day(compliance.to)}. La aceptación es lo aceptado entre lo
          entregado; el pago del comprador vence al cierre de la quincena más el plazo del acuerdo.</p>
        ${compliance.buyers.length > 0 && scope !== 'acuerdo' ? buyersView(compliance, names, free) : nothing}
        ${noticesView(compliance.notices, compliance, names)}
        ${compliance.agreements.map((a) => agreementView(a, names, compliance?.agreements.length === 1))}` : nothing}
      <a class="button" href=${backOf(scope, id)}>Volver</a>
    </div>`;
}

function backOf(scope: string, id: string): string {
  if (scope === 'acuerdo') return `#/acuerdos/${id}`;
  if (scope === 'comprador') return `#/comprador/${id}`;
  if (scope === 'socio') return app.me?.producerId === id ? '#/mio' : `#/socios/${id}`;
  if (scope === 'red') return `#/redes/${id}`;
  return '#/';
}

function partyOf(a: AgreementCompliance, names: Map<string, string>): string {
  return names.get(a.counterpartyId) ?? (a.counterpartyType === 'PRODUCER_GROUP' ? `Red ${a.counterpartyId.slice(0, 8)}`
    : `Productor ${a.counterpartyId.slice(0, 8)}`);
}

function buyerOf(id: string, names: Map<string, string>): string {
  if (names.has(id)) return names.get(id) as string;
  if (id === app.me?.organisationId) return 'su organización';
  return hasRole('producer') ? 'el comprador' : `el comprador ${id.slice(0, 8)}`;
}

/**
 * On a buyer's page, for its staff and the associations' (not producers, whom the service does not answer): what its
 * free assistance cost over the same period, the figure the tax incentive asks for. A refusal only leaves it out.
 */
async function freeAssistance(scope: string, id: string, period: URLSearchParams): Promise<FreeAssistanceCost | null> {
  if (scope !== 'comprador' || (hasRole('producer') && app.me?.roles.length === 1)) return null;
  try {
    return await call<FreeAssistanceCost>(`/api/contracts/v1/assistance/free-cost?${new URLSearchParams([['buyerId', id], ...period])}`);
  } catch {
    return null;
  }
}

function buyersView(c: Compliance, names: Map<string, string>, free: FreeAssistanceCost | null): TemplateResult {
  return html`${c.buyers.map((b) => {
    const short = shortfalls(b.assistance, ASSISTANCE_KINDS);
    return html`<section class="panel" data-buyer=${b.buyerId} aria-label=${`Comprador ${buyerOf(b.buyerId, names)}`}>
      <h2>Pagos y asistencia de ${buyerOf(b.buyerId, names)}</h2>
      <p data-punctuality>${punctualityText(b.punctuality)}</p>
      ${b.assistance.length === 0 ? html`<p>Sus acuerdos no prometen asistencia técnica.</p>`
        : short.length === 0 ? html`<p class="ok-text">Entregó toda la asistencia técnica prometida.</p>`
          : html`<p class="warn-text">Asistencia técnica pendiente:</p><ul data-shortfalls>${short.map((s) => html`<li>${s}</li>`)}</ul>`}
      ${free?.buyerId === b.buyerId ? html`<p data-free-assistance=${String(free.cost)}><strong>Incentivo tributario:</strong>
        ${freeAssistanceText(free)}</p>` : nothing}
    </section>`;
  })}`;
}

function noticesView(notices: Notice[], c: Compliance, names: Map<string, string>): TemplateResult | typeof nothing {
  if (notices.length === 0) return nothing;
  const byAgreement = new Map(c.agreements.map((a) => [a.agreementId, a]));
  return html`<section class="panel warn-panel" aria-labelledby="notices-title">
    <h2 id="notices-title">Avisos</h2>
    <ul>${notices.map((n) => {
      const a = byAgreement.get(n.agreementId);
      return html`<li data-notice=${n.rule}>Quincena del ${day(n.periodStart)}${a ? ` (${partyOf(a, names)})` : ''}:
        ${n.rule === 'UNDER_COMMITMENT' ? 'entrega aceptada bajo el volumen comprometido' : n.rule}
        — <strong>${SANCTION_NAMES[n.action ?? ''] ?? n.action ?? 'aviso'}</strong></li>`;
    })}</ul>
  </section>`;
}

function agreementView(a: AgreementCompliance, names: Map<string, string>, alone: boolean): TemplateResult {
  const unit = UNIT_NAMES[a.unit] ?? a.unit;
  const short = shortfalls(a.assistance, ASSISTANCE_KINDS);
  const staff = !hasRole('producer');
  return html`<section class="panel" data-agreement=${a.agreementId}>
    <h2>${alone && a.counterpartyType === 'PRODUCER' && a.counterpartyId === app.me?.producerId ? 'Mi acuerdo'
      : partyOf(a, names)}</h2>
    <p>${productName(a.product)} para ${buyerOf(a.buyerId, names)}${a.counterpartyType === 'PRODUCER_GROUP'
      ? ' · acuerdo de la red: las cantidades son de toda la red' : ''}
      ${staff ? html` · <a href="#/acuerdos/${a.agreementId}">Ver el acuerdo</a>` : nothing}</p>
    <p data-trend=${a.trend?.direction ?? 'UNKNOWN'}><strong>Aceptación de las últimas quincenas:</strong> ${trendText(a.trend)}</p>
    <p><strong>Pagos del comprador:</strong> ${punctualityText(a.punctuality)}</p>
    ${alone ? details(a, unit, short) : html`<p data-summary>${lastText(a, unit)}${short.length
      ? html` · <span class="warn-text">asistencia técnica pendiente (${short.length})</span>` : nothing}</p>
      <details><summary>Por quincena y asistencia técnica</summary>${details(a, unit, short)}</details>`}
  </section>`;
}

/** The figures of every fortnight and the assistance month by month: open for one agreement, folded among many. */
function details(a: AgreementCompliance, unit: string, short: string[]): TemplateResult {
  const today = limaDate();
  return html`
    ${a.fortnights.length === 0 ? html`<p class="empty">Sin quincenas en el periodo.</p>` : html`
    <div class="table-wrap" tabindex="0" role="region" aria-label="Quincenas">
      <table class="stack">
        <caption>Por quincena</caption>
        <thead><tr><th scope="col">Quincena</th><th scope="col" class="num">Comprometido</th><th scope="col" class="num">Entregado</th>
          <th scope="col" class="num">Aceptado</th><th scope="col" class="num">Aceptación</th><th scope="col">Calidad</th>
          <th scope="col">Pago del comprador</th><th scope="col">Reglas cumplidas</th></tr></thead>
        <tbody>${[...a.fortnights].reverse().map((f) => fortnightRow(f, unit, today))}</tbody>
      </table></div>`}
    ${a.assistance.length === 0 ? nothing : html`
    <div class="table-wrap" tabindex="0" role="region" aria-label="Asistencia técnica">
      <table class="stack" data-assistance>
        <caption>Asistencia técnica: prometida y entregada${short.length ? html` · <span class="warn-text">${short.length} pendiente${short.length > 1 ? 's' : ''}</span>` : nothing}</caption>
        <thead><tr><th scope="col">Mes</th><th scope="col">Asistencia</th><th scope="col" class="num">Prometida</th>
          <th scope="col" class="num">Entregada</th><th scope="col" class="num">Falta</th></tr></thead>
        <tbody>${a.assistance.map((s) => html`<tr data-month=${s.month} data-kind=${s.kind}>
          <td data-label="Mes">${monthName(s.month)}</td><td data-label="Asistencia">${ASSISTANCE_KINDS[s.kind] ?? s.kind}</td>
          <td data-label="Prometida" class="num">${s.promised}</td><td data-label="Entregada" class="num">${s.delivered}</td>
          <td data-label="Falta" class="num">${s.shortfall > 0 ? html`<strong class="warn-text">${s.shortfall}</strong>` : '0'}</td>
        </tr>`)}</tbody>
      </table></div>`}`;
}

/** The latest fortnight with deliveries in a line, for an agreement folded among many. */
function lastText(a: AgreementCompliance, unit: string): string {
  const last = [...a.fortnights].reverse().find((f) => Number(f.delivered ?? 0) > 0);
  return last ? `Quincena del ${day(last.periodStart)}: entregado ${quantity(last.delivered ?? 0, unit)}, aceptado`
    + ` ${quantity(last.accepted ?? 0, unit)} (${percent(last.acceptancePercent)})` : 'Sin entregas en el periodo';
}

/** One fortnight; the one still running is not yet under its commitment, only short of it so far. */
function fortnightRow(f: FortnightCompliance, unit: string, today: string): TemplateResult {
  const running = f.periodEnd >= today;
  return html`<tr data-period=${f.periodStart}>
    <td data-label="Quincena">${day(f.periodStart)} al ${day(f.periodEnd)}${running ? html` <small class="badge">en curso</small>` : nothing}</td>
    <td data-label="Comprometido" class="num">${f.committed === null ? 'sin compromiso' : html`${quantity(f.committed, unit, 0)}
      ${f.threshold !== null ? html`<br><small>mínimo ${quantity(f.threshold, unit, 0)}</small>` : nothing}`}</td>
    <td data-label="Entregado" class="num">${quantity(f.delivered ?? 0, unit)}</td>
    <td data-label="Aceptado" class="num" data-accepted=${f.accepted ?? ''}>${quantity(f.accepted ?? 0, unit)}
      ${f.underCommitment && !running ? html`<br><span class="badge warn" data-under-commitment>bajo el compromiso</span>` : nothing}</td>
    <td data-label="Aceptación" class="num" data-acceptance=${f.acceptancePercent ?? ''}>${percent(f.acceptancePercent)}</td>
    <td data-label="Calidad">${f.quality.length === 0 ? '—' : html`<ul class="plain">${f.quality.map((q) => html`
      <li data-parameter=${q.parameter}>${PARAMETERS[q.parameter]?.name ?? q.parameter}: ${qualityText(q, PARAMETERS[q.parameter]?.unit)}</li>`)}</ul>`}</td>
    <td data-label="Pago del comprador" data-payment=${f.buyerPayment?.status ?? 'NOTHING_DUE'}>
      ${f.buyerPayment?.status === 'LATE' || f.buyerPayment?.status === 'UNPAID'
        ? html`<strong class="bad-text">${paymentText(f.buyerPayment)}</strong>` : paymentText(f.buyerPayment)}</td>
    <td data-label="Reglas cumplidas">${f.rulesMet.length === 0 ? '—' : html`<ul class="plain">${f.rulesMet.map((r) => html`
      <li data-rule=${r.kind}>${ruleText(r, unit)}</li>`)}</ul>`}</td>
  </tr>`;
}
