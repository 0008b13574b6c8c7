// Step 1 of the operator's day: which centre, who records, which shift.
import { html, nothing } from 'lit/html.js';
import { explain } from '../api';
import { app, go, refresh, saveWorkplace } from '../app';
import { db } from '../db';
import type { Shift } from '../domain/types';
import { limaDate, limaHour } from '../format';
import { refreshCentres, refreshOperators, refreshRoster } from '../sync';
import { signOut } from './login';

let chosenCentre: string | null = null;
let chosenOperator: string | null = null;
let chosenShift: Shift | null = null;
let error: string | null = null;
let loaded = false;

export async function centreScreen() {
  if (!loaded && app.online) {
    loaded = true;
    try {
      await refreshCentres();
    } catch (e) {
      error = explain(e);
    }
  }
  const centres = await db.centres.toArray();
  chosenCentre ??= app.workplace?.centreId ?? (centres.length === 1 ? centres[0].id : null);
  let operators = chosenCentre ? await db.operators.where('centreId').equals(chosenCentre).toArray() : [];
  if (chosenCentre && operators.length === 0 && app.online) {
    try {
      await refreshOperators(chosenCentre);
      operators = await db.operators.where('centreId').equals(chosenCentre).toArray();
    } catch (e) {
      error = explain(e);
    }
  }
  chosenOperator ??= app.workplace?.operatorId
    ?? operators.find((o) => o.name === app.me?.name)?.id ?? (operators.length === 1 ? operators[0].id : null);
  chosenShift ??= limaHour() < 12 ? 'MORNING' : 'AFTERNOON';
  const ready = chosenCentre && chosenOperator && operators.some((o) => o.id === chosenOperator);
  return html`
    <h1>Centro y turno</h1>
    ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
    <fieldset>
      <legend>Centro de acopio</legend>
      ${centres.length === 0 ? html`<p>No hay centros de acopio ${app.online ? 'registrados para su organización' : 'guardados; conéctese una vez'}.</p>` : nothing}
      ${centres.map((c) => html`<label class="option"><input type="radio" name="centre" .checked=${c.id === chosenCentre}
        @change=${() => { chosenCentre = c.id; chosenOperator = null; void refresh(); }}> ${c.name} <small>${c.district}</small></label>`)}
    </fieldset>
    ${chosenCentre ? html`<fieldset>
      <legend>¿Quién registra?</legend>
      ${operators.map((o) => html`<label class="option"><input type="radio" name="operator" .checked=${o.id === chosenOperator}
        @change=${() => { chosenOperator = o.id; void refresh(); }}> ${o.name}</label>`)}
    </fieldset>` : nothing}
    <fieldset>
      <legend>Turno</legend>
      <div class="toggle">
        <button class=${chosenShift === 'MORNING' ? 'selected' : ''} aria-pressed=${chosenShift === 'MORNING'}
          @click=${() => { chosenShift = 'MORNING'; void refresh(); }}>Mañana</button>
        <button class=${chosenShift === 'AFTERNOON' ? 'selected' : ''} aria-pressed=${chosenShift === 'AFTERNOON'}
          @click=${() => { chosenShift = 'AFTERNOON'; void refresh(); }}>Tarde</button>
      </div>
    </fieldset>
    <button class="button primary big" ?disabled=${!ready} @click=${start}>Empezar</button>
    <button class="button link" @click=${signOut}>Salir (${app.me?.name})</button>`;
}

async function start(): Promise<void> {
  if (!chosenCentre || !chosenOperator || !chosenShift) return;
  await saveWorkplace({ centreId: chosenCentre, operatorId: chosenOperator, shift: chosenShift, date: limaDate() });
  if (app.online) {
    try {
      await refreshRoster(chosenCentre);
    } catch (e) {
      app.notice = `No se pudo descargar la lista de productores: ${explain(e)}`;
    }
  }
  go('#/hoja');
}
