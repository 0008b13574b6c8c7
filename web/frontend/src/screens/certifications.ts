// The manager's certificates ("Certificaciones"): first those about to end, and ended ones an active
// agreement still requires; then every certificate the organisation keeps (its own group certificates,
// its networks' and its members'); and a form to record one, for a member or for the organisation or a
// network as a group certificate. The certificate's id is chosen when the form opens, so sending it
// again after a dropped answer records it once (contracts-service answers the repeat unchanged).
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { live } from 'lit/directives/live.js';
import { call, explain } from '../api';
import { app, go, refresh } from '../app';
import {
  type Certification, type CertificationDraft, type ExpiringCertification, SCHEME_NAMES, STANDING_NAMES, type Scheme,
  certificationProblems, certificationRequest, expiryText, schemeLabel, standing,
} from '../domain/certification';
import { day, limaDate, productName } from '../format';
import {
  CONTRACTS, FormProblems, type Organisation, type ProducerView, back, errorLine, field, flash, flashLine, focusFirstProblem,
  idOf, networksOf, passesLocally, producersById, rememberProducers,
} from './manage';

export const CERTIFICATIONS_PATH = `${CONTRACTS}/certifications`;

/** Who holds each certificate, by name: a member, a network, or the organisation itself (a group certificate). */
export async function holderNames(list: Certification[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const [networks, producers] = await Promise.all([networksOf().catch((): Organisation[] => []),
    producersById(list.map((c) => c.producerId).filter((id): id is string => !!id))]);
  networks.forEach((n) => names.set(n.id, `Red ${n.name}`));
  producers.forEach((p: ProducerView) => names.set(p.id, p.name));
  if (app.me) names.set(app.me.organisationId, 'Toda la organización');
  return names;
}

export function holderOf(c: Certification, names: Map<string, string>): string {
  const id = c.producerId ?? c.holderOrganisationId ?? '';
  return names.get(id) ?? (c.producerId ? 'Socio' : 'Organización');
}

function isGroup(c: Certification): boolean {
  return c.holderOrganisationId !== null;
}

export function standingBadge(c: Certification, today: string): TemplateResult {
  const s = standing(c, today);
  const tone = s === 'valid' ? 'ok' : s === 'expired' ? 'bad' : s === 'expiring' ? 'warn' : 'voided';
  return html`<span class="badge ${tone}" data-standing=${s}>${STANDING_NAMES[s]}</span>`;
}

/** The certificates as a table (one card per row on a phone): holder, scheme, certifier, code, products, validity. */
export function certificatesTable(list: Certification[], names: Map<string, string>, caption: string): TemplateResult {
  const today = limaDate();
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${caption}><table class="stack">
    <caption>${caption} (${list.length})</caption>
    <thead><tr><th scope="col">Titular</th><th scope="col">Certificación</th><th scope="col">Certificadora</th>
      <th scope="col">Código</th><th scope="col">Productos</th><th scope="col">Vigencia</th></tr></thead>
    <tbody>${list.map((c) => html`<tr data-certification=${c.id}>
      <td>${holderOf(c, names)}${isGroup(c) ? html` <span class="badge voided">grupal</span>` : nothing}</td>
      <td data-label="Certificación">${schemeLabel(c)}</td>
      <td data-label="Certificadora">${c.certifier}</td>
      <td data-label="Código"><code>${c.code}</code></td>
      <td data-label="Productos">${c.products.map(productName).join(', ')}</td>
      <td data-label="Vigencia">${day(c.validFrom)} al ${day(c.validTo)} ${standingBadge(c, today)}
        ${c.documentRef ? html`<br><span class="small">Documento: ${c.documentRef}</span>` : nothing}</td>
    </tr>`)}</tbody>
  </table></div>`;
}

/** #/certificaciones */
export async function certificationsScreen(): Promise<TemplateResult> {
  if (!app.me) {
    go('#/entrar');
    return html``;
  }
  let expiring: ExpiringCertification[] = [];
  let all: Certification[] = [];
  let names = new Map<string, string>();
  let error: string | null = null;
  try {
    [expiring, all] = await Promise.all([
      call<ExpiringCertification[]>(`${CERTIFICATIONS_PATH}/expiring?withinDays=60`),
      call<Certification[]>(`${CERTIFICATIONS_PATH}?organisationId=${app.me.organisationId}`)]);
    names = await holderNames([...all, ...expiring.map((e) => e.certification)]);
  } catch (e) {
    error = explain(e);
  }
  return html`
    <div class="wide">
    <h1>Certificaciones</h1>
    ${flashLine()}
    ${errorLine(error)}
    <a class="button primary" href="#/certificaciones/nueva" data-autofocus>Registrar un certificado</a>
    <section aria-labelledby="expiring-title">
      <h2 id="expiring-title">Por vencer y vencidos</h2>
      ${expiring.length === 0 ? html`<p class="empty">Ningún certificado vence en los próximos 60 días.</p>` : html`
        <ul class="cards" data-expiring>${expiring.map((e) => html`<li class="card ${e.expired ? 'bad-card' : 'warn-card'}"
          data-expiring-id=${e.certification.id}>
          <p class="card-title">${schemeLabel(e.certification)} · ${holderOf(e.certification, names)}</p>
          <p><strong data-expiry>${expiryText(e)}</strong></p>
          <p class="small">${e.certification.certifier} · código ${e.certification.code} · ${e.certification.products.map(productName).join(', ')}</p>
        </li>`)}</ul>`}
    </section>
    ${all.length === 0 && !error ? html`<p class="empty">Aún no hay certificados registrados.</p>`
      : certificatesTable(all, names, 'Todos los certificados')}
    ${back('#/gestion', 'Volver')}
    </div>`;
}

// --- recording one ---

const problems = new FormProblems();
let draft: CertificationDraft | null = null;
let draftKey: string | null = null;
let producerQuery = '';
let producerMatches: ProducerView[] = [];
let saving = false;

function fresh(producerId: string): CertificationDraft {
  const today = limaDate();
  return { id: crypto.randomUUID(), holder: producerId ? 'producer' : 'organisation', networkId: '', producerId,
    scheme: 'ORGANIC', schemeName: '', certifier: '', products: [], code: '', validFrom: today, validTo: '', documentRef: '' };
}

/** #/certificaciones/nueva, or #/certificaciones/nueva?socio=<id> from a member's page. */
export async function newCertificationScreen([socio]: string[]): Promise<TemplateResult> {
  const key = socio ?? '';
  if (!draft || draftKey !== key) {
    draftKey = key;
    draft = fresh(key);
    problems.clear();
    producerMatches = [];
  }
  const d = draft;
  let networks: Organisation[] = [];
  let products: { code: string; name: string }[] = [];
  let error: string | null = null;
  try {
    [networks, products] = await Promise.all([networksOf(),
      call<{ code: string; name: string }[]>(`${CONTRACTS}/organisations/${app.me?.organisationId}/products`)]);
    if (d.producerId && !producerMatches.some((p) => p.id === d.producerId)) {
      const found = (await producersById([d.producerId])).get(d.producerId);
      if (found) producerMatches = [found, ...producerMatches];
    }
  } catch (e) {
    error = explain(e);
  }
  const backTo = socio ? `#/socios/${socio}` : '#/certificaciones';
  return html`
    <h1>Registrar un certificado</h1>
    ${errorLine(error)}
    <form class="editor" novalidate @submit=${(e: Event) => { e.preventDefault(); void save(backTo); }}>
      ${holderForm(d, networks)}
      ${schemeForm(d, products)}
      ${problems.summary()}
      <button class="button primary" type="submit" ?disabled=${saving}>${saving ? 'Registrando…' : 'Registrar el certificado'}</button>
    </form>
    ${back(backTo, 'Cancelar')}`;
}

function holderForm(d: CertificationDraft, networks: Organisation[]): TemplateResult {
  const producerError = problems.at('producerId');
  const orgError = problems.at('organisationId');
  const radio = (value: CertificationDraft['holder'], label: string, detail: string) => html`<label class="option">
    <input type="radio" name="holder" value=${value} .checked=${d.holder === value}
      @change=${() => { d.holder = value; void refresh(); }}> <span>${label} <small>${detail}</small></span></label>`;
  return html`<fieldset><legend>Titular</legend>
    ${radio('organisation', 'La organización', 'certificado grupal: cubre a todos los socios')}
    ${radio('network', 'Una red', 'certificado grupal de la red: cubre a sus socios')}
    ${radio('producer', 'Un socio', 'certificado individual')}
    ${d.holder === 'network' ? html`<div class="form-field">
      <label class="field" for=${idOf('organisationId')}>Red titular</label>
      <select id=${idOf('organisationId')} data-field="organisationId" aria-invalid=${orgError ? 'true' : 'false'}
        aria-describedby="${idOf('organisationId')}-error" @change=${(e: Event) => { d.networkId = (e.target as HTMLSelectElement).value; }}>
        <option value="" ?selected=${!d.networkId}>Elija la red…</option>
        ${networks.map((n) => html`<option value=${n.id} ?selected=${n.id === d.networkId}>${n.name}</option>`)}
      </select>
      <p class="field-error" id="${idOf('organisationId')}-error">${orgError ?? ''}</p></div>` : nothing}
    ${d.holder === 'organisation' && orgError ? html`<p class="field-error">${orgError}</p>` : nothing}
    ${d.holder === 'producer' ? html`<div class="form-field">
      <label class="field" for="producer-find">Socio: nombre o DNI</label>
      <div class="inline">
        <input id="producer-find" type="search" autocomplete="off" .value=${live(producerQuery)}
          aria-invalid=${producerError ? 'true' : 'false'} aria-describedby="${idOf('producerId')}-error"
          @input=${(e: Event) => { producerQuery = (e.target as HTMLInputElement).value; }}
          @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') { e.preventDefault(); void findProducers(d); } }}>
        <button class="button small-button" type="button" aria-label="Buscar socio" @click=${() => findProducers(d)}>Buscar</button>
      </div>
      ${producerMatches.map((p) => html`<label class="option"><input type="radio" name="holder-producer" .checked=${p.id === d.producerId}
        @change=${() => { d.producerId = p.id; }}> <span>${p.name} <small>DNI ${p.nationalId}</small></span></label>`)}
      <p class="field-error" id="${idOf('producerId')}-error">${producerError ?? ''}</p></div>` : nothing}
    ${d.holder !== 'producer' && producerError ? html`<p class="field-error">${producerError}</p>` : nothing}
  </fieldset>`;
}

async function findProducers(d: CertificationDraft): Promise<void> {
  try {
    producerMatches = await call<ProducerView[]>(`${CONTRACTS}/organisations/${app.me?.organisationId}/producers?size=10`
      + `&q=${encodeURIComponent(producerQuery.trim())}`);
    rememberProducers(producerMatches);
    if (producerMatches.length === 1) d.producerId = producerMatches[0].id;
  } catch (e) {
    problems.refused(e);
  }
  void refresh();
}

function schemeForm(d: CertificationDraft, products: { code: string; name: string }[]): TemplateResult {
  const productsError = problems.at('products');
  const schemeError = problems.at('scheme');
  return html`<fieldset><legend>El certificado</legend>
    <div class="form-field">
      <label class="field" for=${idOf('scheme')}>Certificación</label>
      <select id=${idOf('scheme')} data-field="scheme" aria-invalid=${schemeError ? 'true' : 'false'}
        aria-describedby="${idOf('scheme')}-error" @change=${(e: Event) => { d.scheme = (e.target as HTMLSelectElement).value as Scheme; void refresh(); }}>
        ${Object.entries(SCHEME_NAMES).map(([k, v]) => html`<option value=${k} ?selected=${k === d.scheme}>${v}</option>`)}
      </select>
      <p class="field-error" id="${idOf('scheme')}-error">${schemeError ?? ''}</p>
    </div>
    ${d.scheme === 'OTHER' ? field('schemeName', problems, { label: 'Nombre de la certificación', value: d.schemeName, required: true,
      max: 100, placeholder: 'p. ej. Bird Friendly', onInput: (v) => { d.schemeName = v; } }) : nothing}
    ${field('certifier', problems, { label: 'Certificadora', value: d.certifier, required: true, max: 200,
      placeholder: 'p. ej. Control Union Perú', onInput: (v) => { d.certifier = v; } })}
    ${field('code', problems, { label: 'Código del certificado', value: d.code, required: true, max: 60,
      onInput: (v) => { d.code = v; } })}
    <fieldset class="radios" id=${idOf('products')} data-field="products" tabindex="-1"
      aria-invalid=${productsError ? 'true' : 'false'} aria-describedby="${idOf('products')}-error">
      <legend>Productos que cubre <span class="req" aria-hidden="true">*</span></legend>
      ${products.map((p) => html`<label class="option"><input type="checkbox" data-product=${p.code} .checked=${d.products.includes(p.code)}
        @change=${(e: Event) => {
          const on = (e.target as HTMLInputElement).checked;
          d.products = on ? [...d.products, p.code] : d.products.filter((x) => x !== p.code);
        }}> ${p.name}</label>`)}
      <p class="field-error" id="${idOf('products')}-error">${productsError ?? ''}</p>
    </fieldset>
    <div class="grid2">
      ${field('validFrom', problems, { label: 'Vale desde', type: 'date', value: d.validFrom, required: true, onInput: (v) => { d.validFrom = v; } })}
      ${field('validTo', problems, { label: 'Vale hasta (inclusive)', type: 'date', value: d.validTo, required: true, onInput: (v) => { d.validTo = v; } })}
    </div>
    ${field('documentRef', problems, { label: 'Documento', value: d.documentRef, max: 500,
      hint: 'Dónde se guarda el certificado: nombre del archivo o enlace', onInput: (v) => { d.documentRef = v; } })}
  </fieldset>`;
}

async function save(backTo: string): Promise<void> {
  const d = draft;
  if (!d || saving || !app.me) return;
  if (!await passesLocally(problems, certificationProblems(d))) return;
  saving = true;
  try {
    const saved = await call<Certification>(CERTIFICATIONS_PATH, { method: 'POST', body: certificationRequest(d, app.me.organisationId) });
    problems.clear();
    draft = null;
    flash(`Certificado ${schemeLabel(saved)} ${saved.code} registrado`, backTo);
    go(backTo);
  } catch (e) {
    // A products[2] problem belongs to the products list; a holder's problem to the holder chosen.
    problems.refused(e, (f) => (f.startsWith('products') ? 'products' : f));
    await focusFirstProblem();
  } finally {
    saving = false;
  }
}
