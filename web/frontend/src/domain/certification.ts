// Certificates (organic, Fairtrade, Rainforest Alliance, others) as contracts-service keeps them, and how
// the manager's screens word their validity: "vence en 12 días", "venció el 03/11/2026 — exigido por 2 acuerdos".
import { day } from '../format';

export type Scheme = 'ORGANIC' | 'FAIRTRADE' | 'RAINFOREST_ALLIANCE' | 'OTHER';

export const SCHEME_NAMES: Record<Scheme, string> = {
  ORGANIC: 'Orgánico', FAIRTRADE: 'Comercio Justo (Fairtrade)', RAINFOREST_ALLIANCE: 'Rainforest Alliance', OTHER: 'Otro',
};

export interface Certification {
  id: string;
  organisationId: string;
  producerId: string | null;
  holderOrganisationId: string | null;
  scheme: Scheme;
  schemeName: string | null;
  certifier: string;
  products: string[];
  code: string;
  validFrom: string;
  validTo: string;
  documentRef: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface ExpiringCertification {
  certification: Certification;
  daysLeft: number;
  expired: boolean;
  requiredBy: string[];
}

/** The scheme as a person reads it; an OTHER scheme by its own name. */
export function schemeLabel(c: Pick<Certification, 'scheme' | 'schemeName'>): string {
  return c.scheme === 'OTHER' ? c.schemeName || SCHEME_NAMES.OTHER : SCHEME_NAMES[c.scheme] ?? c.scheme;
}

function agreements(n: number): string {
  return n === 1 ? '1 acuerdo' : `${n} acuerdos`;
}

/** One line for an entry of the expiring list: how long is left, or when it ended and who still requires it. */
export function expiryText(e: Pick<ExpiringCertification, 'daysLeft' | 'expired' | 'requiredBy'> & { certification: Pick<Certification, 'validTo'> }): string {
  const required = e.requiredBy.length > 0 ? ` — exigido por ${agreements(e.requiredBy.length)}` : '';
  if (e.expired || e.daysLeft < 0) return `venció el ${day(e.certification.validTo)}${required}`;
  const left = e.daysLeft === 0 ? 'vence hoy (último día válido)' : e.daysLeft === 1 ? 'vence mañana' : `vence en ${e.daysLeft} días`;
  return `${left}${required}`;
}

export type Standing = 'valid' | 'expiring' | 'expired' | 'future';

/** Where a certificate stands on a day: not yet valid, valid, ending within {@code soonDays}, or ended (validity is inclusive). */
export function standing(c: Pick<Certification, 'validFrom' | 'validTo'>, today: string, soonDays = 60): Standing {
  if (c.validTo < today) return 'expired';
  if (c.validFrom > today) return 'future';
  const end = Date.parse(`${c.validTo}T12:00:00Z`);
  const now = Date.parse(`${today}T12:00:00Z`);
  return (end - now) / 86400000 <= soonDays ? 'expiring' : 'valid';
}

export const STANDING_NAMES: Record<Standing, string> = {
  valid: 'Vigente', expiring: 'Vence pronto', expired: 'Vencido', future: 'Aún no vigente',
};

/** What the form holds, as typed. */
export interface CertificationDraft {
  id: string;
  holder: 'organisation' | 'network' | 'producer';
  networkId: string;
  producerId: string;
  scheme: Scheme;
  schemeName: string;
  certifier: string;
  products: string[];
  code: string;
  validFrom: string;
  validTo: string;
  documentRef: string;
}

/** The device's checks, under the field names the service uses, so both land on the same field. */
export function certificationProblems(d: CertificationDraft): Map<string, string> {
  const problems = new Map<string, string>();
  if (d.holder === 'network' && !d.networkId) problems.set('organisationId', 'Elija la red titular');
  if (d.holder === 'producer' && !d.producerId) problems.set('producerId', 'Busque y elija al socio titular');
  if (d.scheme === 'OTHER' && !d.schemeName.trim()) problems.set('schemeName', 'Escriba el nombre de la certificación');
  if (!d.certifier.trim()) problems.set('certifier', 'Indique la certificadora');
  if (d.products.length === 0) problems.set('products', 'Elija al menos un producto');
  if (!d.code.trim()) problems.set('code', 'Indique el código del certificado');
  if (!d.validFrom) problems.set('validFrom', 'Indique desde cuándo vale');
  if (!d.validTo) problems.set('validTo', 'Indique hasta cuándo vale');
  else if (d.validFrom && d.validTo < d.validFrom) problems.set('validTo', 'Termina antes de empezar');
  return problems;
}

/** The body of POST /certifications: the holder is a producer, or an organisation (its own, or a network). */
export function certificationRequest(d: CertificationDraft, ownOrganisationId: string) {
  return {
    id: d.id,
    ...(d.holder === 'producer' ? { producerId: d.producerId }
      : { organisationId: d.holder === 'network' ? d.networkId : ownOrganisationId }),
    scheme: d.scheme,
    schemeName: d.scheme === 'OTHER' ? d.schemeName.trim() : null,
    certifier: d.certifier.trim(),
    products: d.products,
    code: d.code.trim(),
    validFrom: d.validFrom,
    validTo: d.validTo,
    documentRef: d.documentRef.trim() || null,
  };
}
