// Step 4: the verdict at once, the producer's receipt (print or share), and what can be done with
// the lot: wait for the server, fix a refused one, correct or void a sent one.
import { html, nothing } from 'lit/html.js';
import { ApiError, call, explain } from '../api';
import { app, go, refresh } from '../app';
import { type ClaimForm, newClaimForm, sendClaim } from '../claims';
import { type LocalLot, db } from '../db';
import { type Dispute, latestByLot, staffText } from '../domain/dispute';
import type { LotReceipt, Reading, RejectionReason } from '../domain/types';
import { SHIFT_NAMES, VERDICT_NAMES, dateTime, productName, quantity, readingText } from '../format';
import { isVoided } from './sheet';

let voiding: { id: string; reason: string; error: string | null } | null = null;

/**
 * The claim against this lot's rejection as last read; and the one being written at the counter
 * for a producer who came to complain, with its id made once so a double tap opens one claim.
 */
let claim: { lotId: string; at: number; found: Dispute | null; error: string | null; form: ClaimForm | null } | null = null;

export async function lotScreen([id]: string[]) {
  const lot = await db.lots.get(id);
  if (!lot) return html`<h1>Lote no encontrado</h1><a class="button" href="#/hoja">Volver a la hoja</a>`;
  const verdict = lot.receipt?.verdict ?? lot.provisional?.verdict;
  const reasons: RejectionReason[] = lot.receipt?.reasons ?? lot.provisional?.reasons ?? [];
  const voided = isVoided(lot);
  const names = await parameterNames(lot.centreId);
  const refused = lot.state === 'refused'; // the server stored nothing: no verdict stands
  return html`
    <section class="verdict ${voided || refused ? 'voided' : verdict === 'ACCEPTED' ? 'ok' : 'bad'}" aria-live="polite">
      <p class="verdict-word" data-verdict=${refused ? '' : verdict ?? ''}>${voided ? 'ANULADO' : refused ? 'NO REGISTRADO'
        : verdict ? VERDICT_NAMES[verdict] : '—'}</p>
      <p class="verdict-state" data-state=${lot.state}>${stateLine(lot)}</p>
      ${reasons.length > 0 && !refused ? html`<ul class="reasons">${reasons.map((r) => html`<li>${r.message}</li>`)}</ul>` : nothing}
    </section>
    ${lot.differs ? html`<p class="warn-box" role="alert" data-differs="true">El servidor dio otro resultado que el equipo:
      ${lot.provisional ? VERDICT_NAMES[lot.provisional.verdict] : ''} en el equipo, ${lot.receipt ? VERDICT_NAMES[lot.receipt.verdict] : ''}
      en el servidor (las condiciones del acuerdo cambiaron). Vale el del servidor; avise al productor.</p>` : nothing}
    ${lot.state === 'refused' ? html`<div class="error" role="alert" data-refused="true"><strong>El servidor no registró este lote:</strong>
      ${lot.problem?.detail ?? lot.problem?.title ?? ''}
      ${(lot.problem?.violations ?? []).length ? html`<ul>${lot.problem?.violations?.map((v) => html`<li>${v.message}</li>`)}</ul>` : nothing}
      <p>Corríjalo o descártelo.</p></div>` : nothing}
    ${refused ? nothing : html`<article class="receipt" id="receipt" aria-label="Constancia de entrega">
      <h2>Constancia de entrega</h2>
      <pre>${receiptText(lot, names)}</pre>
    </article>
    <div class="actions">
      <button class="button" @click=${() => share(lot, names)}>Compartir</button>
      <button class="button" @click=${() => window.print()}>Imprimir</button>
    </div>`}
    <a class="button primary big" href="#/productor" data-autofocus>Siguiente productor</a>
    ${lot.state === 'refused' ? html`<div class="actions">
      <a class="button" href="#/lote/${lot.id}/editar">Corregir</a>
      <button class="button danger" @click=${() => discard(lot)}>Descartar</button></div>` : nothing}
    ${lot.state === 'confirmed' && !voided ? html`<div class="actions">
      <a class="button" href="#/lote/${lot.id}/editar">Corregir</a>
      <button class="button danger" @click=${() => { voiding = { id: lot.id, reason: '', error: null }; void refresh(); }}>Anular</button></div>` : nothing}
    ${voiding?.id === lot.id ? voidForm(lot) : nothing}
    ${await claimPart(lot)}
    <a class="button" href="#/hoja">Volver a la hoja</a>`;
}

/** A sent rejection may be contested: its claim as it stands, or how to register one for the producer. */
async function claimPart(lot: LocalLot) {
  const r = lot.receipt;
  if (lot.state !== 'confirmed' || !r || isVoided(lot) || !app.online || (r.verdict !== 'REJECTED' && r.revision === 1)) {
    return nothing;
  }
  // Read again when another lot is shown or this one's is more than 10 s old (a re-test may have decided it).
  if (claim?.lotId !== lot.id || (!claim.form && Date.now() - claim.at > 10_000)) {
    claim = { lotId: lot.id, at: Date.now(), found: null, error: null, form: null };
    try {
      const ofProducer = await call<Dispute[]>(`/api/lots/v1/disputes?centreId=${lot.centreId}&producerId=${lot.producerId}`);
      claim.found = latestByLot(ofProducer).get(lot.id) ?? null;
    } catch (e) {
      claim.error = explain(e);
    }
  }
  const c = claim;
  if (c.found) {
    return html`<section class="card" aria-label="Reclamo del productor">
      <p class="card-title">Reclamo del productor</p>
      <p class="dispute" data-dispute=${c.found.status}>${staffText(c.found)}</p>
      <a class="button" href="#/reclamos/${c.found.id}">Ver el reclamo</a></section>`;
  }
  if (r.verdict !== 'REJECTED') return nothing;
  if (c.error) return html`<p class="error" role="alert">${c.error}</p>`;
  if (!c.form) {
    return html`<button class="button" @click=${() => {
      c.form = newClaimForm(); void refresh();
    }}>Registrar reclamo del productor</button>`;
  }
  const f = c.form;
  return html`<form class="contest" @submit=${(e: Event) => { e.preventDefault(); void openClaim(lot); }}>
    <label class="field" for="claim-reason">¿Por qué no está de acuerdo el productor?</label>
    <textarea id="claim-reason" rows="3" maxlength="500" data-autofocus .value=${f.reason}
      @input=${(e: Event) => { f.reason = (e.target as HTMLTextAreaElement).value; }}></textarea>
    <p class="small">Guarde la contramuestra del lote: su análisis decide el reclamo.</p>
    ${f.error ? html`<p class="error" role="alert">${f.error}</p>` : nothing}
    <div class="actions">
      <button class="button primary" type="submit" ?disabled=${f.sending}>Registrar reclamo</button>
      <button class="button" type="button" @click=${() => { c.form = null; void refresh(); }}>Cancelar</button>
    </div>
  </form>`;
}

async function openClaim(lot: LocalLot): Promise<void> {
  const f = claim?.form;
  if (!f) return;
  const opened = await sendClaim(lot.id, f, 'Anote lo que dice el productor');
  if (opened) {
    claim = null;
    go(`#/reclamos/${opened.id}`);
  } else {
    void refresh();
  }
}

function stateLine(lot: LocalLot): string {
  if (lot.state === 'pending') return 'Provisional: calculado en el equipo, falta enviarlo';
  if (lot.state === 'refused') return 'El servidor no lo aceptó';
  if (lot.receipt && lot.receipt.revision > 1) return `Confirmado por el servidor · corregido (revisión ${lot.receipt.revision})`;
  return 'Confirmado por el servidor';
}

type Names = Map<string, { name: string; unit: string }>;

/** Each quality parameter's name and unit, from the centre's agreements, for the receipt. */
async function parameterNames(centreId: string): Promise<Names> {
  const names: Names = new Map();
  for (const a of await db.agreements.where('centreId').equals(centreId).toArray()) {
    for (const v of a.versions) for (const p of v.quality) names.set(p.code, { name: p.name, unit: p.unit ?? '' });
  }
  return names;
}

function readingLine(r: Reading, names: Names): string {
  return readingText(r, names.get(r.parameter));
}

/** The producer's copy, as plain text: it prints, and it travels through WhatsApp as it is. */
export function receiptText(lot: LocalLot, names: Names): string {
  const r: LotReceipt | null = lot.receipt;
  const q = lot.request;
  const verdict = r?.verdict ?? lot.provisional?.verdict;
  const reasons = r?.reasons ?? lot.provisional?.reasons ?? [];
  const readings = r?.readings ?? q?.readings ?? [];
  const lines = [
    `Centro: ${app.centre?.name ?? ''}`,
    `Fecha: ${dateTime(r?.deliveredAt ?? q?.deliveredAt ?? lot.savedAt)} · turno ${lot.shift ? SHIFT_NAMES[lot.shift] : '-'}`,
    `Productor: ${lot.producerName}${lot.nationalId ? ` (DNI ${lot.nationalId})` : ''}`,
    `${productName(r?.product ?? q?.product ?? '')}: ${quantity(r?.quantity ?? q?.quantity ?? 0, r?.unit ?? q?.unit ?? '')}`,
    ...readings.map((x) => readingLine(x, names)),
    `Resultado: ${isVoided(lot) ? 'ANULADO' : verdict ? VERDICT_NAMES[verdict] : '-'}${lot.state === 'pending' ? ' (provisional)' : ''}`,
    ...reasons.map((x) => `- ${x.message}`),
    `Lote: ${lot.id.slice(0, 8)}`,
  ];
  return lines.join('\n');
}

async function share(lot: LocalLot, names: Names): Promise<void> {
  const text = `Articula · Constancia de entrega\n${receiptText(lot, names)}`;
  try {
    if (navigator.share) {
      await navigator.share({ title: 'Constancia de entrega', text });
      return;
    }
    await navigator.clipboard.writeText(text);
    app.notice = 'Constancia copiada: péguela en WhatsApp o en un mensaje';
  } catch {
    app.notice = 'No se pudo compartir; use Imprimir';
  }
  void refresh();
}

async function discard(lot: LocalLot): Promise<void> {
  if (!confirm(`¿Descartar el lote de ${lot.producerName}? El servidor no lo tiene; se borra de este equipo.`)) return;
  await db.lots.delete(lot.id);
  go('#/hoja');
}

function voidForm(lot: LocalLot) {
  const v = voiding as { id: string; reason: string; error: string | null };
  return html`<form class="void" @submit=${(e: Event) => { e.preventDefault(); void voidLot(lot); }}>
    <label class="field" for="void-reason">Motivo de la anulación</label>
    <input id="void-reason" type="text" maxlength="500" data-autofocus .value=${v.reason}
      @input=${(e: Event) => { v.reason = (e.target as HTMLInputElement).value; }}>
    ${v.error ? html`<p class="error" role="alert">${v.error}</p>` : nothing}
    <button class="button danger" type="submit">Anular el lote</button>
  </form>`;
}

async function voidLot(lot: LocalLot): Promise<void> {
  const v = voiding as { id: string; reason: string; error: string | null };
  const reason = v.reason.trim();
  if (!reason) {
    v.error = 'Indique el motivo';
    void refresh();
    return;
  }
  try {
    const receipt = await call<LotReceipt>(`/api/lots/v1/lots/${lot.id}/void`, {
      method: 'POST', body: { version: lot.receipt?.version, reason },
    });
    await db.lots.put({ ...lot, receipt });
    voiding = null;
  } catch (e) {
    v.error = e instanceof ApiError && e.status === 409 ? 'El lote cambió en el servidor; vuelva a abrirlo' : explain(e);
  }
  void refresh();
}
