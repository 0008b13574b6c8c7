// After sign-in: an operator goes to the centre's day; other roles see what they can do.
import { html } from 'lit/html.js';
import { app, go, hasRole } from '../app';
import { roleName, signOut } from './login';

export function homeScreen() {
  if (!app.me) {
    go('#/entrar');
    return html``;
  }
  if (hasRole('centre-operator')) {
    go(app.workplace && app.centre ? '#/hoja' : '#/centro');
    return html``;
  }
  if (hasRole('treasurer')) {
    go('#/tesoreria');
    return html``;
  }
  if (hasRole('auditor')) {
    go('#/auditoria');
    return html``;
  }
  if (hasRole('buyer-admin')) {
    go('#/gestion');
    return html``;
  }
  if (hasRole('producer') && app.me.producerId) {
    go('#/mio');
    return html``;
  }
  return html`
    <h1>Hola, ${app.me.name}</h1>
    <p>Entró como ${app.me.roles.map(roleName).join(', ')}.</p>
    <button class="button" @click=${signOut}>Salir</button>`;
}
