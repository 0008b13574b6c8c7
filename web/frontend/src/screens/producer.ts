// Step 2: find the producer, offline, as the operator types.
import { html, nothing } from 'lit/html.js';
import { app, go, refresh } from '../app';
import { db } from '../db';
import { search, shortCode } from '../domain/search';
import { limaDate } from '../format';

let query = '';

export async function producerScreen() {
  const w = app.workplace;
  if (!w) {
    go('#/centro');
    return html``;
  }
  const producers = await db.producers.where('centreId').equals(w.centreId).toArray();
  const todays = await db.lots.where('[centreId+deliveryDate]').equals([w.centreId, limaDate()]).toArray();
  const delivered = new Set(todays.filter((l) => l.shift === w.shift).map((l) => l.producerId));
  const found = search(producers, query, delivered);
  return html`
    <h1>¿Quién entrega?</h1>
    <label class="field" for="q">Nombre, DNI o código</label>
    <input id="q" class="search" type="search" autocomplete="off" inputmode="search" data-autofocus
      .value=${query} @input=${(e: Event) => { query = (e.target as HTMLInputElement).value; void refresh(); }}
      @keydown=${(e: KeyboardEvent) => {
        // What is typed now, not what the last drawing showed: a fast Enter picks the right producer.
        const first = search(producers, (e.target as HTMLInputElement).value, delivered, 1)[0];
        if (e.key === 'Enter' && first) choose(first.id);
      }}>
    ${producers.length === 0 ? html`<p class="error" role="alert">No hay productores guardados en este equipo.
      ${app.online ? 'Vuelva a la hoja para descargarlos.' : 'Conéctese una vez para descargarlos.'}</p>` : nothing}
    <ul class="producers" aria-label="Productores">
      ${found.map((p) => html`<li><button class="producer" data-producer=${p.id} @click=${() => choose(p.id)}>
        <strong>${p.name}</strong>
        <span>DNI ${p.nationalId} · código ${shortCode(p)}${delivered.has(p.id) ? ' · ya entregó este turno' : ''}</span>
      </button></li>`)}
      ${found.length === 0 && producers.length > 0 ? html`<li class="empty">Nadie coincide con «${query}»</li>` : nothing}
    </ul>
    <a class="button" href="#/hoja">Volver a la hoja</a>`;
}

function choose(producerId: string): void {
  query = '';
  go(`#/lote/nuevo/${producerId}`);
}
