// The clause editor: a new agreement (a draft), a draft's changes, or an amendment of a signed one
// from a date. Quality parameters, price adjustments, volume tiers, the committed volume with its
// tolerance and penalty, payment terms, incentive and sanction rules and technical assistance; every problem
// shown on its field.
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { live } from 'lit/directives/live.js';
import { call, explain } from '../api';
import { app, go, refresh } from '../app';
import { type ClauseForm, blankForm, clausesOf, codeFor, formOf, newParameter, newRule } from '../domain/clauses';
import { SCHEME_NAMES } from '../domain/certification';
import { day, limaDate, productName } from '../format';
import { ASSISTANCE_KINDS, type Agreement, STATUS_NAMES, UNIT_NAMES, versionOn } from '../domain/agreement';
import { counterpartyNames } from './agreements';
import {
  CONTRACTS, FormProblems, type Organisation, type ProducerView, back, buyers, choice, errorLine, field,
  flash, focusFirstProblem, idOf, networksOf, rememberBuyer, rememberProducers,
} from './manage';

type Mode = 'new' | 'draft' | 'amend';

interface Editor {
  key: string;
  mode: Mode;
  agreement: Agreement | null;
  id: string;
  buyerId: string;
  counterpartyType: 'PRODUCER_GROUP' | 'PRODUCER';
  counterpartyId: string;
  product: string;
  unit: string;
  startDate: string;
  endDate: string;
  effectiveFrom: string;
  reason: string;
  form: ClauseForm;
  producerQuery: string;
  producerMatches: ProducerView[];
  rucQuery: string;
  saving: boolean;
}

const problems = new FormProblems();
let editor: Editor | null = null;
let loadError: string | null = null;

/** A year from the first of next month: a common length for a first agreement. */
function defaultDates(): [string, string] {
  const today = limaDate();
  const [y, m] = today.split('-').map(Number);
  const start = `${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`;
  const end = `${Number(start.slice(0, 4)) + 1}-${start.slice(5, 7)}-01`;
  const last = new Date(`${end}T12:00:00Z`);
  last.setUTCDate(last.getUTCDate() - 1);
  return [today, last.toISOString().slice(0, 10)];
}

async function open(key: string, mode: Mode, id?: string): Promise<void> {
  if (editor?.key === key) return;
  problems.clear();
  loadError = null;
  const [start, end] = defaultDates();
  editor = { key, mode, agreement: null, id: crypto.randomUUID(), buyerId: '', counterpartyType: 'PRODUCER_GROUP',
    counterpartyId: '', product: 'milk', unit: '', startDate: start, endDate: end, effectiveFrom: limaDate(), reason: '',
    form: blankForm(), producerQuery: '', producerMatches: [], rucQuery: '', saving: false };
  if (!id) return;
  try {
    const a = await call<Agreement>(`${CONTRACTS}/agreements/${id}`);
    const base = mode === 'amend' ? versionOn(a, limaDate()) ?? a.versions[a.versions.length - 1] : a.versions[0];
    Object.assign(editor, { agreement: a, buyerId: a.buyerId, counterpartyType: a.counterparty.type,
      counterpartyId: a.counterparty.id, product: a.product, unit: a.unit, startDate: a.startDate, endDate: a.endDate,
      form: formOf(base.clauses) });
  } catch (e) {
    loadError = explain(e);
  }
}

export async function newAgreementScreen() {
  await open('new', 'new');
  return editorScreen();
}

export async function editDraftScreen([id]: string[]) {
  await open(`draft:${id}`, 'draft', id);
  return editorScreen();
}

export async function amendScreen([id]: string[]) {
  await open(`amend:${id}`, 'amend', id);
  return editorScreen();
}

/** Starting a new agreement from another's clauses: associations sign the same terms with each network. */
let templates: Agreement[] = [];

async function editorScreen() {
  const ed = editor as Editor;
  let networks: Organisation[] = [];
  let buyerList: Organisation[] = [];
  let products: { code: string; name: string; unit: string }[] = [];
  let names = new Map<string, string>();
  try {
    [networks, buyerList] = await Promise.all([networksOf(), buyers()]);
    if (ed.mode === 'new') {
      [products, templates] = await Promise.all([
        call<{ code: string; name: string; unit: string }[]>(`${CONTRACTS}/organisations/${app.me?.organisationId}/products`),
        templates.length > 0 ? Promise.resolve(templates) : call<Agreement[]>(`${CONTRACTS}/agreements?size=100`)]);
      names = await counterpartyNames(templates);
    } else if (ed.agreement) {
      names = await counterpartyNames([ed.agreement]);
    }
    if (!ed.buyerId) ed.buyerId = buyerList.find((b) => b.id !== app.me?.organisationId)?.id ?? buyerList[0]?.id ?? '';
  } catch (e) {
    loadError = explain(e);
  }
  const title = ed.mode === 'new' ? 'Nuevo acuerdo' : ed.mode === 'draft' ? 'Editar el borrador' : 'Adenda';
  const f = ed.form;
  const a = ed.agreement;
  const parts = ed.mode === 'new' ? partiesForm(ed, networks, buyerList, products, names) : html`
    <p><strong>${a ? names.get(a.counterparty.id) ?? a.counterparty.id : ''}</strong> · ${productName(ed.product)} para
      ${buyerList.find((b) => b.id === ed.buyerId)?.name ?? ed.buyerId}${a ? html` · ${STATUS_NAMES[a.status]}` : nothing}</p>`;
  const dates = ed.mode === 'amend' ? html`<fieldset><legend>La adenda</legend>
      <p class="hint small">Las cláusulas de abajo rigen desde esa fecha; lo anterior sigue rigiendo lo ya entregado.
        Vigencia del acuerdo: ${a ? `${day(a.startDate)} al ${day(a.endDate)}` : ''}.</p>
      ${field('effectiveFrom', problems, { label: 'Rige desde', type: 'date', value: ed.effectiveFrom, required: true,
        onInput: (v) => { ed.effectiveFrom = v; } })}
      ${field('reason', problems, { label: 'Motivo de la adenda', value: ed.reason, required: true, max: 500,
        onInput: (v) => { ed.reason = v; } })}
    </fieldset>` : html`<fieldset><legend>Vigencia</legend>
      ${field('startDate', problems, { label: 'Desde', type: 'date', value: ed.startDate, required: true, onInput: (v) => { ed.startDate = v; } })}
      ${field('endDate', problems, { label: 'Hasta (inclusive)', type: 'date', value: ed.endDate, required: true, onInput: (v) => { ed.endDate = v; } })}
    </fieldset>`;
  const unit = UNIT_NAMES[ed.unit || products.find((p) => p.code === ed.product)?.unit || 'L'] ?? ed.unit;
  const clauses = html`${qualityForm(f)}${priceForm(f, unit)}${quantityForm(f, unit)}${incentivesForm(f, unit)}${assistanceForm(f)}${certificationForm(f)}`;
  return html`
    <h1>${title}</h1>
    ${errorLine(loadError)}
    <form class="editor" novalidate @submit=${(e: Event) => { e.preventDefault(); void save(); }}>
      ${parts}
      ${dates}
      ${clauses}
      ${problems.summary()}
      <button class="button primary" type="submit" ?disabled=${ed.saving}>${ed.mode === 'amend' ? 'Registrar la adenda'
        : 'Guardar el borrador'}</button>
    </form>
    ${back(a ? `#/acuerdos/${a.id}` : '#/acuerdos', 'Cancelar')}`;
}

function partiesForm(ed: Editor, networks: Organisation[], buyerList: Organisation[],
  products: { code: string; name: string; unit: string }[], names: Map<string, string>): TemplateResult {
  const counterpartyError = problems.at('counterparty.id');
  return html`<fieldset><legend>Las partes</legend>
    ${choice('buyerId', problems, 'Comprador', ed.buyerId, buyerList.map((b): [string, string] =>
      [b.id, b.id === app.me?.organisationId ? `${b.name} (la propia organización compra)` : b.name]), (v) => { ed.buyerId = v; })}
    <details class="other-buyer"><summary>¿Otro comprador? Búsquelo por su RUC</summary>
      <label class="field" for="buyer-ruc">RUC del comprador</label>
      <div class="inline">
        <input id="buyer-ruc" type="text" inputmode="numeric" maxlength="11" .value=${live(ed.rucQuery)}
          @input=${(e: Event) => { ed.rucQuery = (e.target as HTMLInputElement).value; }}>
        <button class="button small-button" type="button" aria-label="Buscar comprador por RUC" @click=${() => findBuyer(ed)}>Buscar</button>
      </div>
    </details>
    <fieldset class="radios"><legend>Vende</legend>
      <label class="option"><input type="radio" name="cp-type" .checked=${ed.counterpartyType === 'PRODUCER_GROUP'}
        @change=${() => { ed.counterpartyType = 'PRODUCER_GROUP'; ed.counterpartyId = ''; void refresh(); }}> Una red (todos sus socios)</label>
      <label class="option"><input type="radio" name="cp-type" .checked=${ed.counterpartyType === 'PRODUCER'}
        @change=${() => { ed.counterpartyType = 'PRODUCER'; ed.counterpartyId = ''; void refresh(); }}> Un productor</label>
    </fieldset>
    ${ed.counterpartyType === 'PRODUCER_GROUP' ? html`<div class="form-field">
      <label class="field" for=${idOf('counterparty.id')}>Red</label>
      <select id=${idOf('counterparty.id')} data-field="counterparty.id" aria-invalid=${counterpartyError ? 'true' : 'false'}
        aria-describedby="${idOf('counterparty.id')}-error" @change=${(e: Event) => { ed.counterpartyId = (e.target as HTMLSelectElement).value; }}>
        <option value="" ?selected=${ed.counterpartyId === ''}>Elija la red…</option>
        ${networks.map((n) => html`<option value=${n.id} ?selected=${n.id === ed.counterpartyId}>${n.name}</option>`)}
      </select>
      <p class="field-error" id="${idOf('counterparty.id')}-error">${counterpartyError ?? ''}</p>
    </div>` : html`<div class="form-field">
      <label class="field" for="producer-find">Productor: nombre o DNI</label>
      <div class="inline">
        <input id="producer-find" type="search" autocomplete="off" .value=${live(ed.producerQuery)}
          aria-invalid=${counterpartyError ? 'true' : 'false'} aria-describedby="${idOf('counterparty.id')}-error"
          @input=${(e: Event) => { ed.producerQuery = (e.target as HTMLInputElement).value; }}
          @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') { e.preventDefault(); void findProducers(ed); } }}>
        <button class="button small-button" type="button" aria-label="Buscar productor" @click=${() => findProducers(ed)}>Buscar</button>
      </div>
      ${ed.producerMatches.map((p) => html`<label class="option"><input type="radio" name="cp-producer" .checked=${p.id === ed.counterpartyId}
        @change=${() => { ed.counterpartyId = p.id; }}> ${p.name} <small>DNI ${p.nationalId}</small></label>`)}
      <p class="field-error" id="${idOf('counterparty.id')}-error">${counterpartyError ?? ''}</p>
    </div>`}
    ${choice('product', problems, 'Producto', ed.product, products.map((p): [string, string] => [p.code, p.name]),
      (v) => { ed.product = v; ed.unit = ''; void refresh(); })}
    ${choice('unit', problems, 'Unidad', ed.unit, [['', 'La del producto'], ...Object.entries(UNIT_NAMES)], (v) => { ed.unit = v; void refresh(); })}
    ${templates.length > 0 ? html`<label class="field" for="template">Partir de las cláusulas de</label>
      <select id="template" @change=${(e: Event) => {
        const t = templates.find((x) => x.id === (e.target as HTMLSelectElement).value);
        ed.form = t ? formOf((versionOn(t, limaDate()) ?? t.versions[t.versions.length - 1]).clauses) : blankForm();
        void refresh();
      }}>
        <option value="">Cláusulas en blanco</option>
        ${templates.map((t) => html`<option value=${t.id}>${names.get(t.counterparty.id) ?? t.counterparty.id.slice(0, 8)} ·
          ${productName(t.product)} · ${STATUS_NAMES[t.status]}</option>`)}
      </select>` : nothing}
  </fieldset>`;
}

async function findBuyer(ed: Editor): Promise<void> {
  try {
    const found = await call<Organisation[]>(`${CONTRACTS}/organisations/buyers?ruc=${encodeURIComponent(ed.rucQuery.trim())}`);
    if (found.length === 0) {
      problems.local(new Map([['buyerId', `ningún comprador registrado con RUC ${ed.rucQuery.trim()}`]]));
    } else {
      rememberBuyer(found[0]);
      ed.buyerId = found[0].id;
      problems.clear();
    }
  } catch (e) {
    problems.refused(e, (f) => (f === 'ruc' ? 'buyerId' : f));
  }
  void refresh();
}

async function findProducers(ed: Editor): Promise<void> {
  try {
    ed.producerMatches = await call<ProducerView[]>(`${CONTRACTS}/organisations/${app.me?.organisationId}/producers?size=10`
      + `&q=${encodeURIComponent(ed.producerQuery.trim())}`);
    rememberProducers(ed.producerMatches);
    if (ed.producerMatches.length === 1) ed.counterpartyId = ed.producerMatches[0].id;
  } catch (e) {
    problems.refused(e);
  }
  void refresh();
}

// --- the four clauses ---

const P = 'clauses.';

function removeButton(label: string, remove: () => void): TemplateResult {
  return html`<button class="link remove" type="button" @click=${() => { remove(); void refresh(); }}>Quitar ${label}</button>`;
}

function qualityForm(f: ClauseForm): TemplateResult {
  return html`<fieldset class="clause"><legend>Calidad</legend>
    <p class="hint small">Lo que se mide en cada entrega; un lote fuera de un límite se rechaza.</p>
    ${f.parameters.map((p, i) => {
      const at = `${P}quality.parameters[${i}].`;
      return html`<div class="item" data-item="parameter">
        ${field(`${at}name`, problems, { label: `Parámetro ${i + 1}: nombre`, value: p.name, required: true, max: 100,
          onInput: (v) => { p.name = v; if (p.auto) p.code = codeFor(v); } })}
        <p class="small hint">${p.kind === 'NUMERIC' ? 'Medida con límites' : 'Prueba sí/no'} · código
          <code>${p.code || codeFor(p.name) || '—'}</code></p>
        <p class="field-error">${problems.at(`${at}code`) ?? ''}</p>
        ${p.kind === 'NUMERIC' ? html`<div class="grid3">
          ${field(`${at}unit`, problems, { label: 'Unidad', value: p.unit, max: 10, placeholder: '%, °C', onInput: (v) => { p.unit = v; } })}
          ${field(`${at}min`, problems, { label: 'Mínimo', value: p.min, inputmode: 'decimal', onInput: (v) => { p.min = v; } })}
          ${field(`${at}max`, problems, { label: 'Máximo', value: p.max, inputmode: 'decimal', onInput: (v) => { p.max = v; } })}
        </div>` : choice(`${at}passValue`, problems, 'Aprueba con resultado', p.passValue ? 'true' : 'false',
          [['false', 'No (p. ej. antibióticos: negativo)'], ['true', 'Sí (p. ej. certificación vigente)']], (v) => { p.passValue = v === 'true'; })}
        <label class="option"><input type="checkbox" .checked=${p.required} @change=${(e: Event) => { p.required = (e.target as HTMLInputElement).checked; }}>
          Se mide en cada entrega (sin la lectura, el lote se rechaza)</label>
        ${removeButton(`el parámetro ${p.name || i + 1}`, () => f.parameters.splice(i, 1))}
      </div>`;
    })}
    <div class="actions">
      <button class="button" type="button" @click=${() => { f.parameters.push(newParameter('NUMERIC')); void refresh(); }}>+ Medida con límites</button>
      <button class="button" type="button" @click=${() => { f.parameters.push(newParameter('BOOLEAN')); void refresh(); }}>+ Prueba sí/no</button>
    </div>
  </fieldset>`;
}

function priceForm(f: ClauseForm, unit: string): TemplateResult {
  const numeric = f.parameters.filter((p) => p.kind === 'NUMERIC' && (p.code || p.name))
    .map((p): [string, string] => [p.code || codeFor(p.name), p.name || p.code]);
  return html`<fieldset class="clause"><legend>Precio y pago</legend>
    ${choice(`${P}price.currency`, problems, 'Moneda', f.currency, [['PEN', 'Soles (S/)'], ['USD', 'Dólares (USD)']], (v) => { f.currency = v; })}
    ${field(`${P}price.basePrice`, problems, { label: `Precio base por ${unit}`, value: f.basePrice, inputmode: 'decimal', required: true,
      hint: 'Hasta 4 decimales, p. ej. 1.03', onInput: (v) => { f.basePrice = v; } })}
    <h3>Ajustes por calidad</h3>
    <p class="hint small">Se suman al precio base cuando la lectura cae en el rango [desde, hasta); un monto negativo es un descuento.</p>
    ${f.adjustments.map((a, i) => {
      const at = `${P}price.qualityAdjustments[${i}].`;
      if (!a.parameter && numeric.length > 0) a.parameter = numeric[0][0];
      return html`<div class="item" data-item="adjustment">
        ${choice(`${at}parameter`, problems, `Ajuste ${i + 1}: parámetro`, a.parameter, numeric, (v) => { a.parameter = v; })}
        <div class="grid3">
          ${field(`${at}from`, problems, { label: 'Desde', value: a.from, inputmode: 'decimal', onInput: (v) => { a.from = v; } })}
          ${field(`${at}to`, problems, { label: 'Hasta (sin incluir)', value: a.to, inputmode: 'decimal', onInput: (v) => { a.to = v; } })}
          ${field(`${at}amountPerUnit`, problems, { label: `Monto por ${unit}`, value: a.amountPerUnit, inputmode: 'decimal', required: true,
            onInput: (v) => { a.amountPerUnit = v; } })}
        </div>
        ${removeButton(`el ajuste ${i + 1}`, () => f.adjustments.splice(i, 1))}
      </div>`;
    })}
    <button class="button" type="button" @click=${() => { f.adjustments.push({ parameter: '', from: '', to: '', amountPerUnit: '' }); void refresh(); }}>+ Ajuste por calidad</button>
    <h3>Bonos por volumen</h3>
    <p class="hint small">Una quincena que llega a la cantidad gana el bono en todo lo aceptado (rige el tramo más alto alcanzado).</p>
    ${f.tiers.map((t, i) => {
      const at = `${P}price.volumeTiers[${i}].`;
      return html`<div class="item" data-item="tier"><div class="grid2">
        ${field(`${at}minQuantity`, problems, { label: `Tramo ${i + 1}: desde (${unit} en la quincena)`, value: t.minQuantity, inputmode: 'decimal',
          required: true, onInput: (v) => { t.minQuantity = v; } })}
        ${field(`${at}bonusPerUnit`, problems, { label: `Bono por ${unit}`, value: t.bonusPerUnit, inputmode: 'decimal', required: true,
          onInput: (v) => { t.bonusPerUnit = v; } })}
        </div>${removeButton(`el tramo ${i + 1}`, () => f.tiers.splice(i, 1))}</div>`;
    })}
    <button class="button" type="button" @click=${() => { f.tiers.push({ minQuantity: '', bonusPerUnit: '' }); void refresh(); }}>+ Tramo de volumen</button>
    <h3>Pago</h3>
    ${field(`${P}price.paymentTermDays`, problems, { label: 'Días para pagar después del cierre de la quincena', value: f.paymentTermDays,
      inputmode: 'numeric', required: true, hint: 'Pago quincenal (del 1 al 15 y del 16 a fin de mes); de 0 a 120 días',
      onInput: (v) => { f.paymentTermDays = v; } })}
  </fieldset>`;
}

function quantityForm(f: ClauseForm, unit: string): TemplateResult {
  return html`<fieldset class="clause"><legend>Volumen comprometido</legend>
    <label class="option"><input id="committed" type="checkbox" .checked=${f.committed}
      @change=${(e: Event) => { f.committed = (e.target as HTMLInputElement).checked; void refresh(); }}> El productor se compromete a un volumen</label>
    ${f.committed ? html`<div class="grid2">
      ${field(`${P}quantity.committedQuantity`, problems, { label: `Cantidad (${unit})`, value: f.committedQuantity, inputmode: 'decimal',
        required: true, onInput: (v) => { f.committedQuantity = v; } })}
      ${choice(`${P}quantity.per`, problems, 'Por', f.per, [['DAY', 'día'], ['FORTNIGHT', 'quincena']], (v) => { f.per = v as 'DAY' | 'FORTNIGHT'; })}
      ${field(`${P}quantity.tolerancePercent`, problems, { label: 'Tolerancia (%)', value: f.tolerancePercent, inputmode: 'decimal', required: true,
        onInput: (v) => { f.tolerancePercent = v; } })}
      ${field(`${P}quantity.shortfallPenaltyPerUnit`, problems, { label: `Penalidad por ${unit} que falte`, value: f.shortfallPenaltyPerUnit,
        inputmode: 'decimal', hint: 'Vacío: sin penalidad', onInput: (v) => { f.shortfallPenaltyPerUnit = v; } })}
    </div>` : nothing}
  </fieldset>`;
}

function incentivesForm(f: ClauseForm, unit: string): TemplateResult {
  return html`<fieldset class="clause"><legend>Incentivos y sanciones</legend>
    <p class="hint small">Se revisan al cierre de cada quincena. Un bono por aceptación se paga en la liquidación de la quincena
      siguiente, en su propia línea; una entrega bajo el compromiso da aviso a ambas partes.</p>
    ${f.rules.map((r, i) => {
      const at = `${P}incentives.rules[${i}].`;
      return html`<div class="item" data-item="rule">
        ${choice(`${at}kind`, problems, `Regla ${i + 1}`, r.kind, [['ACCEPTANCE_BONUS', 'Bono por aceptación'],
          ['UNDER_COMMITMENT', 'Entrega bajo el compromiso']], (v) => { Object.assign(r, newRule(v as typeof r.kind)); void refresh(); })}
        <div class="grid3">
          ${field(`${at}consecutiveFortnights`, problems, { label: 'Quincenas seguidas', value: r.consecutiveFortnights, inputmode: 'numeric',
            required: true, hint: 'De 1 a 6', onInput: (v) => { r.consecutiveFortnights = v; } })}
          ${r.kind === 'ACCEPTANCE_BONUS' ? html`
            ${field(`${at}minAcceptancePercent`, problems, { label: 'Aceptación mínima (%)', value: r.minAcceptancePercent,
              inputmode: 'decimal', required: true, onInput: (v) => { r.minAcceptancePercent = v; } })}
            ${field(`${at}bonusPerUnit`, problems, { label: `Bono por ${unit}`, value: r.bonusPerUnit, inputmode: 'decimal',
              required: true, onInput: (v) => { r.bonusPerUnit = v; } })}`
            : choice(`${at}action`, problems, 'Consecuencia', r.action, [['WARNING', 'Advertencia'],
              ['SUSPENSION_PROPOSED', 'Proponer la suspensión']], (v) => { r.action = v as typeof r.action; })}
        </div>
        ${removeButton(`la regla ${i + 1}`, () => f.rules.splice(i, 1))}
      </div>`;
    })}
    <button class="button" type="button" @click=${() => { f.rules.push(newRule('ACCEPTANCE_BONUS')); void refresh(); }}>+ Regla</button>
  </fieldset>`;
}

function assistanceForm(f: ClauseForm): TemplateResult {
  return html`<fieldset class="clause"><legend>Asistencia técnica y crédito</legend>
    ${f.services.map((s, i) => {
      const at = `${P}assistance.services[${i}].`;
      return html`<div class="item" data-item="service">
        ${choice(`${at}kind`, problems, `Servicio ${i + 1}`, s.kind, Object.entries(ASSISTANCE_KINDS), (v) => { s.kind = v; })}
        ${field(`${at}description`, problems, { label: 'Descripción', value: s.description, max: 200, onInput: (v) => { s.description = v; } })}
        ${field(`${at}visitsPerMonth`, problems, { label: 'Visitas al mes', value: s.visitsPerMonth, inputmode: 'numeric',
          hint: 'Vacío si no son visitas', onInput: (v) => { s.visitsPerMonth = v; } })}
        <label class="option"><input type="checkbox" .checked=${s.chargedToProducer}
          @change=${(e: Event) => { s.chargedToProducer = (e.target as HTMLInputElement).checked; }}> Se cobra al productor (se descuenta de sus pagos)</label>
        ${removeButton(`el servicio ${i + 1}`, () => f.services.splice(i, 1))}
      </div>`;
    })}
    <button class="button" type="button" @click=${() => { f.services.push({ kind: 'TECHNICAL_VISITS', description: '', visitsPerMonth: '',
      chargedToProducer: false }); void refresh(); }}>+ Servicio</button>
    ${field(`${P}assistance.maxInstalments`, problems, { label: 'Armadas para recuperar un cargo (máximo)', value: f.maxInstalments,
      inputmode: 'numeric', required: true, hint: 'De 1 a 12 quincenas', onInput: (v) => { f.maxInstalments = v; } })}
  </fieldset>`;
}

function certificationForm(f: ClauseForm): TemplateResult {
  return html`<fieldset class="clause"><legend>Certificación exigida</legend>
    <p class="hint small">Un lote de un productor sin ese certificado vigente el día de la entrega queda marcado y no entra en un envío
      declarado certificado; su calidad y su precio no cambian.</p>
    ${choice(`${P}certification.required`, problems, 'Certificado que debe tener el productor', f.certificationRequired,
      [['', 'Ninguna'], ...Object.entries(SCHEME_NAMES)], (v) => { f.certificationRequired = v; void refresh(); })}
    ${f.certificationRequired === 'OTHER' ? field(`${P}certification.schemeName`, problems, { label: 'Nombre de la certificación',
      value: f.certificationSchemeName, required: true, max: 100, onInput: (v) => { f.certificationSchemeName = v; } }) : nothing}
  </fieldset>`;
}

// --- saving ---

async function save(): Promise<void> {
  const ed = editor;
  if (!ed || ed.saving) return;
  const { clauses, problems: found } = clausesOf(ed.form);
  const missing = new Map(found);
  if (ed.mode === 'new' && !ed.counterpartyId) missing.set('counterparty.id', ed.counterpartyType === 'PRODUCER' ? 'busque y elija al productor' : 'elija la red');
  if (ed.mode === 'amend' && !ed.reason.trim()) missing.set('reason', 'obligatorio: quedará en el historial');
  if (ed.mode === 'amend' && !ed.effectiveFrom) missing.set('effectiveFrom', 'obligatorio');
  if (ed.mode !== 'amend' && !ed.startDate) missing.set('startDate', 'obligatorio');
  if (ed.mode !== 'amend' && !ed.endDate) missing.set('endDate', 'obligatorio');
  if (missing.size > 0) {
    problems.local(missing);
    await focusFirstProblem();
    return;
  }
  ed.saving = true;
  try {
    let saved: Agreement;
    if (ed.mode === 'new') {
      saved = await call<Agreement>(`${CONTRACTS}/agreements`, { method: 'POST', body: { id: ed.id, buyerId: ed.buyerId,
        counterparty: { type: ed.counterpartyType, id: ed.counterpartyId }, product: ed.product, unit: ed.unit || null,
        startDate: ed.startDate, endDate: ed.endDate, clauses } });
    } else if (ed.mode === 'draft') {
      saved = await call<Agreement>(`${CONTRACTS}/agreements/${ed.agreement?.id}`, { method: 'PUT', body: {
        version: ed.agreement?.version, startDate: ed.startDate, endDate: ed.endDate, clauses } });
    } else {
      saved = await call<Agreement>(`${CONTRACTS}/agreements/${ed.agreement?.id}/amendments`, { method: 'POST', body: {
        id: ed.id, version: ed.agreement?.version, effectiveFrom: ed.effectiveFrom, clauses, reason: ed.reason.trim() } });
    }
    problems.clear();
    editor = null;
    templates = [];
    flash(ed.mode === 'amend' ? `Adenda registrada: rige desde el ${day(ed.effectiveFrom)}` : 'Borrador guardado',
      `#/acuerdos/${saved.id}`);
    go(`#/acuerdos/${saved.id}`);
  } catch (e) {
    ed.saving = false;
    problems.refused(e);
    await focusFirstProblem();
  }
}
