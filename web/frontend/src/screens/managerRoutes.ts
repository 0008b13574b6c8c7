// The manager's addresses: #/gestion and what hangs from it. Their screens load on first use, so an
// operator's phone does not parse them before its first lot (the service worker keeps them offline).
import { route, type Screen } from '../app';

const UUID = '([0-9a-f-]{36})';

/** A screen whose code is fetched the first time its address is opened. */
export function lazy(load: () => Promise<Screen>): Screen {
  return async (params) => (await load())(params);
}

const manager = lazy(() => import('./manager').then((m) => m.managerScreen));
const organisation = lazy(() => import('./manager').then((m) => m.organisationScreen));
const networks = lazy(() => import('./manager').then((m) => m.networksScreen));
const network = lazy(() => import('./manager').then((m) => m.networkScreen));
const producers = lazy(() => import('./producers').then((m) => m.producersScreen));
const producer = lazy(() => import('./producers').then((m) => m.producerFormScreen));
const importing = lazy(() => import('./producers').then((m) => m.importScreen));
const agreements = lazy(() => import('./agreements').then((m) => m.agreementsScreen));
const agreement = lazy(() => import('./agreements').then((m) => m.agreementScreen));
const newAgreement = lazy(() => import('./agreementEditor').then((m) => m.newAgreementScreen));
const draft = lazy(() => import('./agreementEditor').then((m) => m.editDraftScreen));
const amendment = lazy(() => import('./agreementEditor').then((m) => m.amendScreen));
const certifications = lazy(() => import('./certifications').then((m) => m.certificationsScreen));
const newCertification = lazy(() => import('./certifications').then((m) => m.newCertificationScreen));

export function registerManagerRoutes(): void {
  route(/^\/gestion$/, manager);
  route(/^\/organizacion$/, organisation);
  route(/^\/redes$/, networks);
  route(/^\/redes\/nueva$/, network);
  route(new RegExp(`^/redes/${UUID}$`), network);
  route(new RegExp(`^/socios(?:\\?red=${UUID})?$`), producers);
  route(/^\/socios\/nuevo$/, producer);
  route(/^\/socios\/importar$/, importing);
  route(new RegExp(`^/socios/${UUID}$`), producer);
  route(/^\/acuerdos$/, agreements);
  route(/^\/acuerdos\/nuevo$/, newAgreement);
  route(new RegExp(`^/acuerdos/${UUID}/editar$`), draft);
  route(new RegExp(`^/acuerdos/${UUID}/adenda$`), amendment);
  route(new RegExp(`^/acuerdos/${UUID}$`), agreement);
  route(/^\/certificaciones$/, certifications);
  route(new RegExp(`^/certificaciones/nueva(?:\\?socio=${UUID})?$`), newCertification);
}
