// A member's certificates and parcels on their page (#/socios/<id>): the certificates covering them (their
// own and their organisation's or network's group ones), and their cacao and coffee parcels for the EU
// deforestation regulation (EUDR): declared and measured area, point or polygon, the no-deforestation
// declaration with its cut-off day, and a small drawing of each outline (no map tiles: the network is
// closed). A parcel is registered by typing its point, or its corners as "latitud, longitud" lines, or by
// pasting GeoJSON; the service's refusal (a ring that crosses itself, at which coordinate) is shown on the field.
import { html, nothing, svg, type TemplateResult } from 'lit/html.js';
import { live } from 'lit/directives/live.js';
import { call, explain } from '../api';
import { refresh } from '../app';
import type { Certification } from '../domain/certification';
import { isDecimal, scaleOf } from '../domain/decimal';
import {
  type Geometry, type Parsed, cornerCount, geometryJson, inTypedOrder, jsonWithRaw, outline, pointOf, polygonOf,
} from '../domain/geo';
import { day, productName } from '../format';
import { CERTIFICATIONS_PATH, certificatesTable, holderNames } from './certifications';
import { CONTRACTS, FormProblems, field, flash, flashLine, focusFirstProblem, idOf, passesLocally } from './manage';

export interface ParcelFeature {
  type: 'Feature';
  id: string;
  geometry: Geometry;
  properties: {
    parcelId: string;
    producerId: string;
    name: string;
    product: string;
    declaredAreaHectares: number | string;
    computedAreaHectares: number | string | null;
    deforestationFreeSince2020: boolean;
    deforestationCutOffDate: string;
    registeredBy: string;
    registeredAt: string;
  };
}

/** Parcels are answered as GeoJSON only (problems still as problem+json). */
const GEOJSON = { Accept: 'application/geo+json, application/problem+json' };

const hectares = (value: number | string) =>
  `${new Intl.NumberFormat('es-PE', { minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(Number(value))} ha`;

/** The outline drawn small, north up; a point is a dot. */
export function outlineSvg(g: Geometry, label: string): TemplateResult {
  const o = outline(g);
  return html`<svg class="outline" viewBox=${o.viewBox} role="img" aria-label=${label}>
    ${o.path ? svg`<path d=${o.path} fill-rule="evenodd"></path>` : nothing}
    ${o.dot ? svg`<circle cx=${o.dot[0]} cy=${o.dot[1]} r="6"></circle>` : nothing}
  </svg>`;
}

function shapeText(g: Geometry): string {
  return g.type === 'Point' ? 'Punto (parcela de hasta 4 ha)' : `Polígono de ${cornerCount(g)} vértices`;
}

function parcelCard(p: ParcelFeature): TemplateResult {
  const q = p.properties;
  return html`<li class="card parcel" data-parcel=${p.id}>
    ${outlineSvg(p.geometry, `Contorno de la parcela ${q.name}`)}
    <div>
      <p class="card-title">${q.name} <span class="small">· ${productName(q.product)}</span></p>
      <p data-area>Declarada ${hectares(q.declaredAreaHectares)}${q.computedAreaHectares !== null && q.computedAreaHectares !== undefined
        ? html` · medida ${hectares(q.computedAreaHectares)}` : html` · <span class="small">sin medida (un punto)</span>`}</p>
      <p class="small">${shapeText(p.geometry)}</p>
      <p class=${q.deforestationFreeSince2020 ? 'ok-text' : 'bad-text'} data-deforestation>${q.deforestationFreeSince2020
        ? `Declarada libre de deforestación desde el ${day(q.deforestationCutOffDate)}` : 'Sin declaración de no deforestación'}</p>
    </div>
  </li>`;
}

// --- the form ---

interface ParcelDraft {
  parcelId: string;
  name: string;
  product: string;
  declaredArea: string;
  shape: 'Point' | 'Polygon';
  lat: string;
  lon: string;
  corners: string;
  deforestationFree: boolean;
}

const problems = new FormProblems();
let draft: ParcelDraft | null = null;
let draftFor: string | null = null;
let saving = false;

function fresh(): ParcelDraft {
  return { parcelId: crypto.randomUUID(), name: '', product: 'cacao', declaredArea: '', shape: 'Polygon', lat: '', lon: '',
    corners: '', deforestationFree: false };
}

function parsed(d: ParcelDraft): Parsed {
  return d.shape === 'Point' ? pointOf(d.lat, d.lon) : polygonOf(d.corners);
}

function areaText(d: ParcelDraft): string {
  return d.declaredArea.trim().replace(',', '.');
}

/** The device's checks, named as the service names its fields. */
function parcelProblems(d: ParcelDraft): Map<string, string> {
  const found = new Map<string, string>();
  if (!d.name.trim()) found.set('parcel.name', 'Dé un nombre a la parcela');
  const area = areaText(d);
  if (!isDecimal(area) || area.startsWith('-') || Number(area) <= 0) found.set('parcel.declaredAreaHectares', 'Hectáreas mayores que 0, con punto decimal');
  else if (scaleOf(area) > 4) found.set('parcel.declaredAreaHectares', 'Como máximo 4 decimales');
  else if (d.shape === 'Point' && Number(area) > 4) found.set('parcel.declaredAreaHectares', 'Una parcela de más de 4 ha se ubica con un polígono');
  const g = parsed(d);
  if (g.problem) found.set('parcel.geometry', g.problem);
  if (!d.deforestationFree) found.set('parcel.deforestationFreeSince2020', 'Sin esta declaración la parcela no entra en una declaración de diligencia debida');
  return found;
}

/** The section on a member's page. */
export async function producerCompliance(producerId: string): Promise<TemplateResult> {
  if (draftFor !== producerId) {
    draftFor = producerId;
    draft = fresh();
    problems.clear();
  }
  let certificates: Certification[] = [];
  let parcels: ParcelFeature[] = [];
  let names = new Map<string, string>();
  let error: string | null = null;
  try {
    const [certs, collection] = await Promise.all([
      call<Certification[]>(`${CERTIFICATIONS_PATH}?producerId=${producerId}`),
      call<{ features: ParcelFeature[] }>(`${CONTRACTS}/producers/${producerId}/parcels`, { headers: GEOJSON })]);
    certificates = certs;
    parcels = collection.features ?? [];
    names = await holderNames(certs);
  } catch (e) {
    error = explain(e);
  }
  names.set(producerId, 'Este socio');
  return html`
    <section class="panel" aria-labelledby="certs-title">
      <h2 id="certs-title">Certificados</h2>
      ${certificates.length === 0 ? html`<p class="empty">Ningún certificado lo cubre.</p>`
        : certificatesTable(certificates, names, 'Certificados que lo cubren')}
      ${certificates.some((c) => c.holderOrganisationId)
        ? html`<p class="small">Los grupales son de la organización o de su red y cubren a todos sus socios.</p>` : nothing}
      <a class="button" href="#/certificaciones/nueva?socio=${producerId}">Registrar un certificado de este socio</a>
    </section>
    <section class="panel" aria-labelledby="parcels-title">
      <h2 id="parcels-title">Parcelas (EUDR)</h2>
      ${flashLine()}
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
      ${parcels.length === 0 ? html`<p class="empty">Sin parcelas registradas.</p>`
        : html`<ul class="cards parcels">${parcels.map(parcelCard)}</ul>`}
      ${parcelForm(producerId, draft as ParcelDraft)}
    </section>`;
}

function parcelForm(producerId: string, d: ParcelDraft): TemplateResult {
  const preview = parsed(d);
  const refused = problems.at('parcel.geometry');
  // The service names a crossing as [longitude, latitude]; it is said again in the order the corners are typed.
  const geometryError = refused ? inTypedOrder(refused) : undefined;
  const declarationError = problems.at('parcel.deforestationFreeSince2020');
  return html`<details class="panel" ?open=${problems.any || d.name !== ''}>
    <summary>Registrar una parcela</summary>
    <form novalidate @submit=${(e: Event) => { e.preventDefault(); void save(producerId); }}>
      ${field('parcel.name', problems, { label: 'Nombre de la parcela', value: d.name, required: true, max: 100,
        placeholder: 'La Esperanza, lote 2', onInput: (v) => { d.name = v; } })}
      <div class="grid2">
        <div class="form-field"><label class="field" for=${idOf('parcel.product')}>Producto</label>
          <select id=${idOf('parcel.product')} data-field="parcel.product" @change=${(e: Event) => { d.product = (e.target as HTMLSelectElement).value; }}>
            ${['cacao', 'coffee'].map((p) => html`<option value=${p} ?selected=${p === d.product}>${productName(p)}</option>`)}
          </select>
          <p class="field-error">${problems.at('parcel.product') ?? ''}</p></div>
        ${field('parcel.declaredAreaHectares', problems, { label: 'Área declarada (ha)', value: d.declaredArea, inputmode: 'decimal', required: true,
          placeholder: '6.0', onInput: (v) => { d.declaredArea = v; } })}
      </div>
      <p class="field" id="parcel-shape">Ubicación</p>
      <div class="toggle" role="group" aria-labelledby="parcel-shape">${(['Polygon', 'Point'] as const).map((s) => html`<button type="button"
        aria-pressed=${d.shape === s} class=${d.shape === s ? 'selected' : ''} data-shape=${s}
        @click=${() => { d.shape = s; problems.clear(); void refresh(); }}>${s === 'Point' ? 'Un punto (hasta 4 ha)' : 'Polígono'}</button>`)}</div>
      ${d.shape === 'Point' ? html`<div class="grid2">
        ${coordinateField('lat', 'Latitud', d.lat, '-6.483210', (v) => { d.lat = v; }, geometryError)}
        ${coordinateField('lon', 'Longitud', d.lon, '-76.372915', (v) => { d.lon = v; }, geometryError)}
      </div>` : html`<div class="form-field">
        <label class="field" for=${idOf('parcel.geometry')}>Esquinas: una por línea, «latitud, longitud» <span class="req" aria-hidden="true">*</span></label>
        <p class="hint small" id="${idOf('parcel.geometry')}-hint">Al menos 6 decimales, en orden alrededor de la parcela; se cierra sola.
          También puede pegar el GeoJSON de un GPS o de una aplicación.</p>
        <textarea id=${idOf('parcel.geometry')} data-field="parcel.geometry" rows="6" spellcheck="false" autocomplete="off"
          placeholder=${'-6.483210, -76.372915\n-6.483210, -76.370120\n-6.485880, -76.370120\n-6.485880, -76.372915'}
          aria-invalid=${geometryError ? 'true' : 'false'} aria-describedby="${idOf('parcel.geometry')}-hint ${idOf('parcel.geometry')}-error"
          .value=${live(d.corners)} @input=${(e: Event) => { d.corners = (e.target as HTMLTextAreaElement).value; }}
          @change=${() => void refresh()}></textarea>
        <p class="field-error" id="${idOf('parcel.geometry')}-error" data-geometry-error>${geometryError ?? ''}</p>
      </div>`}
      ${preview.geometry && preview.geometry.type === 'Polygon' ? html`<figure class="preview">
        ${outlineSvg(preview.geometry, 'Vista previa del contorno escrito')}
        <figcaption class="small">Vista previa: ${shapeText(preview.geometry)}</figcaption></figure>` : nothing}
      <label class="option declaration"><input type="checkbox" id=${idOf('parcel.deforestationFreeSince2020')} data-field="parcel.deforestationFreeSince2020"
        .checked=${d.deforestationFree} aria-invalid=${declarationError ? 'true' : 'false'}
        aria-describedby="${idOf('parcel.deforestationFreeSince2020')}-error"
        @change=${(e: Event) => { d.deforestationFree = (e.target as HTMLInputElement).checked; }}>
        <span>El productor declara que en esta parcela no hubo deforestación después del 31/12/2020</span></label>
      <p class="field-error" id="${idOf('parcel.deforestationFreeSince2020')}-error">${declarationError ?? ''}</p>
      ${problems.summary()}
      <button class="button primary" type="submit" ?disabled=${saving}>${saving ? 'Registrando…' : 'Registrar la parcela'}</button>
    </form>
  </details>`;
}

/** A latitude or longitude field; the point's problem (from the device or the service) is shown under the latitude. */
function coordinateField(which: 'lat' | 'lon', label: string, value: string, placeholder: string, set: (v: string) => void,
  error: string | undefined): TemplateResult {
  const id = `parcel-${which}`;
  const shown = which === 'lat' ? error : undefined;
  return html`<div class="form-field"><label class="field" for=${id}>${label} <span class="req" aria-hidden="true">*</span></label>
    <input id=${id} type="text" inputmode="decimal" autocomplete="off" placeholder=${placeholder} .value=${live(value)}
      data-field=${which === 'lat' ? 'parcel.geometry' : nothing}
      aria-invalid=${error ? 'true' : 'false'} aria-describedby=${`${idOf('parcel.geometry')}-error`}
      @input=${(e: Event) => set((e.target as HTMLInputElement).value)}>
    ${which === 'lat' ? html`<p class="field-error" id="${idOf('parcel.geometry')}-error" data-geometry-error>${shown ?? ''}</p>` : nothing}
  </div>`;
}

async function save(producerId: string): Promise<void> {
  const d = draft;
  if (!d || saving) return;
  if (!await passesLocally(problems, parcelProblems(d))) return;
  const geometry = parsed(d).geometry as Geometry;
  // The body is written as text: the coordinates and the area keep their decimals exactly as typed.
  const body = jsonWithRaw({ parcelId: d.parcelId, name: d.name.trim(), product: d.product, deforestationFreeSince2020: d.deforestationFree },
    { declaredAreaHectares: areaText(d), geometry: geometryJson(geometry) });
  saving = true;
  try {
    const saved = await call<ParcelFeature>(`${CONTRACTS}/producers/${producerId}/parcels`,
      { method: 'POST', body, contentType: 'application/json', headers: GEOJSON });
    problems.clear();
    draft = fresh();
    flash(`Parcela «${saved.properties.name}» registrada`);
  } catch (e) {
    // Every problem of the geometry (a coordinate, a ring, the type) belongs to the one field where it was typed;
    // the fields are named apart from the member's own form above, which has a "name" too.
    problems.refused(e, (f) => (f.startsWith('geometry') ? 'parcel.geometry' : `parcel.${f}`));
  } finally {
    saving = false;
  }
  await focusFirstProblem();
}
