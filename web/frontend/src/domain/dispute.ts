// A producer's claim against a rejected lot, as lots-service answers it, and what it means to them in words.
import { day, limaDate } from '../format';

export interface Dispute {
  id: string;
  lotId: string;
  status: 'OPEN' | 'UPHELD' | 'OVERTURNED';
  decision: 'RETEST' | 'DEADLINE' | null;
  openedAt: string;
  deadline: string;
  untestedFavoursProducer: boolean;
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
