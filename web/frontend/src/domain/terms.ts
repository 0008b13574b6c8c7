// Which agreement and clause version govern a producer's delivery on a day, as lots-service decides.
import type { AgreementTerms, Producer, TermsVersion } from './types';

function within(day: string, from: string, to: string): boolean {
  return day >= from && day <= to; // ISO dates compare as text
}

export function inForceOn(a: AgreementTerms, day: string): boolean {
  return a.periodsInForce.some((p) => within(day, p.from, p.to));
}

export function versionOn(a: AgreementTerms, day: string): TermsVersion | undefined {
  return a.versions.find((v) => within(day, v.effectiveFrom, v.effectiveTo));
}

export function covers(a: AgreementTerms, p: Producer): boolean {
  return a.producerId === p.id || (a.groupId !== null && a.groupId === p.groupId);
}

// In force on the day for the producer, and the centre's organisation buys under it or is its tenant.
function recordable(a: AgreementTerms, producer: Producer, day: string, centreOrganisation: string): boolean {
  return covers(a, producer) && inForceOn(a, day)
    && (a.buyerId === centreOrganisation || a.organisationId === centreOrganisation);
}

export type Applicable =
  | { kind: 'one'; agreement: AgreementTerms; version: TermsVersion }
  | { kind: 'none' }
  | { kind: 'several'; count: number };

/**
 * The agreement in force for the producer's product on the day among those the centre's
 * organisation is party to; none or several means the server will refuse the lot.
 */
export function applicable(agreements: AgreementTerms[], producer: Producer, product: string, day: string,
  centreOrganisation: string): Applicable {
  const inForce = agreements.filter((a) => a.product === product && recordable(a, producer, day, centreOrganisation));
  if (inForce.length === 0) return { kind: 'none' };
  if (inForce.length > 1) return { kind: 'several', count: inForce.length };
  const version = versionOn(inForce[0], day);
  return version ? { kind: 'one', agreement: inForce[0], version } : { kind: 'none' };
}

/** The products a producer can deliver on the day, for the form's choice. */
export function productsOn(agreements: AgreementTerms[], producer: Producer, day: string,
  centreOrganisation: string): string[] {
  const products = agreements.filter((a) => recordable(a, producer, day, centreOrganisation)).map((a) => a.product);
  return [...new Set(products)].sort();
}
