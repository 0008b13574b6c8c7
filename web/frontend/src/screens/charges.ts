// Input credit: feed, veterinary services, insemination and advances a member took, recovered from
// the fortnightly payments in instalments ("armadas"); one nothing has recovered yet can be cancelled.
import { html, nothing } from 'lit/html.js';
import { live } from 'lit/directives/live.js';
import { call, explain } from '../api';
import { app, refresh } from '../app';
import { search } from '../domain/search';
import type { Charge } from '../domain/types';
import { CHARGE_KINDS, day, limaDate, money } from '../format';
import { csvButton } from '../downloads';
import { names, producerNames } from './treasury';


let query = '';
let producerId: string | null = null;
let form = { kind: 'FEED', description: '', amount: '', chargeDate: limaDate(), instalments: '2' };
let message: string | null = null;
let error: string | null = null;

export async function chargesScreen() {
  await producerNames();
  const producers = [...names.entries()].map(([id, p]) => ({ id, name: p.name, nationalId: p.nationalId, groupId: null }));
  const found = producerId ? [] : search(producers, query, new Set(), 8);
  let charges: Charge[] = [];
  if (producerId) {
    try {
      charges = await call<Charge[]>(`/api/payments/v1/charges?organisationId=${app.me?.organisationId}&producerId=${producerId}`);
    } catch (e) {
      error = explain(e);
    }
  }
  const chosen = producerId ? names.get(producerId) : null;
  return html`
    <h1>Cargos al crédito</h1>
    ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
    ${message ? html`<p class="notice" role="status">${message}</p>` : nothing}
    ${chosen ? html`<p class="who-big">${chosen.name}<br><small>DNI ${chosen.nationalId}</small>
      <button class="link" @click=${() => { producerId = null; void refresh(); }}>cambiar de socio</button></p>` : html`
      <label class="field" for="member">Socio: nombre o DNI</label>
      <input id="member" type="search" autocomplete="off" .value=${query}
        @input=${(e: Event) => { query = (e.target as HTMLInputElement).value; void refresh(); }}>
      <ul class="producers">${found.map((p) => html`<li><button class="producer" data-producer=${p.id}
        @click=${() => { producerId = p.id; message = null; error = null; void refresh(); }}>
        <strong>${p.name}</strong><span>DNI ${p.nationalId}</span></button></li>`)}</ul>`}
    ${chosen ? html`
      <form class="charge" @submit=${(e: Event) => { e.preventDefault(); void record(); }}>
        <fieldset><legend>Nuevo cargo</legend>
          <label class="field" for="kind">Tipo</label>
          <select id="kind" @change=${(e: Event) => { form.kind = (e.target as HTMLSelectElement).value; }}>
            ${Object.entries(CHARGE_KINDS).map(([k, v]) => html`<option value=${k} ?selected=${form.kind === k}>${v}</option>`)}
          </select>
          <label class="field" for="description">Detalle</label>
          <input id="description" type="text" maxlength="200" .value=${live(form.description)}
            @input=${(e: Event) => { form.description = (e.target as HTMLInputElement).value; }}>
          <label class="field" for="amount">Monto (S/)</label>
          <input id="amount" type="text" inputmode="decimal" .value=${live(form.amount)}
            @input=${(e: Event) => { form.amount = (e.target as HTMLInputElement).value; }}>
          <label class="field" for="charge-date">Fecha</label>
          <input id="charge-date" type="date" max=${limaDate()} .value=${live(form.chargeDate)}
            @input=${(e: Event) => { form.chargeDate = (e.target as HTMLInputElement).value; }}>
          <label class="field" for="instalments">Armadas</label>
          <select id="instalments" @change=${(e: Event) => { form.instalments = (e.target as HTMLSelectElement).value; }}>
            ${['1', '2'].map((n) => html`<option value=${n} ?selected=${form.instalments === n}>${n}</option>`)}
          </select>
          <button class="button primary" type="submit">Registrar cargo</button>
        </fieldset>
      </form>
      <div class="table-wrap" tabindex="0" role="region" aria-label="Cargos del socio"><table>
        <caption>Cargos del socio</caption>
        <thead><tr><th scope="col">Fecha</th><th scope="col">Tipo</th><th scope="col">Detalle</th><th scope="col" class="num">Monto</th>
          <th scope="col">Armadas</th><th scope="col" class="num">Falta</th><th scope="col">Estado</th><th scope="col"></th></tr></thead>
        <tbody>${charges.map((c) => html`<tr data-charge=${c.id}>
          <td>${day(c.chargeDate)}</td><td>${CHARGE_KINDS[c.kind] ?? c.kind}</td><td>${c.description}</td>
          <td class="num">${money(c.amount)}</td>
          <td>${c.instalments.map((i) => html`${money(i.amount)} desde ${day(i.dueFrom)}<br>`)}</td>
          <td class="num">${money(c.remaining)}</td><td>${c.status === 'CANCELLED' ? 'Anulado' : 'Vigente'}</td>
          <td>${c.status !== 'CANCELLED' && Number(c.recovered) === 0 ? html`<button class="link" @click=${() => cancel(c)}>Anular</button>` : nothing}</td>
        </tr>`)}</tbody>
      </table></div>
      ${csvButton(`/api/payments/v1/charges?organisationId=${app.me?.organisationId}&producerId=${producerId}`, `cargos-${producerId}.csv`)}` : nothing}
    <a class="button" href="#/tesoreria">Volver a las quincenas</a>`;
}

async function record(): Promise<void> {
  error = null;
  const amount = form.amount.trim().replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(amount) || Number(amount) <= 0) {
    error = 'Monto: un número mayor que 0, con hasta 2 decimales';
  } else if (!form.description.trim()) {
    error = 'Indique el detalle (por ejemplo: concentrado, 2 sacos)';
  } else {
    try {
      await call('/api/payments/v1/charges', { method: 'POST', body: {
        id: crypto.randomUUID(), organisationId: app.me?.organisationId, producerId, kind: form.kind,
        description: form.description.trim(), amount: Number(amount), chargeDate: form.chargeDate,
        instalments: Number(form.instalments) } });
      message = 'Cargo registrado';
      form = { ...form, description: '', amount: '' };
    } catch (e) {
      error = explain(e);
    }
  }
  void refresh();
}

async function cancel(c: Charge): Promise<void> {
  const reason = prompt(`¿Por qué se anula el cargo «${c.description}»?`);
  if (!reason?.trim()) return;
  try {
    await call(`/api/payments/v1/charges/${c.id}/cancellation`, { method: 'POST', body: { reason: reason.trim() } });
    message = 'Cargo anulado';
  } catch (e) {
    error = explain(e);
  }
  void refresh();
}
