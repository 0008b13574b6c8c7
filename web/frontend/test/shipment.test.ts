import { describe, expect, it } from 'vitest';
import { subtract, sum } from '../src/domain/decimal';
import {
  type ShipmentDraft, type StatementLine, type TraceLot, draftProblems, eligibleLots, lossesQuantity, lotsQuantity,
  sharePercent, shipmentRequest, shippedQuantity, statementTotals, traceRows,
} from '../src/domain/shipment';
import type { LotReceipt } from '../src/domain/types';
import { limaInstant, limaLocal, time } from '../src/format';
import { defaultPeriod, periodOf } from '../src/domain/period';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function lot(n: number, quantity: string, over: Partial<LotReceipt> = {}): LotReceipt {
  return { id: uuid(n), organisationId: uuid(900), centreId: uuid(901), producerId: uuid(100 + (n % 3)), product: 'milk',
    quantity, unit: 'L', deliveredAt: '2025-03-02T11:00:00Z', deliveryDate: '2025-03-02', shift: 'MORNING',
    agreementId: uuid(902), agreementVersion: 1, readings: [], verdict: 'ACCEPTED', reasons: [], status: 'RECORDED',
    revision: 1, recordedBy: uuid(903), recordedAt: '2025-03-02T11:00:00Z', version: 0, ...over };
}

function draft(over: Partial<ShipmentDraft> = {}): ShipmentDraft {
  return { shipmentId: uuid(1000), centreId: uuid(901), reference: 'Cisterna T4B-872', buyerId: uuid(904),
    dispatchedAt: '2025-03-02T12:30:00-05:00', losses: [],
    lots: [lot(1, '18.5'), lot(2, '20.25'), lot(3, '0.1')].map((l) => ({ id: l.id, quantity: l.quantity, product: l.product, unit: l.unit })),
    ...over };
}

const NOON = new Date('2025-03-02T18:00:00Z');

describe('exact sums of quantities', () => {
  it('adds decimals without binary rounding, at the largest scale', () => {
    expect(sum(['0.1', '0.2'])).toBe('0.3');
    expect(sum([18.5, '20.25', '0.100'])).toBe('38.850');
    expect(sum([])).toBe('0');
    expect(Array.from({ length: 30 }, () => '18.7').reduce((a, b) => sum([a, b]))).toBe('561.0');
  });

  it('subtracts, going below zero when the losses exceed the lots', () => {
    expect(subtract('38.85', '0.35')).toBe('38.50');
    expect(subtract('1', '1.5')).toBe('-0.5');
    expect(subtract('2', '-1')).toBe('3');
    expect(subtract('0.3', '0.1')).toBe('0.2');
  });
});

describe('a new shipment', () => {
  it('offers only accepted, standing lots not already shipped, of the chosen product', () => {
    const lots = [lot(1, '10'), lot(2, '11', { verdict: 'REJECTED' }), lot(3, '12', { status: 'VOIDED' }), lot(4, '13'),
      lot(5, '14', { product: 'trout', unit: 'kg' })];
    expect(eligibleLots(lots, new Set([uuid(4)]), null).map((l) => l.id)).toEqual([uuid(1), uuid(5)]);
    expect(eligibleLots(lots, new Set(), 'milk').map((l) => l.id)).toEqual([uuid(1), uuid(4)]);
  });

  it('conserves the quantity: the lots, less the losses, is what leaves', () => {
    const d = draft({ losses: [{ quantity: '0,35', reason: 'Derrame al trasvasar' }, { quantity: '1.5', reason: 'Muestra' }] });
    expect(lotsQuantity(d)).toBe('38.85');
    expect(lossesQuantity(d)).toBe('1.85');
    expect(shippedQuantity(d)).toBe('37.00');
    expect(draftProblems(d, NOON).size).toBe(0);
    expect(shipmentRequest(d)).toEqual({ shipmentId: uuid(1000), centreId: uuid(901), buyerId: uuid(904),
      reference: 'Cisterna T4B-872', dispatchedAt: '2025-03-02T12:30:00-05:00', lotIds: [uuid(1), uuid(2), uuid(3)],
      losses: [{ quantity: 0.35, reason: 'Derrame al trasvasar' }, { quantity: 1.5, reason: 'Muestra' }] });
    expect(shipmentRequest({ ...d, certification: 'ORGANIC' }).certification).toBe('ORGANIC');
  });

  it('names each problem by the field the service names it with', () => {
    const d = draft({ lots: [], reference: ' ', buyerId: '', dispatchedAt: '2025-03-02T14:00:00-05:00',
      losses: [{ quantity: 'dos', reason: 'Derrame' }, { quantity: '0', reason: '' }, { quantity: '1.2345', reason: 'x' }] });
    expect(Object.fromEntries(draftProblems(d, NOON))).toEqual({
      lotIds: 'Elija al menos un lote',
      'losses[0].quantity': 'Solo números, con punto decimal',
      'losses[1].quantity': 'Debe ser mayor que 0',
      'losses[1].reason': 'Indique el motivo de la merma',
      'losses[2].quantity': 'Como máximo 3 decimales',
      reference: 'Indique la cisterna, placa o guía',
      buyerId: 'Elija el comprador',
      dispatchedAt: 'La salida no puede ser en el futuro',
    });
  });

  it('refuses losses beyond the lots and a mix of products', () => {
    const over = draft({ losses: [{ quantity: '38.851', reason: 'Derrame' }] });
    expect(draftProblems(over, NOON).get('losses')).toBe('Las mermas superan lo acopiado en los lotes elegidos');
    expect(draftProblems(draft({ losses: [{ quantity: '38.85', reason: 'Todo derramado' }] }), NOON).has('losses')).toBe(false);
    const mixed = draft();
    mixed.lots[1] = { ...mixed.lots[1], product: 'trout', unit: 'kg' };
    expect(draftProblems(mixed, NOON).get('lotIds')).toMatch(/un solo producto/);
  });
});

describe('the trace of a shipment to the producers’ statements', () => {
  const traced: TraceLot[] = [1, 2, 3].map((n) => ({ lotId: uuid(n), revision: 1, producerId: uuid(100 + (n % 2)),
    producerName: `Socio ${n % 2}`, deliveredAt: '2025-03-02T11:00:00Z', quantity: '10', status: 'RECORDED', verdict: 'ACCEPTED',
    readings: [], reasons: [] }));
  const line = (n: number, over: Partial<StatementLine>): StatementLine => ({ lotId: uuid(n), producerId: uuid(100 + (n % 2)),
    settlementId: uuid(500), fortnightStart: '2025-03-01', settlementStatus: 'CLOSED', kind: 'LOT', quantity: '10', unitPrice: '1.05',
    amount: '10.50', payoutStatus: 'PAID', paidOn: '2025-03-20', ...over });

  it('ties every lot to its statement lines: priced, closed, paid', () => {
    const rows = traceRows(traced, [line(1, {}), line(2, { payoutStatus: 'UNPAID', paidOn: null }),
      line(2, { kind: 'ADJUSTMENT', amount: '-0.50', settlementStatus: 'OPEN', payoutStatus: 'NOT_CLOSED', paidOn: null })]);
    expect(rows.map((r) => [r.settled, r.closed, r.paid, r.amount])).toEqual([
      [true, true, true, '10.50'], [true, true, false, '10.00'], [false, false, false, '0']]);
    expect(statementTotals(rows)).toEqual({ lots: 3, settled: 2, closed: 2, paid: 1, amount: '20.50', paidAmount: '10.50',
      producers: 2 });
  });

  it('writes a share of the shipment as a percentage', () => {
    expect(sharePercent(12.5)).toBe('12.5 %');
    expect(sharePercent('100.00')).toBe('100.0 %');
    expect(sharePercent('3.33')).toBe('3.3 %');
    expect(sharePercent('12.45')).toBe('12.5 %'); // half up on the digits sent, not 12.4 from a binary double
    expect(sharePercent('0.05')).toBe('0.1 %');
  });
});

describe('times in Lima', () => {
  it('fills and reads a datetime-local input in Peru’s time, midnight as 00', () => {
    expect(limaLocal(new Date('2025-03-02T05:05:00Z'))).toBe('2025-03-02T00:05');
    expect(limaLocal(new Date('2025-03-02T04:59:00Z'))).toBe('2025-03-01T23:59');
    expect(limaInstant('2025-03-02T00:05')).toBe('2025-03-02T00:05:00-05:00');
    expect(new Date(limaInstant('2025-03-02T00:05')).toISOString()).toBe('2025-03-02T05:05:00.000Z');
    expect(limaInstant('')).toBe('');
    expect(time('2025-03-02T05:05:00Z')).toBe('00:05');
  });
});

describe('the periods of the purchase ledger', () => {
  it('are calendar months and years in Lima, up to today', () => {
    expect(periodOf('this-month', '2025-03-17')).toEqual({ kind: 'this-month', from: '2025-03-01', to: '2025-03-17' });
    expect(periodOf('last-month', '2025-03-17')).toEqual({ kind: 'last-month', from: '2025-02-01', to: '2025-02-28' });
    expect(periodOf('last-month', '2024-03-01').to).toBe('2024-02-29');
    expect(periodOf('last-month', '2025-01-05')).toEqual({ kind: 'last-month', from: '2024-12-01', to: '2024-12-31' });
    expect(periodOf('this-year', '2025-03-17')).toEqual({ kind: 'this-year', from: '2025-01-01', to: '2025-03-17' });
    expect(periodOf('last-year', '2025-03-17')).toEqual({ kind: 'last-year', from: '2024-01-01', to: '2024-12-31' });
    expect(periodOf('nonsense', '2025-03-17').kind).toBe('this-month');
    expect(defaultPeriod('2026-12-01')).toEqual({ kind: 'this-year', from: '2026-01-01', to: '2026-12-01' });
    expect(defaultPeriod('2027-01-15')).toEqual({ kind: 'last-year', from: '2026-01-01', to: '2026-12-31' });
    expect(defaultPeriod('2027-01-16').kind).toBe('this-year');
  });
});
