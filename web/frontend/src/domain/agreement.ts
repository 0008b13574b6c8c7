// An articulation agreement as contracts-service answers it, the names its codes are read by, and which version of
// its clauses governs a day: what every screen about agreements shares, apart from any one screen.
import type { Clauses } from './clauses';

export interface ClauseVersion {
  number: number;
  effectiveFrom: string;
  effectiveTo: string;
  clauses: Clauses;
  reason: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface Agreement {
  id: string;
  organisationId: string;
  buyerId: string;
  counterparty: { type: 'PRODUCER' | 'PRODUCER_GROUP'; id: string };
  product: string;
  unit: string;
  startDate: string;
  endDate: string;
  status: 'DRAFT' | 'ACTIVE' | 'SUSPENDED' | 'TERMINATED' | 'EXPIRED';
  version: number;
  periodsInForce: { from: string; to: string }[];
  versions: ClauseVersion[];
  transitions: { seq: number; from: string | null; to: string; effectiveOn: string; reasonCode: string | null;
    reason: string | null; recordedBy: string; recordedAt: string }[];
}

export const STATUS_NAMES: Record<string, string> = { DRAFT: 'Borrador', ACTIVE: 'Vigente', SUSPENDED: 'Suspendido',
  TERMINATED: 'Terminado', EXPIRED: 'Vencido' };

export const TERMINATION_REASONS: Record<string, string> = { PRODUCER_LEFT: 'El productor o la red se retiró',
  BUYER_STOPPED: 'El comprador dejó de comprar', BREACH: 'Incumplimiento de una cláusula', MUTUAL: 'Mutuo acuerdo' };

export const ASSISTANCE_KINDS: Record<string, string> = { TECHNICAL_VISITS: 'Visitas técnicas', TRAINING: 'Capacitación',
  VETERINARY_SERVICE: 'Servicio veterinario', INSEMINATION: 'Inseminación', FEED_SUPPLY: 'Alimento', OTHER: 'Otro' };

export const UNIT_NAMES: Record<string, string> = { L: 'L', kg: 'kg', t: 't', unit: 'unidad' };

/** The clause version governing a day, if any (the last one whose span holds it). */
export function versionOn(a: Agreement, date: string): ClauseVersion | undefined {
  return a.versions.find((v) => v.effectiveFrom <= date && date <= v.effectiveTo);
}
