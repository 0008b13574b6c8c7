// The manager of an association, cooperative or buyer (buyer-admin): the way in to agreements,
// members and networks, and the organisation's own record and its networks ("redes").
import { html, nothing } from 'lit/html.js';
import { live } from 'lit/directives/live.js';
import { ApiError, call, explain } from '../api';
import { app, go, refresh } from '../app';
import { signOut } from './login';
import {
  CONTRACTS, FormProblems, KIND_NAMES, type Organisation, PAGE_SIZE, back, errorLine, field, focusFirstProblem,
  flash, flashLine, forgetNames, pager,
} from './manage';

let own: Organisation | null = null;

async function ownOrganisation(): Promise<Organisation | null> {
  if (own?.id === app.me?.organisationId) return own;
  try {
    own = await call<Organisation>(`${CONTRACTS}/organisations/${app.me?.organisationId}`);
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404)) throw e;
    own = null;
  }
  return own;
}

export async function managerScreen() {
  if (!app.me) {
    go('#/entrar');
    return html``;
  }
  let organisation: Organisation | null = null;
  let error: string | null = null;
  try {
    organisation = await ownOrganisation();
  } catch (e) {
    error = explain(e);
  }
  return html`
    <h1>Gestión</h1>
    <p class="who-big">Hola, ${app.me.name}<br><small>${organisation ? `${organisation.name} · ${KIND_NAMES[organisation.kind] ?? organisation.kind}`
      : 'Su organización aún no está registrada'}</small></p>
    ${errorLine(error)}
    <nav class="tiles" aria-label="Qué hacer">
      <a class="tile" href="#/acuerdos"><strong>Acuerdos</strong><span>Cláusulas, adendas, suspensión y término; el acuerdo a una fecha</span></a>
      <a class="tile" href="#/socios"><strong>Socios</strong><span>Buscar, registrar, corregir</span></a>
      <a class="tile" href="#/socios/importar"><strong>Importar socios</strong><span>Desde un archivo CSV</span></a>
      <a class="tile" href="#/redes"><strong>Redes</strong><span>Los grupos de productores</span></a>
      <a class="tile" href="#/organizacion"><strong>Organización</strong><span>Nombre, RUC y lugar</span></a>
      <a class="tile" href="#/comprador"><strong>Lo que debe el comprador</strong><span>Por quincena: entregado, adeudado, remitido y saldo</span></a>
      <a class="tile" href="#/certificaciones"><strong>Certificaciones</strong><span>Orgánico, Comercio Justo y otras: por vencer, vencidas y su registro</span></a>
      <a class="tile" href="#/reclamos"><strong>Reclamos de productores</strong><span>Rechazos reclamados en los centros: plazos, contramuestra y resultado</span></a>
      <a class="tile" href="#/envios"><strong>Envíos</strong><span>Lotes despachados al comprador, su resultado y su trazabilidad</span></a>
      <a class="tile" href="#/registro-compras"><strong>Registro de compras</strong><span>Compras a pequeños productores (Ley 32434), CSV y Excel</span></a>
      <a class="tile" href="#/indicadores"><strong>Indicadores</strong><span>Litros, aceptación y sólidos en gráficos</span></a>
      <a class="tile" href="#/auditoria"><strong>Auditoría</strong><span>Quién cambió qué y cuándo</span></a>
    </nav>
    <button class="button link" @click=${signOut}>Salir (${app.me.name})</button>`;
}

// --- the organisation's own record ---

const orgProblems = new FormProblems();
let orgForm: { name: string; ruc: string; district: string; region: string; kind: string } | null = null;

export async function organisationScreen() {
  let error: string | null = null;
  try {
    await ownOrganisation();
  } catch (e) {
    error = explain(e);
  }
  orgForm ??= { name: own?.name ?? '', ruc: own?.ruc ?? '', district: own?.district ?? '', region: own?.region ?? '',
    kind: own?.kind ?? 'ASSOCIATION' };
  const f = orgForm;
  const fields = html`
    ${field('name', orgProblems, { label: 'Nombre', value: f.name, required: true, max: 200, onInput: (v) => { f.name = v; } })}
    ${own ? html`<p><strong>Tipo:</strong> ${KIND_NAMES[own.kind] ?? own.kind}</p>` : html`<div class="form-field">
      <label class="field" for="org-kind">Tipo</label>
      <select id="org-kind" @change=${(e: Event) => { f.kind = (e.target as HTMLSelectElement).value; }}>
        ${Object.entries(KIND_NAMES).filter(([k]) => k !== 'PRODUCER_GROUP')
          .map(([k, v]) => html`<option value=${k} ?selected=${k === f.kind}>${v}</option>`)}
      </select></div>`}
    ${field('ruc', orgProblems, { label: 'RUC', value: f.ruc, inputmode: 'numeric', max: 11, hint: '11 dígitos; puede quedar vacío',
      onInput: (v) => { f.ruc = v; } })}
    ${field('district', orgProblems, { label: 'Distrito', value: f.district, max: 100, onInput: (v) => { f.district = v; } })}
    ${field('region', orgProblems, { label: 'Región', value: f.region, max: 100, onInput: (v) => { f.region = v; } })}`;
  return html`
    <h1>Organización</h1>
    ${errorLine(error)}
    ${flashLine()}
    <form class="panel" @submit=${(e: Event) => { e.preventDefault(); void saveOrganisation(); }}>
      ${fields}
      ${orgProblems.summary()}
      <button class="button primary" type="submit">${own ? 'Guardar cambios' : 'Registrar la organización'}</button>
    </form>
    ${back('#/gestion', 'Volver')}`;
}

async function saveOrganisation(): Promise<void> {
  const f = orgForm;
  if (!f || !app.me) return;
  const body = { name: f.name.trim(), ruc: f.ruc.trim() || null, district: f.district.trim() || null,
    region: f.region.trim() || null };
  try {
    own = own
      ? await call<Organisation>(`${CONTRACTS}/organisations/${own.id}`, { method: 'PUT', body: { ...body, version: own.version } })
      : await call<Organisation>(`${CONTRACTS}/organisations`, { method: 'POST', body: { ...body, id: app.me.organisationId, kind: f.kind } });
    orgProblems.clear();
    orgForm = null;
    flash('Organización guardada');
    void refresh();
  } catch (e) {
    orgProblems.refused(e);
    await focusFirstProblem();
  }
}

// --- networks ---

let networkQuery = '';
let networkPage = 0;

export async function networksScreen() {
  let list: Organisation[] = [];
  let error: string | null = null;
  try {
    list = await call<Organisation[]>(`${CONTRACTS}/organisations?kind=PRODUCER_GROUP&size=${PAGE_SIZE}&page=${networkPage}`
      + `&q=${encodeURIComponent(networkQuery)}`);
  } catch (e) {
    error = explain(e);
  }
  return html`
    <h1>Redes</h1>
    ${flashLine()}
    <p class="hint">Los grupos de productores de la organización; cada socio pertenece a una red o a ninguna.</p>
    ${errorLine(error)}
    <form role="search" class="search-row" @submit=${(e: Event) => { e.preventDefault(); networkPage = 0; void refresh(); }}>
      <label class="field" for="network-q">Buscar red por nombre</label>
      <div class="inline">
        <input id="network-q" type="search" .value=${live(networkQuery)} @input=${(e: Event) => { networkQuery = (e.target as HTMLInputElement).value; }}>
        <button class="button small-button" type="submit">Buscar</button>
      </div>
    </form>
    <a class="button primary" href="#/redes/nueva">Nueva red</a>
    ${list.length === 0 && !error ? html`<p class="empty">No hay redes${networkQuery ? ' con ese nombre' : ''}.</p>` : html`
    <ul class="rows">${list.map((n) => html`<li class="row" data-network=${n.id}>
      <a href="#/redes/${n.id}"><strong>${n.name}</strong></a>
      <span class="small">${[n.district, n.region].filter(Boolean).join(', ') || '—'}</span>
      <a class="small" href="#/socios?red=${n.id}">Ver socios</a>
    </li>`)}</ul>`}
    ${pager('redes', networkPage, list.length, (p) => { networkPage = p; void refresh(); })}
    ${back('#/gestion', 'Volver')}`;
}

const networkProblems = new FormProblems();
let networkKey: string | null = null;
let networkForm = { name: '', district: '', region: '' };
let network: Organisation | null = null;
let networkId = crypto.randomUUID();

/** Register a network (#/redes/nueva) or change one (#/redes/<id>). */
export async function networkScreen([id]: string[]) {
  const key = id ?? 'nueva';
  let error: string | null = null;
  if (networkKey !== key) {
    networkKey = key;
    networkProblems.clear();
    network = null;
    networkId = crypto.randomUUID();
    networkForm = { name: '', district: own?.district ?? '', region: own?.region ?? '' };
    if (id) {
      try {
        network = await call<Organisation>(`${CONTRACTS}/organisations/${id}`);
        networkForm = { name: network.name, district: network.district ?? '', region: network.region ?? '' };
      } catch (e) {
        error = explain(e);
      }
    }
  }
  const f = networkForm;
  const fields = html`
    ${field('name', networkProblems, { label: 'Nombre de la red', value: f.name, required: true, max: 200, onInput: (v) => { f.name = v; } })}
    ${field('district', networkProblems, { label: 'Distrito', value: f.district, max: 100, onInput: (v) => { f.district = v; } })}
    ${field('region', networkProblems, { label: 'Región', value: f.region, max: 100, onInput: (v) => { f.region = v; } })}`;
  return html`
    <h1>${id ? 'Red' : 'Nueva red'}</h1>
    ${errorLine(error)}
    <form class="panel" @submit=${(e: Event) => { e.preventDefault(); void saveNetwork(); }}>
      ${fields}
      ${networkProblems.summary()}
      <button class="button primary" type="submit">${id ? 'Guardar cambios' : 'Registrar la red'}</button>
    </form>
    ${id ? html`<a class="button" href="#/socios?red=${id}">Ver los socios de la red</a>
      <a class="button" href="#/cumplimiento/red/${id}">Cumplimiento de los acuerdos de la red</a>` : nothing}
    ${back('#/redes', 'Volver a las redes')}`;
}

async function saveNetwork(): Promise<void> {
  const f = networkForm;
  const body = { name: f.name.trim(), district: f.district.trim() || null, region: f.region.trim() || null };
  try {
    if (network) {
      network = await call<Organisation>(`${CONTRACTS}/organisations/${network.id}`, { method: 'PUT',
        body: { ...body, ruc: network.ruc, version: network.version } });
    } else {
      network = await call<Organisation>(`${CONTRACTS}/organisations`, { method: 'POST',
        body: { ...body, id: networkId, kind: 'PRODUCER_GROUP', parentId: app.me?.organisationId } });
    }
    forgetNames();
    networkKey = null;
    flash(`Red «${network.name}» guardada`, '#/redes');
    go('#/redes');
  } catch (e) {
    networkProblems.refused(e);
    await focusFirstProblem();
  }
}
