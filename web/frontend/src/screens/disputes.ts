// The staff's side of a producer's claim against a rejection: the claims at the operator's centre (or, for the
// buyer's manager, at every centre of the organisation), and for each the lot as it was judged, what the
// producer says, and the counter-sample's re-test, which decides it by the clause version that judged the lot.
// Claims are read and decided online: the deadline runs on the server.
import { html, nothing } from 'lit/html.js';
import { live } from 'lit/directives/live.js';
import { ApiError, call, explain } from '../api';
import { app, go, hasRole, refresh } from '../app';
import { db } from '../db';
import { type Dispute, forTheCentre, staffText } from '../domain/dispute';
import { cleanText } from '../domain/input';
import type { LotReceipt, LotRevisionView, QualityParameter } from '../domain/types';
import { VERDICT_NAMES, dateTime, limaInstant, limaLocal, quantity, readingText } from '../format';
import { refreshRoster } from '../sync';
import { type ReadingFields, corrected, numberField, readingsOf, testField, versionOf } from './lotForm';
import { producersById } from './manage';

const LOTS = '/api/lots/v1';

/** The re-test being written; its time is taken once, so sending it again is the same re-test, not another. */
interface RetestDraft extends ReadingFields {
  disputeId: string;
  testedBy: string;
  testedAt: string; // as the input holds it, to the minute, in Lima
  opened: { local: string; instant: string }; // when the form was opened: left as is, the exact instant is sent
  sending: boolean;
}

let draft: RetestDraft | null = null;

/** The lot as the claim contested it: the lot itself while the claim has not changed it, else that revision. */
type Judged = Pick<LotReceipt, 'quantity' | 'readings' | 'verdict' | 'reasons'>;

/**
 * The claim, its lot now and as it was judged, as last read: a tap in the form redraws at once, without asking the
 * server again. `judged` is null when the contested revision could not be read (the lot now is shown instead).
 */
let shown: { at: number; dispute: Dispute; lot: LotReceipt; judged: Judged | null } | null = null;

/**
 * Who is looking: the operator at their centre (the day's centre chosen), or the buyer's manager over the whole
 * organisation; anyone else has nothing here.
 */
function viewer(): { centreId: string | null; home: string } | null {
  if (app.workplace && app.centre) return { centreId: app.centre.id, home: '#/hoja' };
  if (hasRole('buyer-admin')) return { centreId: null, home: '#/gestion' };
  go(hasRole('centre-operator') ? '#/centro' : '#/');
  return null;
}

/** The claims to resolve, the open ones first with the nearest deadline on top, then the latest decided. */
export async function disputesScreen() {
  const who = viewer();
  if (!who) return html``;
  if (!app.online) return offline(who.home);
  // The centres' names do not depend on the claims: asked for at the same time, one round trip less.
  const centresAsked = who.centreId ? Promise.resolve(new Map<string, string>()) : centreNames();
  let disputes: Dispute[] = [];
  let error: string | null = null;
  try {
    disputes = forTheCentre(await call<Dispute[]>(`${LOTS}/disputes${who.centreId ? `?centreId=${who.centreId}` : ''}`));
  } catch (e) {
    error = explain(e);
  }
  const open = disputes.filter((d) => d.status === 'OPEN');
  const decided = disputes.filter((d) => d.status !== 'OPEN').slice(0, 20);
  const [names, centres] = await Promise.all([
    producerNames(who.centreId, [...open, ...decided].map((d) => d.producerId ?? '')), centresAsked]);
  const row = (d: Dispute) => html`<li><a class="card dispute-row" href="#/reclamos/${d.id}" data-dispute-id=${d.id}>
    <span class="card-title">${names.get(d.producerId ?? '') ?? 'Productor'}</span>
    <span class="small">Reclamo del ${dateTime(d.openedAt)}${centres.has(d.centreId ?? '') ? ` · ${centres.get(d.centreId ?? '')}` : ''}</span>
    <span class="dispute ${d.status === 'OVERTURNED' ? 'ok-text' : d.status === 'UPHELD' ? 'warn-text' : ''}"
      data-dispute=${d.status}>${staffText(d)}</span></a></li>`;
  return html`
    <h1>Reclamos de productores</h1>
    <p class="small">${who.centreId ? app.centre?.name : 'Todos los centros de acopio'}: rechazos que un productor no acepta.
      Analice la contramuestra y registre el resultado.</p>
    ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
    <h2>Por resolver (${open.length})</h2>
    <ul class="cards">${open.length === 0 ? html`<li class="empty">Ningún reclamo pendiente</li>` : open.map(row)}</ul>
    ${decided.length > 0 ? html`<h2>Resueltos</h2><ul class="cards">${decided.map(row)}</ul>` : nothing}
    <a class="button" href=${who.home}>${who.centreId ? 'Volver a la hoja' : 'Volver a la gestión'}</a>`;
}

/** One claim: the lot as judged, the producer's reason, and the re-test (the form while it is open). */
export async function disputeScreen([id]: string[]) {
  const who = viewer();
  if (!who) return html``;
  if (!app.online) return offline(who.home);
  if (shown?.dispute.id !== id || Date.now() - shown.at > 10_000) {
    try {
      const found = await call<Dispute>(`${LOTS}/disputes/${id}`);
      const lot = await call<LotReceipt>(`${LOTS}/lots/${found.lotId}`);
      shown = { at: Date.now(), dispute: found, lot, judged: await judgedRevision(found, lot) };
    } catch (e) {
      shown = null;
      return html`<h1>Reclamo</h1><p class="error" role="alert">${explain(e)}</p>${back()}`;
    }
  }
  const { dispute, lot, judged } = shown;
  const claimed = judged ?? lot;
  const changed = lot.revision !== dispute.lotRevision;
  const clause = await clauseOf(lot); // the version that judged the lot judges its re-test
  const names = new Map(clause.map((p) => [p.code, { name: p.name, unit: p.unit ?? '' }]));
  const producer = (await producerNames(lot.centreId, [lot.producerId])).get(lot.producerId) ?? 'Productor';
  return html`
    <h1>Reclamo de ${producer}</h1>
    <p class="dispute ${dispute.status === 'OVERTURNED' ? 'ok-text' : dispute.status === 'UPHELD' ? 'warn-text' : ''}"
      data-dispute=${dispute.status} role="status">${staffText(dispute)}</p>
    <section class="card" aria-label="El lote reclamado">
      <p class="card-title">Entrega del ${dateTime(lot.deliveredAt)} · <span class="qty">${quantity(claimed.quantity, lot.unit)}</span></p>
      <p class="small">${judged || !changed ? 'Como se juzgó:' : 'Como quedó después del reclamo:'}</p>
      <p class="badge ${claimed.verdict === 'ACCEPTED' ? 'ok' : 'bad'}" data-judged=${claimed.verdict}>${VERDICT_NAMES[claimed.verdict]}</p>
      ${claimed.reasons.length ? html`<ul class="reasons">${claimed.reasons.map((r) => html`<li>${r.message}</li>`)}</ul>` : nothing}
      <p class="small">${claimed.readings.map((r) => readingText(r, names.get(r.parameter))).join(' · ')}</p>
      ${judged && changed ? html`<p class="small" data-now=${lot.verdict}>Después del reclamo (revisión ${lot.revision}):
        <span class="badge ${lot.verdict === 'ACCEPTED' ? 'ok' : 'bad'}">${VERDICT_NAMES[lot.verdict]}</span></p>` : nothing}
      <p><strong>Dice el productor:</strong> «${dispute.reason ?? ''}»</p>
    </section>
    ${dispute.retest ? retestPart(dispute, names) : nothing}
    ${dispute.status === 'OPEN' ? retestForm(dispute, clause) : nothing}
    ${back()}`;
}

function retestPart(d: Dispute, names: Map<string, { name: string; unit: string }>) {
  const r = d.retest as NonNullable<Dispute['retest']>;
  return html`<section class="card" aria-label="Re-análisis de la contramuestra" data-retest=${r.verdict}>
    <p class="card-title">Contramuestra: <span class="badge ${r.verdict === 'ACCEPTED' ? 'ok' : 'bad'}">${VERDICT_NAMES[r.verdict]}</span></p>
    <p class="small">Analizada por ${r.testedBy} el ${dateTime(r.testedAt)}</p>
    <p class="small">${r.readings.map((x) => readingText(x, names.get(x.parameter))).join(' · ')}</p>
    ${r.reasons.length ? html`<ul class="reasons">${r.reasons.map((x) => html`<li>${x.message}</li>`)}</ul>` : nothing}
  </section>`;
}

function retestForm(dispute: Dispute, clause: QualityParameter[]) {
  if (clause.length === 0) {
    return html`<p class="error" role="alert">No se pudieron obtener las condiciones del acuerdo que juzgó el lote;
      vuelva a abrir el reclamo con conexión.</p>`;
  }
  if (draft?.disputeId !== dispute.id) {
    const now = new Date();
    draft = { disputeId: dispute.id, testedBy: app.me?.name ?? '', testedAt: limaLocal(now), values: {}, results: {},
      instruments: {}, errors: {}, sending: false, opened: { local: limaLocal(now), instant: now.toISOString() } };
  }
  const d = draft;
  return html`<h2>Resultado de la contramuestra</h2>
    <form novalidate class="retest" @submit=${(e: Event) => { e.preventDefault(); void sendRetest(dispute, clause); }}>
      <label class="field" for="tested-by">Analizada por</label>
      <input id="tested-by" type="text" maxlength="200" .value=${live(d.testedBy)} aria-invalid=${d.errors.testedBy ? 'true' : 'false'}
        aria-describedby="tested-by-error" @input=${(e: Event) => { d.testedBy = (e.target as HTMLInputElement).value; corrected(d, 'testedBy'); }}>
      <p class="field-error" id="tested-by-error">${d.errors.testedBy ?? ''}</p>
      <label class="field" for="tested-at">Fecha y hora del análisis</label>
      <input id="tested-at" type="datetime-local" .value=${live(d.testedAt)} max=${limaLocal()}
        aria-invalid=${d.errors.testedAt ? 'true' : 'false'} aria-describedby="tested-at-error"
        @input=${(e: Event) => { d.testedAt = (e.target as HTMLInputElement).value; corrected(d, 'testedAt'); }}>
      <p class="field-error" id="tested-at-error">${d.errors.testedAt ?? ''}</p>
      ${clause.map((p) => p.kind === 'BOOLEAN' ? testField(p, d) : numberField(`r-${p.code}`,
        `${p.name}${p.unit ? ` (${p.unit})` : ''}`, d.values[p.code] ?? '', d.errors[p.code],
        (v) => { d.values[p.code] = v; corrected(d, p.code); }, false))}
      <p class="small">Se juzga con las condiciones que juzgaron el lote. Si pasa, el lote queda aceptado y se paga en su
        liquidación; si no, el rechazo queda. El productor recibe el resultado.</p>
      ${d.errors.form ? html`<p class="error" role="alert">${d.errors.form}</p>` : nothing}
      <button class="button primary big" type="submit" id="save" ?disabled=${d.sending}>Registrar el resultado</button>
    </form>`;
}

async function sendRetest(dispute: Dispute, clause: QualityParameter[]): Promise<void> {
  const d = draft as RetestDraft;
  if (d.sending) return;
  d.errors = {};
  const testedBy = cleanText(d.testedBy, 200);
  if (!testedBy) d.errors.testedBy = 'Indique quién analizó la contramuestra';
  if (!d.testedAt) d.errors.testedAt = 'Indique cuándo se analizó';
  else if (d.testedAt > limaLocal()) d.errors.testedAt = 'La fecha del análisis no puede ser futura';
  // To the minute, a re-test right after the delivery could read as before it.
  const testedAt = d.testedAt === d.opened.local ? d.opened.instant : limaInstant(d.testedAt);
  const readings = readingsOf(clause, d, testedAt);
  if (Object.keys(d.errors).length > 0) {
    void refresh();
    return;
  }
  d.sending = true;
  void refresh();
  try {
    const decided = await call<Dispute>(`${LOTS}/disputes/${dispute.id}/retest`, {
      method: 'POST', body: { testedBy, readings, testedAt },
    });
    draft = null;
    app.notice = decided.status === 'OVERTURNED' ? 'Reclamo fundado: el lote quedó aceptado y se pagará'
      : 'Reclamo no fundado: el rechazo queda';
    await showDecided(decided);
  } catch (e) {
    d.sending = false;
    if (e instanceof ApiError && e.status === 409) { // decided meanwhile (another re-test, the deadline) or voided
      shown = null;
      draft = null;
      app.notice = explain(e);
    } else {
      d.errors.form = explain(e);
    }
  }
  void refresh();
}

/**
 * The decided claim with its lot read once: the screen shows it, and a lot this phone recorded takes its new
 * revision (an overturned rejection is accepted now).
 */
async function showDecided(decided: Dispute): Promise<void> {
  try {
    const lot = await call<LotReceipt>(`${LOTS}/lots/${decided.lotId}`);
    shown = { at: Date.now(), dispute: decided, lot, judged: await judgedRevision(decided, lot) };
    const local = await db.lots.get(lot.id);
    if (local) await db.lots.put({ ...local, receipt: lot });
  } catch {
    shown = null; // the screen reads both again; the sheet's next refresh brings the lot
  }
}

/** The lot as the claim contested it: itself while unchanged, else that revision from its history. */
async function judgedRevision(dispute: Dispute, lot: LotReceipt): Promise<Judged | null> {
  if (lot.revision === dispute.lotRevision) return lot;
  try {
    const history = await call<LotRevisionView[]>(`${LOTS}/lots/${lot.id}/history`);
    return history.find((r) => r.revision === dispute.lotRevision) ?? null;
  } catch {
    return null; // the lot as it now stands is shown, said so
  }
}

/**
 * The quality parameters of the agreement version that judged the lot, from the centre's agreements this device
 * keeps; a device without them (the manager's desk) downloads the centre's roster once, as an operator's does.
 */
async function clauseOf(lot: LotReceipt): Promise<QualityParameter[]> {
  const kept = async () => versionOf(await db.agreements.where('centreId').equals(lot.centreId).toArray(), lot);
  const clause = await kept();
  if (clause.length > 0) return clause;
  try {
    await refreshRoster(lot.centreId);
  } catch {
    return []; // the screen says the terms are missing
  }
  return kept();
}

/** Producers' names: from the centre's roster on this device, else from the organisation's producer listing. */
async function producerNames(centreId: string | null, ids: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (centreId) {
    for (const p of await db.producers.where('centreId').equals(centreId).toArray()) names.set(p.id, p.name);
  }
  const missing = [...new Set(ids)].filter((id) => id && !names.has(id));
  if (missing.length > 0 && hasRole('buyer-admin')) {
    for (const [id, p] of await producersById(missing)) names.set(id, p.name);
  }
  return names;
}

/** The organisation's collection centres by id, for a list that spans them; without them the rows just omit it. */
async function centreNames(): Promise<Map<string, string>> {
  try {
    return new Map((await call<{ id: string; name: string }[]>(`${LOTS}/collection-centres`)).map((c) => [c.id, c.name]));
  } catch {
    return new Map();
  }
}

function offline(home: string) {
  return html`<h1>Reclamos de productores</h1>
    <p class="notice" role="status">Sin conexión: los reclamos se consultan y resuelven en línea.</p>
    <a class="button" href=${home}>Volver</a>`;
}

function back() {
  return html`<a class="button" href="#/reclamos">Volver a los reclamos</a>`;
}
