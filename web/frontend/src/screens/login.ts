// Sign-in: "entrar como" a sample user locally, or the organisation's identity provider.
import { html, nothing } from 'lit/html.js';
import { ApiError, call, explain } from '../api';
import { app, go, type Me, refresh } from '../app';
import { setMeta } from '../db';

interface DevUser {
  id: string;
  name: string;
  description: string;
  roles: string[];
  organisationName: string;
}

const ROLE_NAMES: Record<string, string> = {
  'centre-operator': 'Operador(a) de acopio',
  treasurer: 'Tesorería',
  'buyer-admin': 'Gestión de acuerdos',
  producer: 'Productor(a)',
  auditor: 'Auditoría',
};

export function roleName(role: string): string {
  return ROLE_NAMES[role] ?? role;
}

let error: string | null = null;

export async function loginScreen() {
  let options = { devUsers: false, oidc: false };
  let users: DevUser[] = [];
  try {
    options = await call('/auth/options');
    if (options.devUsers) users = await call<DevUser[]>('/auth/dev-users');
  } catch (e) {
    error = explain(e);
  }
  return html`
    <h1>Entrar</h1>
    ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
    ${options.oidc ? html`<a class="button primary" href="/auth/login">Entrar con mi cuenta</a>` : nothing}
    ${options.devUsers ? html`
      <p class="hint">Datos de ejemplo: elija con qué usuario entrar.</p>
      <ul class="choices">
        ${users.map((u) => html`<li><button class="choice" data-user=${u.id} @click=${() => signIn(u.id)}>
          <strong>Entrar como ${u.name}</strong>
          <span>${u.roles.map(roleName).join(', ')} · ${u.organisationName}</span>
        </button></li>`)}
      </ul>` : nothing}
    ${!options.devUsers && !options.oidc && !error ? html`<p>Este despliegue no tiene un proveedor de identidad configurado.</p>` : nothing}`;
}

async function signIn(userId: string): Promise<void> {
  try {
    const me = await call<Me>('/auth/dev-login', { method: 'POST', body: { userId } });
    error = null;
    app.me = me;
    await setMeta('me', me);
    go('#/');
  } catch (e) {
    error = e instanceof ApiError ? explain(e) : 'No se pudo entrar: revise la conexión';
    void refresh();
  }
}

export async function signOut(): Promise<void> {
  try {
    await call('/auth/logout', { method: 'POST' });
  } catch {
    // offline: the cookie expires by itself; the device forgets the user now
  }
  app.me = null;
  await setMeta('me', null);
  go('#/entrar');
}
