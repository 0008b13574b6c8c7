import { describe, expect, it } from 'vitest';
import { type Dispute, deliveriesInView, disputeText, forTheCentre, latestByLot, staffText } from '../src/domain/dispute';
import type { LotReceipt } from '../src/domain/types';

const open: Dispute = {
  id: 'd1', lotId: 'l1', status: 'OPEN', decision: null,
  // 21:30 in Lima on 1 December; the deadline 48 h later
  openedAt: '2026-12-02T02:30:00Z', deadline: '2026-12-04T02:30:00Z', untestedFavoursProducer: true,
};

describe('a producer reads their claim', () => {
  it('open: sent on the Lima date, and what happens if nobody tests the counter-sample by the deadline', () => {
    expect(disputeText(open)).toBe('Reclamo enviado el 01/12/2026: se analizará la contramuestra. '
      + 'Si no se analiza hasta el 03/12/2026, el lote se acepta.');
    expect(disputeText({ ...open, untestedFavoursProducer: false })).toMatch(/hasta el 03\/12\/2026, el rechazo queda\.$/);
  });

  it('decided: by the re-test or by the deadline, for them or not', () => {
    expect(disputeText({ ...open, status: 'OVERTURNED', decision: 'RETEST' }))
      .toBe('Reclamo aceptado: la contramuestra pasó; el lote se paga en su liquidación.');
    expect(disputeText({ ...open, status: 'OVERTURNED', decision: 'DEADLINE' }))
      .toBe('Reclamo aceptado: no se analizó a tiempo; el lote se paga en su liquidación.');
    expect(disputeText({ ...open, status: 'UPHELD', decision: 'RETEST' })).toBe('Reclamo: la contramuestra confirmó el rechazo.');
    expect(disputeText({ ...open, status: 'UPHELD', decision: 'DEADLINE' }))
      .toBe('Reclamo cerrado: no se analizó a tiempo y el rechazo queda.');
  });

  it('a lot shows its latest claim', () => {
    const older = { ...open, id: 'd0', status: 'UPHELD' as const, decision: 'RETEST' as const, openedAt: '2026-11-20T10:00:00Z' };
    const other = { ...open, id: 'd2', lotId: 'l2' };
    const byLot = latestByLot([open, other, older]);
    expect([byLot.get('l1')?.id, byLot.get('l2')?.id, byLot.size]).toEqual(['d1', 'd2', 2]);
  });
});

describe('the centre reads the claims against its rejections', () => {
  it('open: the deadline in Lima time and what the clause decides if the counter-sample is not tested', () => {
    expect(staffText(open)).toBe('Pendiente: analice la contramuestra antes del 03/12/2026 21:30; si no, '
      + 'el lote se acepta y se paga.');
    expect(staffText({ ...open, untestedFavoursProducer: false })).toMatch(/; si no, el rechazo queda\.$/);
  });

  it('decided: for the producer or not, by the re-test or by the deadline', () => {
    expect(staffText({ ...open, status: 'OVERTURNED', decision: 'RETEST' }))
      .toBe('Fundado: la contramuestra pasó; el lote quedó aceptado y se paga.');
    expect(staffText({ ...open, status: 'OVERTURNED', decision: 'DEADLINE' }))
      .toBe('Fundado: venció el plazo sin análisis; el lote quedó aceptado y se paga.');
    expect(staffText({ ...open, status: 'UPHELD', decision: 'RETEST' })).toBe('No fundado: la contramuestra confirmó el rechazo.');
    expect(staffText({ ...open, status: 'UPHELD', decision: 'DEADLINE' }))
      .toBe('No fundado: venció el plazo sin análisis; el rechazo quedó.');
  });

  it('lists the open claims by nearest deadline, then the decided ones by latest decision', () => {
    const later = { ...open, id: 'late', deadline: '2026-12-05T00:00:00Z' };
    const sooner = { ...open, id: 'soon', deadline: '2026-12-03T00:00:00Z' };
    const decidedLong = { ...open, id: 'old', status: 'UPHELD' as const, decision: 'RETEST' as const,
      decidedAt: '2026-11-20T10:00:00Z' };
    const decidedLately = { ...open, id: 'new', status: 'OVERTURNED' as const, decision: 'DEADLINE' as const,
      decidedAt: '2026-11-30T10:00:00Z' };
    expect(forTheCentre([decidedLong, later, decidedLately, sooner]).map((d) => d.id))
      .toEqual(['soon', 'late', 'new', 'old']);
  });
});

describe('a producer\'s deliveries in view', () => {
  // Twelve days of one delivery each, newest last; the oldest two rejected, one of them voided since.
  const lots = Array.from({ length: 12 }, (_, i) => ({
    id: `l${i}`, deliveredAt: `2026-11-${String(10 + i).padStart(2, '0')}T11:00:00Z`,
    verdict: i < 2 ? 'REJECTED' : 'ACCEPTED', status: i === 1 ? 'VOIDED' : 'RECORDED',
  }) as LotReceipt);

  it('the latest ten, newest first, and an older rejection that stands (it may be contested); not a voided one', () => {
    const shown = deliveriesInView(lots, false).map((l) => l.id);
    expect(shown).toEqual(['l11', 'l10', 'l9', 'l8', 'l7', 'l6', 'l5', 'l4', 'l3', 'l2', 'l0']);
  });

  it('every one when asked', () => {
    expect(deliveriesInView(lots, true)).toHaveLength(12);
  });
});
