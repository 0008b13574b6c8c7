// Agreements: the list, and one agreement with its terms "as of" any day, its clause versions and its
// life (activation, suspension, reactivation, termination with the reason), each change from a date.
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { live } from 'lit/directives/live.js';
import { call, explain } from '../api';
import { app, refresh } from '../app';
import {
  ASSISTANCE_KINDS, type Agreement, type ClauseVersion, STATUS_NAMES, TERMINATION_REASONS, UNIT_NAMES, versionOn,
} from '../domain/agreement';
import type { Clauses } from '../domain/clauses';
import { type Scheme, schemeLabel } from '../domain/certification';
import { ruleText } from '../domain/monitor';
import { assistanceSection } from './assistance';
import { dateTime, day, limaDate, productName, quantity } from '../format';
import {
  CONTRACTS, FormProblems, PAGE_SIZE, type ProducerView, back, buyers, errorLine, field, flash, flashLine, focusFirstProblem,
  networksOf, pager, producersById,
} from './manage';

/** A price per unit as written on a contract: S/ 1.03, up to 4 decimals when the clause has them. */
export function price(value: number | string, currency = 'PEN'): string {
  const n = new Intl.NumberFormat('es-PE', { minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(Number(value));
  return `${currency === 'PEN' ? 'S/' : currency} ${n}`;
}

function plainNumber(value: number | string): string {
  return new Intl.NumberFormat('es-PE', { maximumFractionDigits: 4 }).format(Number(value));
}

/** Who sells under an agreement, by name where this organisation knows it. */
export async function counterpartyNames(list: Agreement[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const [networks, producers] = await Promise.all([networksOf().catch(() => []),
    producersById(list.filter((a) => a.counterparty.type === 'PRODUCER').map((a) => a.counterparty.id))]);
  networks.forEach((n) => names.set(n.id, n.name));
  producers.forEach((p: ProducerView) => names.set(p.id, `${p.name} (DNI ${p.nationalId})`));
  return names;
}

function partyName(a: Agreement, names: Map<string, string>): string {
  const known = names.get(a.counterparty.id);
  if (known) return known;
  return `${a.counterparty.type === 'PRODUCER' ? 'Productor' : 'Red'} ${a.counterparty.id.slice(0, 8)}`;
}

async function buyerNames(): Promise<Map<string, string>> {
  try {
    return new Map((await buyers()).map((b) => [b.id, b.name]));
  } catch {
    return new Map(); // a role that cannot list buyers reads the ids
  }
}

let statusFilter = '';
let listPage = 0;

export async function agreementsScreen() {
  let list: Agreement[] = [];
  let names = new Map<string, string>();
  let buyerName = new Map<string, string>();
  let error: string | null = null;
  try {
    list = await call<Agreement[]>(`${CONTRACTS}/agreements?size=${PAGE_SIZE}&page=${listPage}${statusFilter ? `&status=${statusFilter}` : ''}`);
    [names, buyerName] = await Promise.all([counterpartyNames(list), buyerNames()]);
  } catch (e) {
    error = explain(e);
  }
  const today = limaDate();
  return html`
    <h1>Acuerdos</h1>
    ${errorLine(error)}
    <a class="button primary" href="#/acuerdos/nuevo">Nuevo acuerdo</a>
    <label class="field" for="status-filter">Estado</label>
    <select id="status-filter" @change=${(e: Event) => { statusFilter = (e.target as HTMLSelectElement).value; listPage = 0; void refresh(); }}>
      <option value="" ?selected=${statusFilter === ''}>Todos</option>
      ${Object.entries(STATUS_NAMES).map(([k, v]) => html`<option value=${k} ?selected=${k === statusFilter}>${v}</option>`)}
    </select>
    ${list.length === 0 && !error ? html`<p class="empty">No hay acuerdos${statusFilter ? ' en ese estado' : ''}.</p>` : html`
    <ul class="rows">${list.map((a) => {
      const now = versionOn(a, today);
      return html`<li class="row" data-agreement=${a.id}>
        <a href="#/acuerdos/${a.id}"><strong>${partyName(a, names)}</strong></a>
        <span>${productName(a.product)} para ${buyerName.get(a.buyerId) ?? a.buyerId.slice(0, 8)}</span>
        <span class="small">${day(a.startDate)} al ${day(a.endDate)}
          ${now ? html` · versión ${now.number}: ${price(now.clauses.price.basePrice, now.clauses.price.currency ?? 'PEN')}/${UNIT_NAMES[a.unit] ?? a.unit}` : nothing}</span>
        <span class="status status-${a.status.toLowerCase()}">${STATUS_NAMES[a.status] ?? a.status}</span>
      </li>`;
    })}</ul>`}
    ${pager('acuerdos', listPage, list.length, (p) => { listPage = p; void refresh(); })}
    ${back('#/gestion', 'Volver')}`;
}

// --- one agreement ---

let shownId: string | null = null;
let asOfDate = limaDate();
const lifecycle = new FormProblems();
let change = { suspendOn: limaDate(), suspendReason: '', reactivateOn: limaDate(), endOn: limaDate(), endCode: '', endReason: '' };

export async function agreementScreen([id]: string[]) {
  if (shownId !== id) {
    shownId = id;
    asOfDate = limaDate();
    lifecycle.clear();
    change = { suspendOn: limaDate(), suspendReason: '', reactivateOn: limaDate(), endOn: limaDate(), endCode: '', endReason: '' };
  }
  let a: Agreement | null = null;
  let asOf: { inForce: boolean; version: ClauseVersion | null } | null = null;
  let names = new Map<string, string>();
  let buyerName = new Map<string, string>();
  let error: string | null = null;
  try {
    [a, asOf] = await Promise.all([call<Agreement>(`${CONTRACTS}/agreements/${id}`),
      call<{ inForce: boolean; version: ClauseVersion | null }>(`${CONTRACTS}/agreements/${id}/as-of?date=${asOfDate}`)]);
    [names, buyerName] = await Promise.all([counterpartyNames([a]), buyerNames()]);
  } catch (e) {
    error = explain(e);
  }
  if (!a) return html`<h1>Acuerdo</h1>${errorLine(error)}${back('#/acuerdos', 'Volver a los acuerdos')}`;
  const mine = a.organisationId === app.me?.organisationId;
  const today = limaDate();
  const tense = asOfDate < today ? { is: 'estaba', governs: 'regía' } : asOfDate > today ? { is: 'estará', governs: 'regirá' }
    : { is: 'está', governs: 'rige' };
  return html`
    <h1>${partyName(a, names)}</h1>
    <p>${productName(a.product)} (${UNIT_NAMES[a.unit] ?? a.unit}) para <strong>${buyerName.get(a.buyerId) ?? a.buyerId}</strong><br>
      Vigencia del ${day(a.startDate)} al ${day(a.endDate)} ·
      <span class="status status-${a.status.toLowerCase()}" data-status=${a.status}>${STATUS_NAMES[a.status] ?? a.status}</span></p>
    ${errorLine(error)}
    ${flashLine()}
    ${mine ? actions(a) : html`<p class="hint">Solo la organización de los productores cambia este acuerdo.</p>`}
    ${a.status !== 'DRAFT' ? html`<a class="button" href="#/cumplimiento/acuerdo/${a.id}">Cumplimiento: entregas, calidad,
      pagos del comprador y asistencia</a>` : nothing}
    <section class="panel" aria-labelledby="asof-title">
      <h2 id="asof-title">El acuerdo a una fecha</h2>
      <label class="field" for="as-of">Fecha</label>
      <input id="as-of" type="date" .value=${live(asOfDate)} @change=${(e: Event) => {
        const v = (e.target as HTMLInputElement).value;
        if (v) { asOfDate = v; void refresh(); }
      }}>
      <p data-in-force=${asOf?.inForce ? 'true' : 'false'} data-asof-version=${asOf?.version?.number ?? ''}>
        El ${day(asOfDate)} el acuerdo <strong>${asOf?.inForce ? '' : 'no '}${tense.is}</strong> en vigor${asOf?.version
          ? html`; ${tense.governs} la versión ${asOf.version.number} (del ${day(asOf.version.effectiveFrom)} al ${day(asOf.version.effectiveTo)})` : nothing}.</p>
      ${asOf?.version ? clausesView(asOf.version.clauses, a.unit) : nothing}
    </section>
    ${a.status !== 'DRAFT' ? await assistanceSection(a, membersOf(a)) : nothing}
    ${historyView(a)}
    ${back('#/acuerdos', 'Volver a los acuerdos')}`;
}

/** The producers an agreement covers, by id, where the caller's organisation registers them (else none). */
async function membersOf(a: Agreement): Promise<Map<string, ProducerView>> {
  if (a.counterparty.type === 'PRODUCER') {
    const known = (await producersById([a.counterparty.id])).get(a.counterparty.id);
    return new Map(known ? [[known.id, known]] : []);
  }
  const members = await call<ProducerView[]>(`${CONTRACTS}/organisations/${a.organisationId}/producers?groupId=${a.counterparty.id}&size=500`)
    .catch(() => [] as ProducerView[]); // the buyer's manager does not list the association's members
  return new Map(members.map((p) => [p.id, p]));
}

function actions(a: Agreement): TemplateResult {
  const running = a.status === 'ACTIVE' || a.status === 'SUSPENDED';
  return html`<div class="lifecycle">
    ${a.status === 'DRAFT' ? html`<div class="actions">
      <a class="button" href="#/acuerdos/${a.id}/editar">Editar el borrador</a>
      <button class="button primary" @click=${() => {
        if (confirm(`Al activarlo, el acuerdo obliga a ambas partes desde el ${day(a.startDate)} y solo cambia por adenda. ¿Activar?`)) {
          void lifecycleChange(a, 'activation', {}, 'Acuerdo activado');
        }
      }}>Activar (firmar)</button></div>` : nothing}
    ${running ? html`<a class="button" href="#/acuerdos/${a.id}/adenda">Adenda desde una fecha</a>` : nothing}
    ${a.status === 'ACTIVE' ? html`<details class="panel">
      <summary>Suspender</summary>
      <form @submit=${(e: Event) => { e.preventDefault(); void lifecycleChange(a, 'suspension',
        { effectiveOn: change.suspendOn, reason: change.suspendReason.trim() || null }, 'Acuerdo suspendido'); }}>
        ${field('suspend.effectiveOn', lifecycle, { label: 'Suspendido desde', type: 'date', value: change.suspendOn,
          onInput: (v) => { change.suspendOn = v; } })}
        ${field('suspend.reason', lifecycle, { label: 'Motivo', value: change.suspendReason, max: 500,
          onInput: (v) => { change.suspendReason = v; } })}
        <button class="button danger" type="submit">Suspender el acuerdo</button>
      </form></details>` : nothing}
    ${a.status === 'SUSPENDED' ? html`<details class="panel" open>
      <summary>Reactivar</summary>
      <form @submit=${(e: Event) => { e.preventDefault(); void lifecycleChange(a, 'reactivation',
        { effectiveOn: change.reactivateOn }, 'Acuerdo reactivado'); }}>
        ${field('reactivate.effectiveOn', lifecycle, { label: 'Vuelve a regir desde', type: 'date', value: change.reactivateOn,
          onInput: (v) => { change.reactivateOn = v; } })}
        <button class="button primary" type="submit">Reactivar el acuerdo</button>
      </form></details>` : nothing}
    ${running ? html`<details class="panel">
      <summary>Terminar antes de su fin</summary>
      <form @submit=${(e: Event) => {
        e.preventDefault();
        if (!change.endCode) {
          lifecycle.local(new Map([['terminate.reasonCode', 'elija el motivo']]));
          void focusFirstProblem();
          return;
        }
        if (confirm(`El acuerdo dejará de regir el ${day(change.endOn)}. Terminar es definitivo. ¿Terminar?`)) {
          void lifecycleChange(a, 'termination', { reasonCode: change.endCode, reason: change.endReason.trim() || null,
            effectiveOn: change.endOn }, 'Acuerdo terminado');
        }
      }}>
        <div class="form-field">
          <label class="field" for="f-terminate-reasonCode">Motivo</label>
          <select id="f-terminate-reasonCode" data-field="terminate.reasonCode"
            aria-invalid=${lifecycle.at('terminate.reasonCode') ? 'true' : 'false'} aria-describedby="f-terminate-reasonCode-error"
            @change=${(e: Event) => { change.endCode = (e.target as HTMLSelectElement).value; }}>
            <option value="" ?selected=${change.endCode === ''}>Elija…</option>
            ${Object.entries(TERMINATION_REASONS).map(([k, v]) => html`<option value=${k} ?selected=${k === change.endCode}>${v}</option>`)}
          </select>
          <p class="field-error" id="f-terminate-reasonCode-error">${lifecycle.at('terminate.reasonCode') ?? ''}</p>
        </div>
        ${field('terminate.reason', lifecycle, { label: 'Detalle', value: change.endReason, max: 500,
          onInput: (v) => { change.endReason = v; } })}
        ${field('terminate.effectiveOn', lifecycle, { label: 'Primer día en que ya no rige', type: 'date', value: change.endOn,
          onInput: (v) => { change.endOn = v; } })}
        <button class="button danger" type="submit">Terminar el acuerdo</button>
      </form></details>` : nothing}
    ${lifecycle.summary()}
  </div>`;
}

const STEP_FIELDS: Record<string, string> = { suspension: 'suspend', reactivation: 'reactivate', termination: 'terminate' };

async function lifecycleChange(a: Agreement, step: string, body: object, done: string): Promise<void> {
  try {
    await call(`${CONTRACTS}/agreements/${a.id}/${step}`, { method: 'POST', body });
    lifecycle.clear();
    flash(done);
    void refresh();
  } catch (e) {
    lifecycle.refused(e, (f) => `${STEP_FIELDS[step] ?? step}.${f}`);
    await focusFirstProblem();
  }
}

function historyView(a: Agreement): TemplateResult {
  return html`
    <table class="stack">
      <caption>Versiones de las cláusulas</caption>
      <thead><tr><th scope="col">Versión</th><th scope="col">Rige</th><th scope="col">Motivo</th><th scope="col">Registró</th>
        <th scope="col"><span class="visually-hidden">Ver</span></th></tr></thead>
      <tbody>${a.versions.map((v) => html`<tr data-version=${v.number}>
        <td><span class="phone-only">Versión </span>${v.number}</td><td data-label="Rige">${day(v.effectiveFrom)} al ${day(v.effectiveTo)}</td>
        <td data-label="Motivo">${v.reason ?? (v.number === 1 ? 'Acuerdo original' : '—')}</td>
        <td data-label="Registró">${v.recordedBy} <small>${dateTime(v.recordedAt)}</small></td>
        <td><button class="link" @click=${() => { asOfDate = v.effectiveFrom; void refresh(); }}
          aria-label=${`Ver la versión ${v.number}`}>Ver</button></td>
      </tr>`)}</tbody>
    </table>
    ${a.transitions.length > 0 ? html`<section aria-labelledby="changes-title">
      <h2 id="changes-title">Cambios de estado</h2>
      <ul class="history">${a.transitions.map((t) => html`<li data-transition=${t.to}>
        <strong>${day(t.effectiveOn)}</strong>: ${t.from ? STATUS_NAMES[t.from] ?? t.from : '—'} → ${STATUS_NAMES[t.to] ?? t.to}
        ${t.reasonCode ? html` · ${TERMINATION_REASONS[t.reasonCode] ?? t.reasonCode}` : nothing}${t.reason ? html` · «${t.reason}»` : nothing}
        <span class="small">(${t.recordedBy}, ${dateTime(t.recordedAt)})</span></li>`)}</ul>
    </section>` : nothing}`;
}

/** The clauses in words, as the parties would read them in the signed document. */
export function clausesView(c: Clauses, unit: string): TemplateResult {
  const u = UNIT_NAMES[unit] ?? unit;
  const currency = c.price.currency ?? 'PEN';
  const names = new Map(c.quality.parameters.map((p) => [p.code, p.name ?? p.code]));
  return html`<div class="clauses">
    <h3>Calidad</h3>
    ${c.quality.parameters.length === 0 ? html`<p>Sin parámetros de calidad.</p>` : html`<ul>${c.quality.parameters.map((p) => html`
      <li data-parameter=${p.code}>${p.name ?? p.code}: ${p.kind === 'BOOLEAN' ? `prueba; aprueba con resultado «${p.passValue ? 'sí' : 'no'}»`
        : [p.min !== null && p.min !== undefined ? `mínimo ${plainNumber(p.min)} ${p.unit ?? ''}` : '',
           p.max !== null && p.max !== undefined ? `máximo ${plainNumber(p.max)} ${p.unit ?? ''}` : ''].filter(Boolean).join(', ')}
        ${p.required === false ? ' (opcional)' : ''}</li>`)}</ul>`}
    <h3>Precio y pago</h3>
    <ul>
      <li data-base-price=${String(c.price.basePrice)}>Precio base ${price(c.price.basePrice, currency)} por ${u}</li>
      ${(c.price.qualityAdjustments ?? []).map((a) => html`<li>${Number(a.amountPerUnit) < 0 ? 'Descuento' : 'Ajuste'}
        ${price(a.amountPerUnit, currency)} por ${u} con ${names.get(a.parameter) ?? a.parameter}
        ${a.from !== null && a.from !== undefined ? ` desde ${plainNumber(a.from)}` : ''}${a.to !== null && a.to !== undefined ? ` hasta menos de ${plainNumber(a.to)}` : ''}</li>`)}
      ${(c.price.volumeTiers ?? []).map((t) => html`<li>Bono ${price(t.bonusPerUnit, currency)} por ${u} si la quincena llega a
        ${quantity(t.minQuantity, u, 0)}</li>`)}
      <li>Pago quincenal, ${c.price.paymentTermDays} días después del cierre de la quincena</li>
    </ul>
    <h3>Volumen comprometido</h3>
    <p>${c.quantity ? html`${quantity(c.quantity.committedQuantity, u, 0)} ${c.quantity.per === 'DAY' ? 'por día' : 'por quincena'},
      tolerancia ${plainNumber(c.quantity.tolerancePercent)} %${c.quantity.shortfallPenaltyPerUnit
        ? `; penalidad ${price(c.quantity.shortfallPenaltyPerUnit, currency)} por ${u} que falte` : '; sin penalidad'}` : 'Sin volumen comprometido.'}</p>
    <h3>Asistencia técnica</h3>
    ${(c.assistance?.services ?? []).length === 0 ? html`<p>Ninguna.</p>` : html`<ul>${(c.assistance?.services ?? []).map((s) => html`
      <li>${ASSISTANCE_KINDS[s.kind] ?? s.kind}${s.description ? `: ${s.description}` : ''}${s.visitsPerMonth ? ` (${s.visitsPerMonth} al mes)` : ''}
        — ${s.chargedToProducer ? 'se cobra al productor' : 'sin costo'}</li>`)}</ul>`}
    <p>Los cargos se recuperan en hasta ${c.assistance?.maxInstalments ?? 2} armadas.</p>
    <h3>Incentivos y sanciones</h3>
    ${(c.incentives?.rules ?? []).length === 0 ? html`<p>Ninguno.</p>` : html`<ul>${(c.incentives?.rules ?? []).map((r) => html`
      <li data-rule=${r.kind}>${ruleText(r, u)}</li>`)}</ul>`}
    <h3>Certificación exigida</h3>
    <p data-certification-required=${c.certification?.required ?? ''}>${c.certification?.required
      ? `Certificado ${schemeLabel({ scheme: c.certification.required as Scheme, schemeName: c.certification.schemeName ?? null })} vigente el día de cada entrega`
      : 'Ninguna.'}</p>
  </div>`;
}
