// The audit trail: who created, changed, closed or paid what, and when, searched by resource and date
// across the three services (each keeps its own trail).
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { call, explain, saveFile } from '../api';
import { app, go, refresh } from '../app';
import { addDays, dateTime, limaDate } from '../format';
import { firstPage, more, page } from '../paging';

interface AuditEntry { id: string; actor: string; action: string; resourceType: string; resourceId: string;
  occurredAt: string; detail: Record<string, unknown> | null }

/** Which service keeps the trail of each kind of resource, and its name in Spanish. */
const RESOURCES: Record<string, { service: 'contracts' | 'lots' | 'payments'; name: string }> = {
  Organisation: { service: 'contracts', name: 'Organización' },
  Producer: { service: 'contracts', name: 'Productor' },
  Product: { service: 'contracts', name: 'Producto' },
  Agreement: { service: 'contracts', name: 'Acuerdo' },
  CollectionCentre: { service: 'lots', name: 'Centro de acopio' },
  Lot: { service: 'lots', name: 'Lote' },
  Charge: { service: 'payments', name: 'Cargo' },
  Remittance: { service: 'payments', name: 'Pago del comprador' },
  Settlement: { service: 'payments', name: 'Liquidación' },
};
const ACTIONS: Record<string, string> = {
  REGISTERED: 'registró', UPDATED: 'modificó', DEFINED: 'definió', RECORDED: 'registró', CORRECTED: 'corrigió',
  VOIDED: 'anuló', CANCELLED: 'anuló', ACTIVATED: 'activó', AMENDED: 'enmendó', SUSPENDED: 'suspendió',
  REACTIVATED: 'reactivó', TERMINATED: 'terminó', EXPIRED: 'venció', COMPUTED: 'calculó', CLOSED: 'cerró',
  PAID: 'pagó', IMPORTED: 'importó',
};

/** The detail's usual keys in Spanish; others are shown as they come. */
const KEYS: Record<string, string> = {
  amount: 'importe', paidOn: 'pagado el', reference: 'referencia', producerId: 'productor', periodStart: 'quincena',
  buyerId: 'comprador', runId: 'cálculo', reason: 'motivo', status: 'estado', version: 'versión', name: 'nombre',
  quantity: 'cantidad', verdict: 'veredicto', kind: 'tipo', description: 'descripción', instalments: 'armadas',
  effectiveFrom: 'desde', producers: 'socios', net: 'neto', gross: 'bruto', deductions: 'descuentos', product: 'producto',
};
const LIMIT = 1000;

const search = { resourceType: '', resourceId: '', from: addDays(limaDate(), -30), to: limaDate() };

export async function auditScreen(): Promise<TemplateResult> {
  if (!app.me) {
    go('#/entrar');
    return html``;
  }
  let entries: AuditEntry[] = [];
  let error: string | null = null;
  try {
    entries = await find();
  } catch (e) {
    error = explain(e);
  }
  const rows = page('audit', entries);
  return html`
    <div class="wide">
      <h1>Auditoría</h1>
      <form class="filters" @submit=${(e: Event) => {
        e.preventDefault();
        const form = new FormData(e.target as HTMLFormElement);
        search.resourceType = String(form.get('type') ?? '');
        search.resourceId = String(form.get('id') ?? '').trim();
        search.from = String(form.get('from') ?? '');
        search.to = String(form.get('to') ?? '');
        firstPage('audit');
        void refresh();
      }}>
        <div><label class="field" for="type">Recurso</label>
          <select id="type" name="type"><option value="">Todos</option>
            ${Object.entries(RESOURCES).map(([k, r]) => html`<option value=${k} ?selected=${k === search.resourceType}>${r.name}</option>`)}
          </select></div>
        <div><label class="field" for="rid">Identificador (opcional)</label>
          <input id="rid" name="id" type="text" autocomplete="off" .value=${search.resourceId}></div>
        <div><label class="field" for="from">Desde</label><input id="from" name="from" type="date" .value=${search.from} required></div>
        <div><label class="field" for="to">Hasta</label><input id="to" name="to" type="date" .value=${search.to} required></div>
        <button class="button primary" type="submit">Buscar</button>
      </form>
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
      <p role="status">${entries.length === LIMIT ? `Los ${LIMIT} cambios más recientes; acote la búsqueda para ver los anteriores.`
        : `${entries.length} cambios encontrados.`}</p>
      ${entries.length ? html`<button class="button" @click=${() => saveCsv(entries)}>Descargar CSV</button>` : nothing}
      <div class="table-wrap" tabindex="0" role="region" aria-label="Cambios"><table class="stack">
        <caption>Cambios, del más reciente al más antiguo</caption>
        <thead><tr><th scope="col">Fecha y hora</th><th scope="col">Quién</th><th scope="col">Qué</th>
          <th scope="col">Recurso</th><th scope="col">Detalle</th></tr></thead>
        <tbody>${rows.map((e) => html`<tr data-audit=${e.action} data-resource=${e.resourceId}>
          <td data-label="Fecha y hora">${dateTime(e.occurredAt)}</td><td data-label="Quién">${e.actor}</td>
          <td data-label="Qué">${ACTIONS[e.action] ?? e.action}</td>
          <td data-label="Recurso">${RESOURCES[e.resourceType]?.name ?? e.resourceType} <small class="mono">${e.resourceId}</small></td>
          <td data-label="Detalle" class="detail">${detail(e.detail)}</td></tr>`)}</tbody>
      </table></div>
      ${more('audit', entries.length)}
      <a class="button" href="#/">Volver</a>
    </div>`;
}

/** The trail of every service that keeps the chosen kind of resource, newest first. */
async function find(): Promise<AuditEntry[]> {
  const services = search.resourceType ? [RESOURCES[search.resourceType].service] : ['contracts', 'lots', 'payments'];
  const query = new URLSearchParams({ limit: String(LIMIT), from: search.from, to: search.to });
  if (search.resourceType) query.set('resourceType', search.resourceType);
  if (search.resourceId) query.set('resourceId', search.resourceId);
  const found = await Promise.all(services.map((s) => call<AuditEntry[]>(`/api/${s}/v1/audit?${query}`)));
  return found.flat().sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)).slice(0, LIMIT);
}

function detail(value: Record<string, unknown> | null): string {
  if (!value) return '';
  return Object.entries(value).filter(([, v]) => v !== null && typeof v !== 'object')
    .map(([k, v]) => `${KEYS[k] ?? k}: ${v}`).join(' · ').slice(0, 300);
}

/** The rows of the three services' trails as one sheet, the same columns as on screen. */
function saveCsv(entries: AuditEntry[]): void {
  const cell = (v: string) => `"${(/^[=+\-@]/.test(v) ? `'${v}` : v).replaceAll('"', '""')}"`;
  const lines = [['Fecha y hora', 'Quién', 'Acción', 'Recurso', 'Identificador', 'Detalle'].map(cell).join(',')]
    .concat(entries.map((e) => [dateTime(e.occurredAt), e.actor, ACTIONS[e.action] ?? e.action,
      RESOURCES[e.resourceType]?.name ?? e.resourceType, e.resourceId, detail(e.detail)].map(cell).join(',')));
  saveFile(new Blob([`\ufeff${lines.join('\r\n')}\r\n`], { type: 'text/csv' }), `auditoria-${search.from}-${search.to}.csv`);
}
