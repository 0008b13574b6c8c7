// A producer's claim against a rejected lot, as lots-service answers it, and what it means in words: to the
// producer who made it, and to the centre that must re-test the counter-sample before the deadline.
import { dateTime, day, limaDate } from '../format';
import type { LotReceipt, Reading, RejectionReason, Verdict } from './types';

export interface Dispute {
  id: string;
  lotId: string;
  status: 'OPEN' | 'UPHELD' | 'OVERTURNED';
  decision: 'RETEST' | 'DEADLINE' | null;
  openedAt: string;
  deadline: string;
  untestedFavoursProducer: boolean;
  producerId?: string;
  lotRevision?: number;
  centreId?: string;
  reason?: string;
  decidedAt?: string | null;
  retest?: Retest | null;
}

/** The counter-sample's re-test, judged by the clause version that judged the lot. */
export interface Retest {
  testedBy: string;
  testedAt: string;
  readings: Reading[];
  verdict: Verdict;
  reasons: RejectionReason[];
}

/** Each lot's latest claim, the one its card tells. */
export function latestByLot(disputes: Dispute[]): Map<string, Dispute> {
  const byLot = new Map<string, Dispute>();
  for (const d of [...disputes].sort((a, b) => a.openedAt.localeCompare(b.openedAt))) byLot.set(d.lotId, d);
  return byLot;
}

/** Where the claim stands, with the Lima dates a producer reads: sent, the deadline's rule, or the outcome. */
export function disputeText(d: Dispute): string {
  if (d.status === 'OPEN') {
    return `Reclamo enviado el ${day(limaDate(new Date(d.openedAt)))}: se analizará la contramuestra. Si no se analiza `
      + `hasta el ${day(limaDate(new Date(d.deadline)))}, ${d.untestedFavoursProducer ? 'el lote se acepta' : 'el rechazo queda'}.`;
  }
  if (d.status === 'OVERTURNED') {
    return `${d.decision === 'DEADLINE' ? 'Reclamo aceptado: no se analizó a tiempo' : 'Reclamo aceptado: la contramuestra pasó'}`
      + '; el lote se paga en su liquidación.';
  }
  return d.decision === 'DEADLINE' ? 'Reclamo cerrado: no se analizó a tiempo y el rechazo queda.'
    : 'Reclamo: la contramuestra confirmó el rechazo.';
}

/** The centre's list: open claims first, the nearest deadline on top; then the decided, latest first. */
export function forTheCentre(disputes: Dispute[]): Dispute[] {
  const open = disputes.filter((d) => d.status === 'OPEN').sort((a, b) => a.deadline.localeCompare(b.deadline));
  const decided = disputes.filter((d) => d.status !== 'OPEN')
    .sort((a, b) => (b.decidedAt ?? b.openedAt).localeCompare(a.decidedAt ?? a.openedAt));
  return [...open, ...decided];
}

/** Where a claim stands, as the centre reads it: what is due by when, or how it was decided. */
export function staffText(d: Dispute): string {
  if (d.status === 'OPEN') {
    return `Pendiente: analice la contramuestra antes del ${dateTime(d.deadline)}; si no, `
      + `${d.untestedFavoursProducer ? 'el lote se acepta y se paga' : 'el rechazo queda'}.`;
  }
  const how = d.decision === 'DEADLINE' ? 'venció el plazo sin análisis' : 'la contramuestra';
  if (d.status === 'OVERTURNED') {
    return d.decision === 'DEADLINE' ? `Fundado: ${how}; el lote quedó aceptado y se paga.`
      : `Fundado: ${how} pasó; el lote quedó aceptado y se paga.`;
  }
  return d.decision === 'DEADLINE' ? `No fundado: ${how}; el rechazo quedó.` : `No fundado: ${how} confirmó el rechazo.`;
}

/** How many of a producer's latest deliveries show before "Ver las N entregas". */
export const LATEST_DELIVERIES = 10;

/**
 * A producer's deliveries in view, newest first: the latest ten, and every older rejection that stands, since
 * it may still be contested or have a claim to follow; all of them once asked.
 */
export function deliveriesInView(lots: LotReceipt[], all: boolean): LotReceipt[] {
  const newest = [...lots].sort((a, b) => b.deliveredAt.localeCompare(a.deliveredAt));
  return all ? newest
    : newest.filter((l, i) => i < LATEST_DELIVERIES || (l.verdict === 'REJECTED' && l.status !== 'VOIDED'));
}
