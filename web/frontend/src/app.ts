// The app's shared state, its router (#/...) and the frame every screen is drawn in.
import { html, nothing, render, type TemplateResult } from 'lit/html.js';
import { type Centre, type Operator, db, getMeta, setMeta } from './db';
import type { Shift } from './domain/types';
import { status as syncStatus } from './sync';

export interface Me {
  name: string;
  roles: string[];
  organisationId: string;
  producerId: string | null;
  expiresAt: string | null;
}

/** Where the operator works today: kept on the device so a reload (or a restart) goes on where it was. */
export interface Workplace {
  centreId: string;
  operatorId: string;
  shift: Shift;
  date: string;
}

export const app = {
  me: null as Me | null,
  workplace: null as Workplace | null,
  centre: null as Centre | null,
  operator: null as Operator | null,
  online: navigator.onLine,
  notice: null as string | null,
};

export type Screen = (params: string[]) => Promise<TemplateResult> | TemplateResult;

const routes: [RegExp, Screen][] = [];

export function route(pattern: RegExp, screen: Screen): void {
  routes.push([pattern, screen]);
}

export function go(hash: string): void {
  if (location.hash === hash) void refresh();
  else location.hash = hash;
}

let drawing = 0;

/** Draws the screen of the current address; a later call wins over an earlier one still loading. */
export async function refresh(): Promise<void> {
  const ticket = ++drawing;
  const path = location.hash.replace(/^#/, '') || '/';
  const match = routes.map(([p, s]) => [p.exec(path), s] as const).find(([m]) => m);
  const screen = match ? await match[1]((match[0] as RegExpExecArray).slice(1)) : html`<p>Página no encontrada</p>`;
  const pending = await pendingCount();
  if (ticket !== drawing) return;
  const root = document.getElementById('app') as HTMLElement;
  root.querySelector('.loading')?.remove(); // the static "Cargando…" before the first drawing
  render(frame(screen, pending), root);
  const focus = document.querySelector<HTMLElement>('[data-autofocus]');
  if (focus && document.activeElement !== focus && !focus.dataset.focused) {
    focus.dataset.focused = 'yes';
    focus.focus();
  }
}

export async function pendingCount(): Promise<number> {
  return db.lots.where('state').equals('pending').count();
}

function frame(screen: TemplateResult, pending: number): TemplateResult {
  return html`
    <header class="bar">
      <a class="brand" href="#/">Articula</a>
      <span class="net ${app.online ? 'on' : 'off'}" role="status">${app.online ? 'En línea' : 'Sin conexión'}</span>
      ${pending > 0 ? html`<a class="pending-badge" href="#/hoja?pendientes">${pending} por enviar</a>` : nothing}
      ${syncStatus.sending ? html`<span class="sending" role="status">Enviando…</span>`
        : syncStatus.retryAt && pending > 0 ? html`<span class="sending" role="status">En espera</span>` : nothing}
    </header>
    ${app.notice ? html`<div class="notice" role="alert">${app.notice}
      <button class="link" @click=${() => { app.notice = null; void refresh(); }}>Cerrar</button></div>` : nothing}
    <main id="main">${screen}</main>`;
}

export async function loadWorkplace(): Promise<void> {
  app.workplace = (await getMeta<Workplace>('workplace')) ?? null;
  if (app.workplace) {
    app.centre = (await db.centres.get(app.workplace.centreId)) ?? null;
    app.operator = (await db.operators.get([app.workplace.centreId, app.workplace.operatorId])) ?? null;
  } else {
    app.centre = null;
    app.operator = null;
  }
}

export async function saveWorkplace(workplace: Workplace): Promise<void> {
  await setMeta('workplace', workplace);
  await loadWorkplace();
}

export function hasRole(role: string): boolean {
  return app.me?.roles.includes(role) ?? false;
}
