// The technical assistance delivered under an agreement, on the agreement's screen: what was given, when, by
// whom, to whom and whether the producers pay for it (a charged service becomes their charge on credit,
// recovered in instalments); and, for the manager, the form to record one.
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { live } from 'lit/directives/live.js';
import { call, explain } from '../api';
import { hasRole, refresh } from '../app';
import {
  type AssistanceForm, DELIVERED_KINDS, assistanceRequest, blankAssistance, chargedUnder, shareRange,
} from '../domain/assistance';
import { day, limaDate, money } from '../format';
import { ASSISTANCE_KINDS, type Agreement, versionOn } from '../domain/agreement';
import {
  CONTRACTS, FormProblems, type ProducerView, choice, errorLine, field, focusFirstProblem, passesLocally,
} from './manage';

interface Delivery {
  id: string;
  kind: string;
  deliveredOn: string;
  deliveredBy: string;
  description: string | null;
  cost: number;
  charged: boolean;
  maxInstalments: number;
  wholeNetwork: boolean;
  producers: { producerId: string; charged: number }[];
  recordedBy: string;
}

const problems = new FormProblems();
let formFor: string | null = null;
let form: AssistanceForm = blankAssistance(limaDate());
let sending = false;
/** What was just recorded, said beside the list it joined (the page's own line is far above it). */
let recorded: string | null = null;

/** The agreement's deliveries, newest first, and the form to record one (a manager, an active agreement). */
export async function assistanceSection(a: Agreement, membersOf: Promise<Map<string, ProducerView>>): Promise<TemplateResult> {
  if (formFor !== a.id) {
    formFor = a.id;
    form = blankAssistance(limaDate());
    problems.clear();
    recorded = null;
  }
  let error: string | null = null;
  // The list and the members are read side by side; the members' call never fails (none when not readable).
  const [deliveries, members] = await Promise.all([
    call<Delivery[]>(`${CONTRACTS}/agreements/${a.id}/assistance`)
      .catch((e: unknown): Delivery[] => { error = explain(e); return []; }),
    membersOf]);
  const promised = (versionOn(a, limaDate())?.clauses.assistance?.services ?? []).length > 0;
  return html`<section class="panel" aria-labelledby="assistance-title" data-assistance-section>
    <h2 id="assistance-title">Asistencia técnica entregada</h2>
    ${errorLine(error)}
    ${recorded ? html`<p class="ok-box" role="status" data-recorded>${recorded}</p>` : nothing}
    ${deliveries.length === 0 ? html`<p class="empty">${promised ? 'Aún no se registró asistencia entregada.'
      : 'Sin asistencia registrada; las cláusulas vigentes no prometen ninguna.'}</p>` : html`
    <div class="table-wrap" tabindex="0" role="region" aria-label="Asistencia entregada">
      <table class="stack">
        <thead><tr><th scope="col">Día</th><th scope="col">Asistencia</th><th scope="col">Quién la dio</th>
          <th scope="col">Atendidos</th><th scope="col" class="num">Costo</th><th scope="col">Para los socios</th></tr></thead>
        <tbody>${[...deliveries].reverse().map((d) => html`<tr data-delivery=${d.id}>
          <td data-label="Día">${day(d.deliveredOn)}</td>
          <td data-label="Asistencia">${ASSISTANCE_KINDS[d.kind] ?? d.kind}${d.description ? html`<br><small>${d.description}</small>` : nothing}</td>
          <td data-label="Quién la dio">${d.deliveredBy}</td>
          <td data-label="Atendidos">${d.wholeNetwork ? `Toda la red (${d.producers.length})`
            : d.producers.map((p) => members.get(p.producerId)?.name ?? p.producerId.slice(0, 8)).join(', ')}</td>
          <td data-label="Costo" class="num">${money(d.cost)}</td>
          <td data-label="Para los socios" data-charged=${String(d.charged)}>${d.charged
            ? `Se cobra: ${sharesText(d)} cada uno, en hasta ${d.maxInstalments} ${d.maxInstalments === 1 ? 'armada' : 'armadas'}`
            : 'Sin costo para los socios'}</td>
        </tr>`)}</tbody>
      </table></div>`}
    ${hasRole('buyer-admin') && a.status === 'ACTIVE' ? recordForm(a, members) : nothing}
  </section>`;
}

/** ": S/ 50.00 cada uno" (or "S/ 33.33 a S/ 33.34"), once the cost typed is an amount and someone is served. */
function shareText(cost: string, served: number): string {
  const range = shareRange(cost, served);
  if (!range) return '';
  return served === 1 ? `: ${money(range[0])}` : `: ${rangeText(...range)} cada uno`;
}

function sharesText(d: Delivery): string {
  const amounts = d.producers.map((p) => Number(p.charged));
  return rangeText(Math.min(...amounts), Math.max(...amounts));
}

/** "S/ 50.00", or "S/ 33.33 a S/ 33.34" when the shares differ by the céntimos left over. */
function rangeText(low: number, high: number): string {
  return low === high ? money(low) : `${money(low)} a ${money(high)}`;
}

function recordForm(a: Agreement, members: Map<string, ProducerView>): TemplateResult {
  const f = form;
  const today = limaDate();
  const clauses = versionOn(a, f.deliveredOn || today)?.clauses;
  const charged = chargedUnder(clauses, f.kind);
  const group = a.counterparty.type === 'PRODUCER_GROUP';
  const served = f.wholeNetwork ? members.size : f.producerIds.length;
  return html`<details class="panel" ?open=${problems.any}>
    <summary>Registrar asistencia entregada</summary>
    <form novalidate @submit=${(e: Event) => { e.preventDefault(); void record(a); }}>
      ${choice('kind', problems, 'Asistencia', f.kind, DELIVERED_KINDS.map((k): [string, string] => [k, ASSISTANCE_KINDS[k] ?? k]),
        (v) => { f.kind = v; void refresh(); })}
      ${field('deliveredOn', problems, { label: 'Día', type: 'date', value: f.deliveredOn, maxDate: today, required: true,
        onInput: (v) => { f.deliveredOn = v; void refresh(); } })}
      ${field('deliveredBy', problems, { label: 'Quién la dio', value: f.deliveredBy, required: true, max: 200,
        hint: 'Técnico, veterinario o institución', onInput: (v) => { f.deliveredBy = v; } })}
      ${field('cost', problems, { label: 'Costo total (S/)', value: f.cost, inputmode: 'decimal', required: true,
        onInput: (v) => { f.cost = v; }, onChange: () => { void refresh(); } })}
      ${field('description', problems, { label: 'Detalle', value: f.description, max: 500,
        hint: 'Por ejemplo: tema de la capacitación, animales atendidos', onInput: (v) => { f.description = v; } })}
      ${group ? whoForm(f, members) : nothing}
      <p class=${charged ? 'warn-text' : 'ok-text'} data-charge-preview=${String(charged)}>${charged
        ? `La cláusula vigente ese día la cobra a los socios: el costo se reparte al céntimo entre ${served > 1
          ? `los ${served} atendidos` : served === 1 ? 'el atendido' : 'los atendidos'}${shareText(f.cost, served)}, como cargo`
          + ` al crédito en hasta ${clauses?.assistance?.maxInstalments ?? 2} armadas.`
        : 'Sin costo para los socios: la cláusula vigente ese día no la cobra.'}</p>
      ${problems.summary()}
      <button class="button primary" type="submit" ?disabled=${sending}>Registrar la asistencia</button>
    </form>
  </details>`;
}

function whoForm(f: AssistanceForm, members: Map<string, ProducerView>): TemplateResult {
  const error = problems.at('producerIds');
  return html`<fieldset class="form-field" data-field="producerIds" aria-invalid=${error ? 'true' : 'false'}
    aria-describedby=${error ? 'f-producerIds-error' : nothing} tabindex="-1">
    <legend class="field">Atendidos</legend>
    <label class="option"><input type="radio" name="who" .checked=${live(f.wholeNetwork)}
      @change=${() => { f.wholeNetwork = true; void refresh(); }}> Toda la red${members.size ? ` (${members.size} socios)` : ''}</label>
    <label class="option"><input type="radio" name="who" .checked=${live(!f.wholeNetwork)} ?disabled=${members.size === 0}
      @change=${() => { f.wholeNetwork = false; void refresh(); }}> Algunos socios</label>
    ${!f.wholeNetwork ? html`<ul class="plain member-picks">${[...members.values()].map((p) => html`<li>
      <label class="option"><input type="checkbox" data-producer=${p.id} .checked=${live(f.producerIds.includes(p.id))}
        @change=${(e: Event) => {
          const on = (e.target as HTMLInputElement).checked;
          f.producerIds = on ? [...f.producerIds, p.id] : f.producerIds.filter((id) => id !== p.id);
          void refresh();
        }}> ${p.name}</label></li>`)}</ul>` : nothing}
    <p class="field-error" id="f-producerIds-error">${error ?? ''}</p>
  </fieldset>`;
}

async function record(a: Agreement): Promise<void> {
  if (sending) return;
  recorded = null;
  const { request, problems: found } = assistanceRequest(form, limaDate());
  if (!await passesLocally(problems, found)) return;
  sending = true;
  try {
    await call(`${CONTRACTS}/agreements/${a.id}/assistance`, { method: 'POST', body: request });
    problems.clear();
    form = blankAssistance(limaDate());
    recorded = `${ASSISTANCE_KINDS[request.kind] ?? request.kind} del ${day(request.deliveredOn)} registrada`;
  } catch (e) {
    // The same id goes with a retry: a delivery recorded before the answer was lost is not recorded twice.
    problems.refused(e, (path) => path.replace(/^producerIds\[\d+\]$/, 'producerIds'));
    await focusFirstProblem();
    return;
  } finally {
    sending = false;
  }
  await refresh();
}
