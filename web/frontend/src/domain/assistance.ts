// Technical assistance as delivered under an agreement (contracts-service, decision 0026): the form a manager
// fills after a visit, a training or a veterinary service, checked on the device as the service checks it,
// and whether the producers pay for it, which the assistance clause in force that day decides.
import type { Clauses } from './clauses';
import { isDecimal, scaleOf } from './decimal';

/** The kinds that are delivered (feed is sold on credit, not delivered as assistance). */
export const DELIVERED_KINDS = ['TECHNICAL_VISITS', 'TRAINING', 'VETERINARY_SERVICE', 'INSEMINATION'] as const;

export interface AssistanceForm {
  /** Made when the form opens: sending it twice (a lost answer, a double tap) records one delivery. */
  id: string;
  kind: string;
  deliveredOn: string;
  deliveredBy: string;
  cost: string;
  description: string;
  /** Empty: the agreement's whole network (or its one producer). */
  producerIds: string[];
  wholeNetwork: boolean;
}

export interface AssistanceRequest {
  id: string;
  kind: string;
  deliveredOn: string;
  deliveredBy: string;
  /** A JSON number: the services read decimals strictly (no text for a number). */
  cost: number;
  description: string | null;
  producerIds: string[] | null;
}

export function blankAssistance(today: string): AssistanceForm {
  return { id: crypto.randomUUID(), kind: 'TECHNICAL_VISITS', deliveredOn: today, deliveredBy: '', cost: '0.00',
    description: '', producerIds: [], wholeNetwork: true };
}

/**
 * The request the form stands for, or the problems found on the device by the paths the service names:
 * who gave it, a day not after today, a cost in soles with céntimos at most, and someone served.
 */
export function assistanceRequest(f: AssistanceForm, today: string):
  { request: AssistanceRequest; problems: Map<string, string> } {
  const problems = new Map<string, string>();
  const cost = f.cost.trim().replace(',', '.');
  if (!f.deliveredOn) problems.set('deliveredOn', 'Indique el día');
  else if (f.deliveredOn > today) problems.set('deliveredOn', 'No puede ser posterior a hoy');
  if (!f.deliveredBy.trim()) problems.set('deliveredBy', 'Indique quién la dio');
  if (!isDecimal(cost) || cost.startsWith('-')) problems.set('cost', 'Monto en soles, 0 si fue sin costo');
  else if (scaleOf(cost) > 2) problems.set('cost', 'Como máximo 2 decimales (céntimos)');
  if (!f.wholeNetwork && f.producerIds.length === 0) problems.set('producerIds', 'Elija a quiénes atendió, o toda la red');
  return {
    request: { id: f.id, kind: f.kind, deliveredOn: f.deliveredOn, deliveredBy: f.deliveredBy.trim(),
      cost: Number(cost), description: f.description.trim() || null,
      producerIds: f.wholeNetwork ? null : [...f.producerIds] },
    problems,
  };
}

/** Whether the clauses in force charge this kind to the producers; one they do not list is free. */
export function chargedUnder(clauses: Clauses | undefined, kind: string): boolean {
  return (clauses?.assistance?.services ?? []).some((s) => s.kind === kind && s.chargedToProducer);
}

/**
 * Each served producer's share of a charged cost, as contracts-service splits it: the cost divided by their number,
 * rounded down to the céntimo, the céntimos left over one each to some of them. [lowest, highest] in soles, or null
 * while the cost is not an amount in soles or nobody is served.
 */
export function shareRange(cost: string, served: number): [number, number] | null {
  const typed = cost.trim().replace(',', '.');
  if (served < 1 || !isDecimal(typed) || typed.startsWith('-') || scaleOf(typed) > 2) return null;
  const centimos = Math.round(Number(typed) * 100);
  const each = Math.floor(centimos / served);
  return [each / 100, (centimos % served === 0 ? each : each + 1) / 100];
}
