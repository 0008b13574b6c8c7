// A shipment as lots-service keeps it (a tanker to the plant, a consignment of trout or cacao) and the
// rules the form checks before sending: quantity is conserved (the lots' sum, less recorded losses),
// one product per shipment, every loss with its reason. The server checks them again.
import { compare, isDecimal, plain, scaleOf, subtract, sum } from './decimal';
import type { LotReceipt, Reading, RejectionReason } from './types';

export type ShipmentStatus = 'DISPATCHED' | 'ACCEPTED' | 'REJECTED' | 'ACCEPTED_WITH_DISCOUNT';
export type Outcome = Exclude<ShipmentStatus, 'DISPATCHED'>;

export interface Loss { quantity: number | string; reason: string }

export interface ShipmentResult {
  outcome: Outcome;
  discountPercent: number | string | null;
  readings: { parameter: string; value: number | string }[];
  receivedAt: string;
  note: string | null;
  recordedBy: string | null;
}

export interface Shipment {
  shipmentId: string;
  centreId: string;
  organisationId: string;
  buyerId: string;
  reference: string;
  dispatchedAt: string;
  product: string;
  unit: string;
  lotCount: number;
  lotsQuantity: number | string;
  lossesQuantity: number | string;
  shippedQuantity: number | string;
  losses: Loss[];
  certification: string | null;
  status: ShipmentStatus;
  result: ShipmentResult | null;
  version: number;
}

export interface TraceLot {
  lotId: string;
  revision: number;
  producerId: string;
  producerName: string | null;
  deliveredAt: string;
  quantity: number | string;
  status: string;
  verdict?: string | null;
  readings: Reading[];
  reasons: RejectionReason[];
  /** What the buyer should know that does not change the verdict (e.g. no valid certificate that day). */
  flags?: { code: string; detail: string }[];
}

export interface TraceProducer {
  producerId: string;
  producerName: string | null;
  lotCount: number;
  quantity: number | string;
  shareOfShipment: number | string;
}

export interface Trace { shipment: Shipment; lots: TraceLot[]; producers: TraceProducer[] }

/** What a producer's statement says about one lot: one line of one settlement (payments-service's statement lines). */
export interface StatementLine {
  lotId: string;
  revision?: number | null;
  producerId: string;
  producerName?: string | null;
  settlementId: string;
  fortnightStart: string;
  fortnightEnd?: string;
  settlementStatus: 'OPEN' | 'CLOSED' | string;
  /** LOT (accepted and priced), REJECTED (amount 0) or ADJUSTMENT (in a later fortnight, after a correction). */
  kind: string;
  quantity: number | string | null;
  unit?: string | null;
  unitPrice: number | string | null;
  amount: number | string;
  dueDate?: string | null;
  payoutStatus: 'PAID' | 'UNPAID' | 'NOT_CLOSED' | string;
  paidOn?: string | null;
}

export const STATUS_NAMES: Record<ShipmentStatus, string> = {
  DISPATCHED: 'En camino', ACCEPTED: 'Aceptado', REJECTED: 'Rechazado', ACCEPTED_WITH_DISCOUNT: 'Aceptado con descuento',
};

/** Lots that can go into a shipment: accepted at the centre, not voided, not in another shipment. */
export function eligibleLots(lots: LotReceipt[], shipped: Set<string>, product: string | null): LotReceipt[] {
  return lots.filter((l) => l.verdict === 'ACCEPTED' && l.status === 'RECORDED' && !shipped.has(l.id)
    && (product === null || l.product === product));
}

/** A loss as typed: the quantity as text (a comma is a decimal point), its reason. */
export interface LossDraft { quantity: string; reason: string }

export interface ShipmentDraft {
  shipmentId: string;
  centreId: string;
  lots: { id: string; quantity: number | string; product: string; unit: string }[];
  losses: LossDraft[];
  reference: string;
  buyerId: string;
  dispatchedAt: string; // an instant, ISO
  certification?: string; // a scheme of CERTIFICATIONS, or empty
}

export function lotsQuantity(draft: Pick<ShipmentDraft, 'lots'>): string {
  return sum(draft.lots.map((l) => l.quantity));
}

function lossQuantity(l: LossDraft): string {
  return l.quantity.trim().replace(',', '.');
}

/** Losses that are numbers count towards the total; the others are flagged on their field. */
export function lossesQuantity(draft: Pick<ShipmentDraft, 'losses'>): string {
  return sum(draft.losses.map(lossQuantity).filter(isDecimal));
}

/** What leaves the centre: the lots' sum less the losses. */
export function shippedQuantity(draft: Pick<ShipmentDraft, 'lots' | 'losses'>): string {
  return subtract(lotsQuantity(draft), lossesQuantity(draft));
}

/**
 * Each problem of the draft by the field the service names it with (lotIds, losses[0].quantity...),
 * in Spanish, so the device's checks and the server's refusal land on the same field.
 */
export function draftProblems(draft: ShipmentDraft, now: Date = new Date()): Map<string, string> {
  const problems = new Map<string, string>();
  if (draft.lots.length === 0) problems.set('lotIds', 'Elija al menos un lote');
  const kinds = new Set(draft.lots.map((l) => `${l.product}/${l.unit}`));
  if (kinds.size > 1) problems.set('lotIds', 'Un envío lleva un solo producto: elija lotes del mismo producto');
  draft.losses.forEach((l, i) => {
    const q = lossQuantity(l);
    if (!isDecimal(q)) problems.set(`losses[${i}].quantity`, 'Solo números, con punto decimal');
    else if (scaleOf(q) > 3) problems.set(`losses[${i}].quantity`, 'Como máximo 3 decimales');
    else if (compare(q, 0) <= 0) problems.set(`losses[${i}].quantity`, 'Debe ser mayor que 0');
    if (!l.reason.trim()) problems.set(`losses[${i}].reason`, 'Indique el motivo de la merma');
  });
  if (draft.lots.length > 0 && compare(shippedQuantity(draft), 0) < 0) {
    problems.set('losses', 'Las mermas superan lo acopiado en los lotes elegidos');
  }
  if (!draft.reference.trim()) problems.set('reference', 'Indique la cisterna, placa o guía');
  if (!draft.buyerId) problems.set('buyerId', 'Elija el comprador');
  if (!draft.dispatchedAt) problems.set('dispatchedAt', 'Indique la fecha y hora de salida');
  else if (new Date(draft.dispatchedAt).getTime() > now.getTime() + 5 * 60000) {
    problems.set('dispatchedAt', 'La salida no puede ser en el futuro');
  }
  return problems;
}

/** The body of POST /shipments: quantities as JSON numbers, which the services read strictly as decimals. */
export function shipmentRequest(draft: ShipmentDraft) {
  return {
    shipmentId: draft.shipmentId, centreId: draft.centreId, buyerId: draft.buyerId, reference: draft.reference.trim(),
    dispatchedAt: draft.dispatchedAt, lotIds: draft.lots.map((l) => l.id),
    losses: draft.losses.map((l) => ({ quantity: Number(lossQuantity(l)), reason: l.reason.trim() })),
    ...(draft.certification ? { certification: draft.certification } : {}),
  };
}

/** One lot of the trace with what its producer's statement says about it. */
export interface TraceRow {
  lot: TraceLot;
  lines: StatementLine[];
  /** In a statement at all, in a closed one, and paid. */
  settled: boolean;
  closed: boolean;
  paid: boolean;
  amount: string;
}

const LOT_KINDS = new Set(['LOT', 'REJECTED']);

export function traceRows(lots: TraceLot[], lines: StatementLine[]): TraceRow[] {
  const byLot = new Map<string, StatementLine[]>();
  for (const l of lines) byLot.set(l.lotId, [...byLot.get(l.lotId) ?? [], l]);
  return lots.map((lot) => {
    const own = byLot.get(lot.lotId) ?? [];
    const priced = own.filter((l) => LOT_KINDS.has(l.kind));
    return {
      lot, lines: own, settled: priced.length > 0,
      closed: priced.length > 0 && priced.every((l) => l.settlementStatus === 'CLOSED'),
      paid: priced.length > 0 && priced.every((l) => l.payoutStatus === 'PAID'),
      amount: sum(own.map((l) => l.amount)),
    };
  });
}

/** The shipment's lots as the producers' statements have them: how many priced, closed, paid, and for how much. */
export function statementTotals(rows: TraceRow[]) {
  const settled = rows.filter((r) => r.settled);
  const paid = rows.filter((r) => r.paid);
  return {
    lots: rows.length, settled: settled.length, closed: rows.filter((r) => r.closed).length, paid: paid.length,
    amount: sum(settled.map((r) => r.amount)), paidAmount: sum(paid.map((r) => r.amount)),
    producers: new Set(rows.map((r) => r.lot.producerId)).size,
  };
}

/**
 * A producer's share of the shipment (lots-service sends percent, 2 decimals) with one decimal, rounded half up on
 * the digits as sent: binary floating point would show 12.45 as 12.4.
 */
export function sharePercent(share: number | string): string {
  const [whole, fraction = ''] = plain(share).split('.');
  const digits = `${fraction}00`;
  const tenths = BigInt(whole) * 10n + BigInt(digits[0]) + (Number(digits[1]) >= 5 ? 1n : 0n);
  return `${tenths / 10n}.${tenths % 10n} %`;
}

/** The certification schemes a shipment may be declared under (contracts-service's CertificationScheme). */
export const CERTIFICATIONS: Record<string, string> = { ORGANIC: 'Orgánica', FAIRTRADE: 'Comercio Justo (Fairtrade)',
  RAINFOREST_ALLIANCE: 'Rainforest Alliance' };
