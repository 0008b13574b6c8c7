// Articula's app: the service worker keeps the shell on the phone, IndexedDB keeps the data, and the
// screens below are drawn from lit-html templates.
import { Workbox } from 'workbox-window';
import { ApiError, NetworkError, call } from './api';
import { app, go, loadWorkplace, type Me, refresh, route } from './app';
import { getMeta, setMeta } from './db';
import { centreScreen } from './screens/centre';
import { homeScreen } from './screens/home';
import { lotScreen } from './screens/lot';
import { editLotScreen, newLotScreen } from './screens/lotForm';
import { loginScreen } from './screens/login';
import { mineScreen } from './screens/mine';
import { chargesScreen } from './screens/charges';
import { settlementScreen, treasuryScreen } from './screens/treasury';
import { producerScreen } from './screens/producer';
import { lazy, registerManagerRoutes } from './screens/managerRoutes';
import { sheetScreen } from './screens/sheet';
import { onChange, startBackgroundSync } from './sync';
import './styles.css';

route(/^\/$/, homeScreen);
route(/^\/entrar$/, loginScreen);
route(/^\/centro$/, centreScreen);
route(/^\/hoja(?:\?.*)?$/, sheetScreen);
route(/^\/productor$/, producerScreen);
route(/^\/lote\/nuevo\/([0-9a-f-]{36})$/, newLotScreen);
route(/^\/lote\/([0-9a-f-]{36})\/editar$/, editLotScreen);
route(/^\/lote\/([0-9a-f-]{36})$/, lotScreen);
route(/^\/mio$/, mineScreen);
route(/^\/tesoreria$/, treasuryScreen);
route(/^\/cargos$/, chargesScreen);
route(/^\/liquidacion\/([0-9a-f-]{36})$/, settlementScreen);
// The desk's screens load on first use, like the manager's.
route(/^\/liquidacion\/([0-9a-f-]{36})\/socio\/([0-9a-f-]{36})$/, lazy(() => import('./screens/statement').then((m) => m.statementScreen)));
route(/^\/indicadores$/, lazy(() => import('./screens/indicators').then((m) => m.indicatorsScreen)));
route(/^\/auditoria$/, lazy(() => import('./screens/audit').then((m) => m.auditScreen)));
route(/^\/comprador(?:\/([0-9a-f-]{36}))?$/, lazy(() => import('./screens/buyerDues').then((m) => m.buyerDuesScreen)));
route(/^\/reclamos$/, lazy(() => import('./screens/disputes').then((m) => m.disputesScreen)));
route(/^\/reclamos\/([0-9a-f-]{36})$/, lazy(() => import('./screens/disputes').then((m) => m.disputeScreen)));
route(/^\/envios(?:\?centro=([0-9a-f-]{36}))?$/, lazy(() => import('./screens/shipments').then((m) => m.shipmentsScreen)));
route(/^\/envios\/nuevo(?:\?centro=([0-9a-f-]{36}))?$/, lazy(() => import('./screens/shipments').then((m) => m.newShipmentScreen)));
route(/^\/envios\/([0-9a-f-]{36})$/, lazy(() => import('./screens/shipment').then((m) => m.shipmentScreen)));
route(/^\/cumplimiento\/(acuerdo|socio|red|comprador)\/([0-9a-f-]{36})$/, lazy(() => import('./screens/monitor').then((m) => m.monitorScreen)));
route(/^\/registro-compras$/, lazy(() => import('./screens/ledger').then((m) => m.ledgerScreen)));
registerManagerRoutes();

/** Who is signed in: asked of the server when it answers, remembered for a day without signal. */
async function whoAmI(): Promise<Me | null> {
  try {
    const me = await call<Me>('/auth/me');
    await setMeta('me', me);
    return me;
  } catch (e) {
    if (e instanceof NetworkError || (e instanceof ApiError && e.status >= 500)) return (await getMeta<Me>('me')) ?? null;
    await setMeta('me', null);
    return null;
  }
}

async function start(): Promise<void> {
  if ('serviceWorker' in navigator && import.meta.env.PROD) {
    void new Workbox('/sw.js').register();
  }
  window.addEventListener('online', () => { app.online = true; void refresh(); });
  window.addEventListener('offline', () => { app.online = false; void refresh(); });
  window.addEventListener('hashchange', () => void refresh());
  onChange(() => void refresh());
  // Ask the browser not to evict the day's lots under storage pressure.
  void navigator.storage?.persist?.();
  app.me = await whoAmI();
  await loadWorkplace();
  startBackgroundSync();
  if (!app.me && location.hash !== '#/entrar') go('#/entrar');
  else await refresh();
}

void start();
