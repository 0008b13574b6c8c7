// The organisation's members: found by name or DNI a page at a time, registered and corrected one by
// one, or imported from a CSV file with every refused row shown on its line.
import { html, nothing } from 'lit/html.js';
import { live } from 'lit/directives/live.js';
import { ApiError, call, explain } from '../api';
import { app, go, refresh } from '../app';
import {
  CONTRACTS, FormProblems, type Organisation, PAGE_SIZE, type ProducerView, back, choice, errorLine, field,
  flash, flashLine, focusFirstProblem, networksOf, pager, rememberProducers,
} from './manage';
import { csvLines, rowsRefused } from '../domain/csv';
import { mobileForNotices } from '../domain/monitor';
import { producerCompliance } from './parcels';

let query = '';
let page = 0;
let networkFilter = '';

const producersPath = () => `${CONTRACTS}/organisations/${app.me?.organisationId}/producers`;

/** #/socios, or #/socios?red=<id> for one network's members. */
export async function producersScreen([red]: string[]) {
  if (red !== undefined && red !== networkFilter) {
    networkFilter = red;
    page = 0;
  }
  let list: ProducerView[] = [];
  let networks: Organisation[] = [];
  let error: string | null = null;
  try {
    [list, networks] = await Promise.all([
      call<ProducerView[]>(`${producersPath()}?size=${PAGE_SIZE}&page=${page}&q=${encodeURIComponent(query.trim())}`
        + (networkFilter ? `&groupId=${networkFilter}` : '')),
      networksOf()]);
    rememberProducers(list);
  } catch (e) {
    error = explain(e);
  }
  const networkName = new Map(networks.map((n) => [n.id, n.name]));
  return html`
    <h1>Socios</h1>
    ${flashLine()}
    ${errorLine(error)}
    <form role="search" class="panel" @submit=${(e: Event) => { e.preventDefault(); page = 0; void refresh(); }}>
      <label class="field" for="producer-q">Buscar por nombre o DNI</label>
      <div class="inline">
        <input id="producer-q" type="search" autocomplete="off" .value=${live(query)}
          @input=${(e: Event) => { query = (e.target as HTMLInputElement).value; }}>
        <button class="button small-button" type="submit">Buscar</button>
      </div>
      <label class="field" for="producer-network">Red</label>
      <select id="producer-network" @change=${(e: Event) => { networkFilter = (e.target as HTMLSelectElement).value; page = 0; void refresh(); }}>
        <option value="" ?selected=${networkFilter === ''}>Todas las redes</option>
        ${networks.map((n) => html`<option value=${n.id} ?selected=${n.id === networkFilter}>${n.name}</option>`)}
      </select>
    </form>
    <div class="actions">
      <a class="button primary" href="#/socios/nuevo">Nuevo socio</a>
      <a class="button" href="#/socios/importar">Importar CSV</a>
    </div>
    ${list.length === 0 && !error ? html`<p class="empty">Ningún socio${query.trim() ? ' con esa búsqueda' : ''}.</p>` : html`
    <table class="stack">
      <caption>Socios${networkFilter ? ` de ${networkName.get(networkFilter) ?? 'la red'}` : ''}</caption>
      <thead><tr><th scope="col">Nombre</th><th scope="col">DNI/RUC</th><th scope="col">Red</th><th scope="col">Distrito</th>
        <th scope="col">Celular</th></tr></thead>
      <tbody>${list.map((p) => html`<tr data-producer=${p.id}>
        <td><a href="#/socios/${p.id}">${p.name}</a></td><td data-label="DNI/RUC">${p.nationalId}</td>
        <td data-label="Red">${p.groupId ? networkName.get(p.groupId) ?? '—' : '—'}</td><td data-label="Distrito">${p.district}</td>
        <td data-label="Celular">${p.phone ?? '—'}${p.noticesOptIn ? html`<br><small>avisos por ${p.noticeChannel === 'WHATSAPP'
          ? 'WhatsApp' : 'SMS'}</small>` : nothing}</td>
      </tr>`)}</tbody>
    </table>`}
    ${pager('socios', page, list.length, (p) => { page = p; void refresh(); })}
    ${back('#/gestion', 'Volver')}`;
}

// --- one producer ---

const problems = new FormProblems();
let formKey: string | null = null;
let producer: ProducerView | null = null;
let newId = crypto.randomUUID();
let form = { nationalId: '', name: '', district: '', region: '', phone: '', groupId: '', noticesOptIn: false,
  noticeChannel: 'SMS' as 'SMS' | 'WHATSAPP' };

/** #/socios/nuevo or #/socios/<id>. */
export async function producerFormScreen([id]: string[]) {
  const key = id ?? 'nuevo';
  let error: string | null = null;
  let networks: Organisation[] = [];
  try {
    networks = await networksOf();
    if (formKey !== key) {
      formKey = key;
      problems.clear();
      producer = null;
      newId = crypto.randomUUID();
      form = { nationalId: '', name: '', district: '', region: '', phone: '', groupId: networkFilter, noticesOptIn: false,
        noticeChannel: 'SMS' };
      if (id) {
        producer = await call<ProducerView>(`${producersPath()}/${id}`);
        form = { nationalId: producer.nationalId, name: producer.name, district: producer.district,
          region: producer.region ?? '', phone: producer.phone ?? '', groupId: producer.groupId ?? '',
          noticesOptIn: producer.noticesOptIn ?? false, noticeChannel: producer.noticeChannel ?? 'SMS' };
      }
    }
  } catch (e) {
    error = explain(e);
  }
  const f = form;
  const fields = html`
    ${producer ? html`<p><strong>${producer.nationalIdType}:</strong> ${producer.nationalId}
      <span class="hint small">(no cambia: otro número es otra persona)</span></p>`
      : field('nationalId', problems, { label: 'DNI o RUC', value: f.nationalId, required: true, inputmode: 'numeric', max: 11,
        hint: 'DNI de 8 dígitos o RUC de 11', onInput: (v) => { f.nationalId = v; } })}
    ${field('name', problems, { label: 'Nombre completo', value: f.name, required: true, max: 200, onInput: (v) => { f.name = v; } })}
    ${field('district', problems, { label: 'Distrito', value: f.district, required: true, max: 100, onInput: (v) => { f.district = v; } })}
    ${field('region', problems, { label: 'Región', value: f.region, max: 100, onInput: (v) => { f.region = v; } })}
    ${field('phone', problems, { label: 'Celular', value: f.phone, inputmode: 'tel', autocomplete: 'tel', max: 16,
      onInput: (v) => { f.phone = v; } })}
    ${noticesFields(f)}
    ${choice('groupId', problems, 'Red', f.groupId, [['', 'Ninguna'], ...networks.map((n): [string, string] => [n.id, n.name])],
      (v) => { f.groupId = v; })}`;
  return html`
    <h1>${id ? 'Socio' : 'Nuevo socio'}</h1>
    ${errorLine(error)}
    <form class="panel" @submit=${(e: Event) => { e.preventDefault(); void save(); }}>
      ${fields}
      ${problems.summary()}
      <button class="button primary" type="submit">${id ? 'Guardar cambios' : 'Registrar socio'}</button>
    </form>
    ${producer ? html`<a class="button" href="#/cumplimiento/socio/${producer.id}">Cumplimiento de sus acuerdos</a>` : nothing}
    ${producer ? await producerCompliance(producer.id) : nothing}
    ${back('#/socios', 'Volver a los socios')}`;
}

/** Notices by SMS or WhatsApp: only with the producer's consent, to a Peruvian mobile. */
function noticesFields(f: typeof form) {
  return html`<fieldset data-notices>
    <legend>Avisos al celular</legend>
    <label class="option"><input id="f-noticesOptIn" type="checkbox" .checked=${live(f.noticesOptIn)}
      @change=${(e: Event) => { f.noticesOptIn = (e.target as HTMLInputElement).checked; void refresh(); }}>
      <span>Recibe avisos <small>El socio aceptó que le escribamos: el resultado de cada entrega, su pago quincenal
        y el de sus reclamos. Celular peruano de 9 dígitos.</small></span></label>
    ${f.noticesOptIn ? html`<div class="radios" role="radiogroup" aria-label="Por dónde">
      ${(['SMS', 'WHATSAPP'] as const).map((c) => html`<label class="option"><input type="radio" name="notice-channel"
        value=${c} .checked=${live(f.noticeChannel === c)} @change=${() => { f.noticeChannel = c; }}>
        ${c === 'SMS' ? 'Por SMS' : 'Por WhatsApp'}</label>`)}</div>` : nothing}
  </fieldset>`;
}

async function save(): Promise<void> {
  const f = form;
  const body = { name: f.name.trim(), district: f.district.trim(), region: f.region.trim() || null,
    // Kept as typed (spaces aside), as an import keeps it; notices need the +51 form the sender dials.
    phone: (f.noticesOptIn ? mobileForNotices(f.phone) : f.phone.replace(/[\s-]/g, '')) || null, groupId: f.groupId || null,
    noticesOptIn: f.noticesOptIn,
    noticeChannel: f.noticesOptIn ? f.noticeChannel : null };
  try {
    const saved = producer
      ? await call<ProducerView>(`${producersPath()}/${producer.id}`, { method: 'PUT', body: { ...body, version: producer.version } })
      : await call<ProducerView>(producersPath(), { method: 'POST', body: { ...body, id: newId, nationalId: f.nationalId.trim() } });
    rememberProducers([saved]);
    formKey = null;
    flash(`Socio «${saved.name}» guardado`, '#/socios');
    go('#/socios');
  } catch (e) {
    problems.refused(e);
    await focusFirstProblem();
  }
}

// --- CSV import ---

interface ImportReport {
  rows: number;
  created: number;
  unchanged: number;
  results: { line: number; nationalId: string; producerId: string; outcome: 'CREATED' | 'UNCHANGED' }[];
}

/** Rows of a large file listed after an import: the rest are counted, not drawn. */
const SHOWN_ROWS = 100;

let csv = '';
let fileName = '';
let importGroup = '';
let report: ImportReport | null = null;
let badRows: { line: number; text: string; problems: string[] }[] = [];
let importError: string | null = null;
let importing = false;

/** Spreadsheets save CSV as UTF-8 or, on many Windows machines, as Windows-1252: accents survive both. */
async function readText(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export async function importScreen() {
  let networks: Organisation[] = [];
  try {
    networks = await networksOf();
  } catch (e) {
    importError = explain(e);
  }
  const lines = csvLines(csv);
  return html`
    <h1>Importar socios</h1>
    <p class="hint">Un archivo CSV con una fila de títulos y un socio por fila. Columnas: <code>dni</code>, <code>nombre</code>,
      <code>distrito</code> (obligatorias), <code>región</code>, <code>teléfono</code>, <code>avisos</code> (sí o no: el socio
      aceptó recibirlos; celular +519xxxxxxxx) y <code>canal</code> (SMS o WHATSAPP). Se importan todas las filas o ninguna.</p>
    <p><a href=${templateHref()} download="socios.csv">Descargar un ejemplo</a></p>
    <form class="panel" @submit=${(e: Event) => { e.preventDefault(); void runImport(); }}>
      <label class="field" for="csv-file">Archivo</label>
      <input id="csv-file" type="file" accept=".csv,text/csv,text/plain" @change=${async (e: Event) => {
        const file = (e.target as HTMLInputElement).files?.[0];
        if (!file) return;
        csv = await readText(file);
        fileName = file.name;
        report = null;
        badRows = [];
        importError = null;
        void refresh();
      }}>
      <label class="field" for="csv-text">O pegue aquí las filas</label>
      <textarea id="csv-text" rows="6" spellcheck="false" wrap="off" .value=${live(csv)}
        @input=${(e: Event) => { csv = (e.target as HTMLTextAreaElement).value; fileName = ''; }}></textarea>
      <label class="field" for="csv-network">Red de los socios que no indiquen otra</label>
      <select id="csv-network" @change=${(e: Event) => { importGroup = (e.target as HTMLSelectElement).value; }}>
        <option value="" ?selected=${importGroup === ''}>Ninguna</option>
        ${networks.map((n) => html`<option value=${n.id} ?selected=${n.id === importGroup}>${n.name}</option>`)}
      </select>
      ${fileName ? html`<p class="small" role="status">${fileName}: ${Math.max(lines.size - 1, 0)} filas de socios</p>` : nothing}
      <button class="button primary" type="submit" ?disabled=${importing}>${importing ? 'Importando…' : 'Importar socios'}</button>
    </form>
    ${errorLine(importError)}
    ${badRows.length > 0 ? html`<table class="bad-rows stack">
      <caption>Filas con errores (${badRows.length}); corrija el archivo y vuelva a importarlo</caption>
      <thead><tr><th scope="col" class="num">Línea</th><th scope="col">Fila</th><th scope="col">Problema</th></tr></thead>
      <tbody>${badRows.slice(0, SHOWN_ROWS).map((r) => html`<tr data-line=${r.line}><td class="num"><span class="phone-only">Línea </span>${r.line}</td>
        <td><code>${r.text}</code></td><td class="bad">${r.problems.map((p) => html`${p}<br>`)}</td></tr>`)}</tbody>
    </table>
    ${badRows.length > SHOWN_ROWS ? html`<p class="hint">… y ${badRows.length - SHOWN_ROWS} filas más con errores.</p>` : nothing}` : nothing}
    ${report ? html`<p class="ok-box" role="status" data-imported=${report.created}>Se registraron ${report.created} socios nuevos;
      ${report.unchanged} ya estaban registrados.</p>
      <table class="stack">
        <caption>Filas importadas</caption>
        <thead><tr><th scope="col" class="num">Línea</th><th scope="col">Fila</th><th scope="col">Resultado</th></tr></thead>
        <tbody>${report.results.slice(0, SHOWN_ROWS).map((r) => html`<tr data-line=${r.line}><td class="num"><span class="phone-only">Línea </span>${r.line}</td>
          <td><code>${lines.get(r.line) ?? r.nationalId}</code></td><td>${r.outcome === 'CREATED' ? 'registrado' : 'ya estaba'}</td></tr>`)}</tbody>
      </table>
      ${report.results.length > SHOWN_ROWS ? html`<p class="hint">… y ${report.results.length - SHOWN_ROWS} filas más, todas importadas.</p>` : nothing}` : nothing}
    ${back('#/socios', 'Volver a los socios')}`;
}

function templateHref(): string {
  const sample = 'dni,nombre,distrito,región,teléfono\n45871236,Rosa Quispe Huamán,Laredo,La Libertad,987654321\n';
  return `data:text/csv;charset=utf-8,${encodeURIComponent(sample)}`;
}

async function runImport(): Promise<void> {
  report = null;
  badRows = [];
  importError = null;
  if (!csv.trim()) {
    importError = 'Elija un archivo o pegue las filas';
    void refresh();
    return;
  }
  importing = true;
  void refresh();
  try {
    report = await call<ImportReport>(`${producersPath()}/import${importGroup ? `?groupId=${importGroup}` : ''}`,
      { method: 'POST', body: csv, contentType: 'text/csv; charset=utf-8', timeoutMs: 120000 });
  } catch (e) {
    const violations = e instanceof ApiError ? e.problem.violations ?? [] : [];
    badRows = rowsRefused(violations, csvLines(csv));
    const other = violations.filter((v) => !v.field.startsWith('rows[')).map((v) => v.field === 'file' ? v.message : `${v.field}: ${v.message}`);
    importError = badRows.length > 0 ? `${e instanceof ApiError ? e.problem.detail : ''}` : other.join('; ') || explain(e);
  } finally {
    importing = false;
    void refresh();
  }
}
