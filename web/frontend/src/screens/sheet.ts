// The day's sheet: lots so far, litres, rejections and what is waiting to be sent.
import { html, nothing } from 'lit/html.js';
import { call } from '../api';
import { app, go, refresh, saveWorkplace } from '../app';
import { type LocalLot, db } from '../db';
import { SHIFT_NAMES, VERDICT_NAMES, day, limaDate, quantity, time } from '../format';
import { csvButton } from '../downloads';
import { refreshRoster, refreshSheet, sendPending, status } from '../sync';

type Filter = 'all' | 'pending' | 'rejected' | 'attention';
let filter: Filter = 'all';
let lastRefresh = 0;
let openClaims: number | null = null; // producers' claims at the centre awaiting the counter-sample's re-test

export function verdictOf(lot: LocalLot) {
  return lot.receipt?.verdict ?? lot.provisional?.verdict ?? null;
}

export function isVoided(lot: LocalLot): boolean {
  return lot.receipt?.status === 'VOIDED';
}

export function needsAttention(lot: LocalLot): boolean {
  return lot.state === 'refused' || lot.differs;
}

function quantityOf(lot: LocalLot): string {
  return String(lot.receipt?.quantity ?? lot.request?.quantity ?? '0');
}

export async function sheetScreen() {
  const w = app.workplace;
  if (!w || !app.centre) {
    go('#/centro');
    return html``;
  }
  const today = limaDate();
  if (w.date !== today) await saveWorkplace({ ...w, date: today }); // a new day on the same phone
  if (app.online && Date.now() - lastRefresh > 60000) {
    lastRefresh = Date.now();
    void Promise.allSettled([refreshSheet(w.centreId, today), refreshRoster(w.centreId),
      call<unknown[]>(`/api/lots/v1/disputes?centreId=${w.centreId}&status=OPEN`).then((open) => { openClaims = open.length; }),
    ]).then(() => refresh());
    if ((await db.lots.where('state').equals('pending').count()) > 0) void sendPending();
  }
  if (location.hash.endsWith('?pendientes')) filter = 'pending';
  const lots = (await db.lots.where('[centreId+deliveryDate]').equals([w.centreId, today]).toArray())
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  // A lot of an earlier day still waiting for the server, or refused by it, stays in sight.
  const earlier = (await db.lots.where('state').anyOf('pending', 'refused').toArray())
    .filter((l) => l.centreId === w.centreId && l.deliveryDate !== today);
  const counted = lots.filter((l) => !isVoided(l) && l.state !== 'refused');
  const units = [...new Set(counted.map((l) => l.receipt?.unit ?? l.request?.unit ?? ''))];
  const accepted = counted.filter((l) => verdictOf(l) === 'ACCEPTED');
  const total = (list: LocalLot[]) => list.reduce((sum, l) => sum + Number(quantityOf(l)), 0);
  const shiftLots = counted.filter((l) => l.shift === w.shift);
  const pending = lots.filter((l) => l.state === 'pending');
  const attention = lots.filter(needsAttention);
  const shown = lots.filter((l) => filter === 'all' || (filter === 'pending' && l.state === 'pending')
    || (filter === 'rejected' && verdictOf(l) === 'REJECTED') || (filter === 'attention' && needsAttention(l)));
  const unit = units.length === 1 ? units[0] : '';
  return html`
    <section class="sheet-head">
      <h1>${app.centre.name}</h1>
      <p>${day(today)} · turno ${SHIFT_NAMES[w.shift]}
        <button class="link" @click=${() => switchShift()}>cambiar a ${w.shift === 'MORNING' ? 'tarde' : 'mañana'}</button></p>
    </section>
    <a class="button primary big" href="#/productor" data-autofocus>Registrar entrega</a>
    <dl class="counters">
      <div><dt>Lotes del día</dt><dd data-count="lots">${counted.length}</dd></div>
      <div><dt>Este turno</dt><dd data-count="shift">${shiftLots.length}</dd></div>
      <div><dt>Aceptados</dt><dd data-count="accepted">${unit ? quantity(total(accepted), unit, 0, 0) : accepted.length}</dd></div>
      <div><dt>Rechazos</dt><dd data-count="rejected">${counted.length - accepted.length}</dd></div>
      <div class=${pending.length ? 'warn' : ''}><dt>Por enviar</dt><dd data-count="pending">${pending.length}</dd></div>
    </dl>
    ${pending.length > 0 ? html`<button class="button" ?disabled=${status.sending || !app.online}
      @click=${() => void sendPending()}>${status.sending ? 'Enviando…' : `Enviar ahora (${pending.length})`}</button>` : nothing}
    ${status.retryAt && pending.length > 0 ? html`<p class="notice" role="status">El servidor está ocupado: los lotes
      quedan guardados en el equipo y se enviarán solos a las ${time(status.retryAt)}.</p>` : nothing}
    ${status.lastError ? html`<p class="error" role="alert">${status.lastError}
      ${status.sessionExpired ? html`<a href="#/entrar">Entrar</a>` : nothing}</p>` : nothing}
    ${attention.length > 0 ? html`<p class="warn-box" role="alert">${attention.length} lote(s) requieren revisión
      <button class="link" @click=${() => { filter = 'attention'; void refresh(); }}>ver</button></p>` : nothing}
    <nav class="tabs" aria-label="Filtro de lotes">
      ${(['all', 'pending', 'rejected', 'attention'] as Filter[]).map((f) => html`<button aria-pressed=${filter === f}
        class=${filter === f ? 'selected' : ''} @click=${() => { filter = f; void refresh(); }}>
        ${{ all: 'Todos', pending: 'Por enviar', rejected: 'Rechazos', attention: 'Revisar' }[f]}</button>`)}
    </nav>
    <ul class="lots">
      ${shown.length === 0 ? html`<li class="empty">Sin lotes${filter === 'all' ? ' todavía' : ''}</li>` : nothing}
      ${shown.map((l) => lotRow(l))}
    </ul>
    ${earlier.length > 0 ? html`<h2>De días anteriores</h2>
      <ul class="lots">${earlier.map((l) => lotRow(l))}</ul>` : nothing}
    ${app.online ? csvButton(`/api/lots/v1/collection-centres/${app.centre.id}/sheet?date=${today}`,
      `planilla-${today}.csv`, 'Descargar la planilla del día (CSV)') : nothing}
    <a class="button ${openClaims ? 'attention' : ''}" href="#/reclamos">Reclamos de productores${openClaims
      ? ` (${openClaims} por resolver)` : ''}</a>
    <a class="button" href="#/envios?centro=${app.centre.id}">Envíos del centro (cisterna, consignación)</a>
    <p><a href="#/centro">Cambiar de centro u operador</a></p>`;
}

function lotRow(l: LocalLot) {
  const verdict = verdictOf(l);
  const state = isVoided(l) ? 'Anulado' : l.state === 'pending' ? 'Por enviar' : l.state === 'refused' ? 'No aceptado por el servidor' : 'Enviado';
  return html`<li><a class="lot-row" href="#/lote/${l.id}" data-lot=${l.id}>
    <span class="when">${l.deliveryDate === limaDate() ? '' : `${day(l.deliveryDate).slice(0, 5)} `}${time(l.request?.deliveredAt ?? l.receipt?.deliveredAt ?? l.savedAt)}</span>
    <span class="who">${l.producerName}</span>
    <span class="qty">${quantity(quantityOf(l), l.receipt?.unit ?? l.request?.unit ?? '')}</span>
    <span class="badge ${isVoided(l) ? 'voided' : verdict === 'ACCEPTED' ? 'ok' : 'bad'}">${isVoided(l) ? 'ANULADO' : verdict ? VERDICT_NAMES[verdict] : '—'}</span>
    <span class="state ${l.state}">${state}${l.differs ? ' · verdicto cambió' : ''}</span>
  </a></li>`;
}

async function switchShift(): Promise<void> {
  const w = app.workplace;
  if (!w) return;
  await saveWorkplace({ ...w, shift: w.shift === 'MORNING' ? 'AFTERNOON' : 'MORNING' });
  void refresh();
}
