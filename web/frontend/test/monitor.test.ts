import { describe, expect, it } from 'vitest';
import { assistanceRequest, blankAssistance, chargedUnder, shareRange } from '../src/domain/assistance';
import { type Clauses, blankForm, clausesOf, formOf, newRule } from '../src/domain/clauses';
import {
  type AgreementCompliance, type Compliance, freeAssistanceText, mobileForNotices, monthName, namesIn, paymentText, percent, punctualityText, qualityText, ruleText, shortfalls,
  trendText,
} from '../src/domain/monitor';

describe('the compliance monitor in words', () => {
  it("tells the buyer's payment of a fortnight against its due date", () => {
    expect(paymentText(null)).toBe('Nada que pagar');
    expect(paymentText({ dueDate: '2026-11-22', paidOn: null, status: 'NOTHING_DUE', daysLate: null })).toBe('Nada que pagar');
    expect(paymentText({ dueDate: '2026-12-07', paidOn: null, status: 'PENDING', daysLate: null })).toBe('Vence el 07/12/2026');
    expect(paymentText({ dueDate: '2026-11-22', paidOn: '2026-11-20', status: 'ON_TIME', daysLate: 0 }))
      .toBe('A tiempo: pagó el 20/11/2026');
    expect(paymentText({ dueDate: '2026-11-22', paidOn: '2026-11-27', status: 'LATE', daysLate: 5 }))
      .toBe('5 días tarde: pagó el 27/11/2026 (vencía el 22/11/2026)');
    expect(paymentText({ dueDate: '2026-11-22', paidOn: '2026-11-23', status: 'LATE', daysLate: 1 })).toMatch(/^1 día tarde/);
    expect(paymentText({ dueDate: '2026-11-22', paidOn: null, status: 'UNPAID', daysLate: null }))
      .toBe('Sin pagar: vencía el 22/11/2026');
  });

  it('says each rule with the figures that trigger it and what it does', () => {
    expect(ruleText({ kind: 'ACCEPTANCE_BONUS', consecutiveFortnights: 2, minAcceptancePercent: 95, bonusPerUnit: 0.02, action: null }, 'L'))
      .toBe('Aceptación de 95 % o más 2 quincenas seguidas: bono de S/ 0.02 por L aceptado en la quincena siguiente');
    expect(ruleText({ kind: 'UNDER_COMMITMENT', consecutiveFortnights: 3, minAcceptancePercent: null, bonusPerUnit: null,
      action: 'SUSPENSION_PROPOSED' }, 'kg'))
      .toBe('Entrega aceptada bajo el volumen comprometido 3 quincenas seguidas: se propone suspender el acuerdo');
    expect(ruleText({ kind: 'UNDER_COMMITMENT', consecutiveFortnights: 1, minAcceptancePercent: null, bonusPerUnit: null,
      action: 'WARNING' }, 'L')).toBe('Entrega aceptada bajo el volumen comprometido 1 quincena: advertencia');
  });

  it("counts the buyer's punctuality, late days in total and at most", () => {
    expect(punctualityText(null)).toBe('Ninguna quincena vencida en el periodo.');
    expect(punctualityText({ due: 0, onTime: 0, late: 0, unpaid: 0, totalDaysLate: 0, maxDaysLate: 0 }))
      .toBe('Ninguna quincena vencida en el periodo.');
    expect(punctualityText({ due: 4, onTime: 2, late: 1, unpaid: 1, totalDaysLate: 5, maxDaysLate: 5 }))
      .toBe('De 4 quincenas vencidas: 2 a tiempo, 1 tarde (5 días en total); 1 sin pagar.');
    expect(punctualityText({ due: 3, onTime: 0, late: 3, unpaid: 0, totalDaysLate: 9, maxDaysLate: 6 }))
      .toBe('De 3 quincenas vencidas: 0 a tiempo, 3 tarde (9 días en total, hasta 6); ninguna sin pagar.');
    expect(punctualityText({ due: 1, onTime: 1, late: 0, unpaid: 0, totalDaysLate: 0, maxDaysLate: 0 }))
      .toBe('De 1 quincena vencida: 1 a tiempo, ninguna tarde; ninguna sin pagar.');
  });

  it('draws the trend from the fortnights with deliveries only', () => {
    const trend: AgreementCompliance['trend'] = { direction: 'UP', fortnights: [
      { periodStart: '2026-10-01', committed: 900, delivered: 0, accepted: 0, acceptancePercent: null },
      { periodStart: '2026-10-16', committed: 900, delivered: 800, accepted: 760, acceptancePercent: 95 },
      { periodStart: '2026-11-01', committed: 900, delivered: 820, accepted: 812.5, acceptancePercent: 99.09 },
    ] };
    expect(trendText(trend)).toBe('95 % → 99.09 %: mejora');
    expect(trendText({ direction: 'UNKNOWN', fortnights: [] })).toBe('pocas quincenas para ver si mejora');
    expect(trendText(null)).toBe('pocas quincenas para ver si mejora');
  });

  it('writes quality, acceptance and months as people read them', () => {
    expect(qualityText({ parameter: 'total_solids', readings: 30, mean: 11.94, worst: 10.6 }, '%'))
      .toBe('media 11.94 %, peor 10.6 % (30 lecturas)');
    expect(qualityText({ parameter: 'antibiotics', readings: 0, mean: null, worst: null })).toBe('sin lecturas');
    expect(qualityText({ parameter: 'temperature', readings: 1, mean: 6, worst: 6 }, '°C')).toBe('media 6 °C, peor 6 °C (1 lectura)');
    expect(percent(null)).toBe('—');
    expect(percent(98.5)).toBe('98.5 %');
    expect(monthName('2026-09')).toBe('setiembre 2026');
  });

  it('lists only the months and kinds where the buyer delivered less assistance than promised', () => {
    expect(shortfalls([
      { month: '2026-10', kind: 'TECHNICAL_VISITS', promised: 4, delivered: 2, shortfall: 2 },
      { month: '2026-10', kind: 'TRAINING', promised: 1, delivered: 1, shortfall: 0 },
      { month: '2026-11', kind: 'TECHNICAL_VISITS', promised: 4, delivered: 5, shortfall: 0 },
    ], { TECHNICAL_VISITS: 'Visitas técnicas' })).toEqual(['octubre 2026: Visitas técnicas, 2 de 4 prometidas']);
  });
});

describe("the buyer's free assistance (tax incentive)", () => {
  const period = { buyerId: 'b', from: '2026-09-03', to: '2026-12-02' };
  it('says the total in soles and how many deliveries make it, over the period shown', () => {
    expect(freeAssistanceText({ ...period, cost: '1250.50', deliveries: 3 })).toBe('S/ 1,250.50 en 3 entregas de asistencia'
      + ' técnica sin costo para los productores, del 03/09/2026 al 02/12/2026.');
    expect(freeAssistanceText({ ...period, cost: 80, deliveries: 1 })).toMatch(/^S\/ 80\.00 en una entrega de /);
  });
  it('says plainly when there was none', () => {
    expect(freeAssistanceText({ ...period, cost: '0.00', deliveries: 0 }))
      .toBe('Ninguna asistencia técnica sin costo para los productores del 03/09/2026 al 02/12/2026.');
  });
});

describe('the names a reading carries', () => {
  it('name the counterparty, the association and the buyer; a name not yet announced is left out', () => {
    const agreement = (counterpartyId: string, counterpartyName: string | null): AgreementCompliance => ({
      agreementId: `a-${counterpartyId}`, organisationId: 'laredo', organisationName: 'Asociación de Laredo', buyerId: 'plant',
      buyerName: 'Planta Lechera del Norte', counterpartyType: 'PRODUCER_GROUP', counterpartyId, counterpartyName, product: 'milk',
      unit: 'L', fortnights: [], trend: null, punctuality: null, assistance: [] });
    const names = namesIn({ scope: 'BUYER', id: 'plant', from: '2026-09-01', to: '2026-12-15', buyers: [], notices: [],
      agreements: [agreement('n1', 'Red Santa Rosa'), agreement('n2', null)] } as Compliance);
    expect(Object.fromEntries(names)).toEqual({ n1: 'Red Santa Rosa', laredo: 'Asociación de Laredo', plant: 'Planta Lechera del Norte' });
  });
});

describe('a mobile for notices', () => {
  it('gains the country code as contracts-service needs it (+519xxxxxxxx)', () => {
    expect(mobileForNotices('987 654 321')).toBe('+51987654321');
    expect(mobileForNotices('987-654-321')).toBe('+51987654321');
    expect(mobileForNotices('51987654321')).toBe('+51987654321');
    expect(mobileForNotices('+51 987 654 321')).toBe('+51987654321');
  });

  it('leaves anything else as typed (spaces aside) for the service to judge: a landline is not a mobile', () => {
    expect(mobileForNotices('044 281234')).toBe('044281234');
    expect(mobileForNotices('87654321')).toBe('87654321');
    expect(mobileForNotices('')).toBe('');
  });
});

describe('technical assistance delivered', () => {
  const today = '2026-12-02';
  const filled = { ...blankAssistance(today), kind: 'VETERINARY_SERVICE', deliveredOn: '2026-12-01',
    deliveredBy: '  MV Julio Polo ', cost: '100,5', description: ' ' };

  it('becomes the request the service takes: the whole network when nobody is chosen, the cost as a number', () => {
    const { request, problems } = assistanceRequest(filled, today);
    expect(problems.size).toBe(0);
    expect(request).toEqual({ id: filled.id, kind: 'VETERINARY_SERVICE', deliveredOn: '2026-12-01', deliveredBy: 'MV Julio Polo',
      cost: 100.5, description: null, producerIds: null });
    const some = assistanceRequest({ ...filled, wholeNetwork: false, producerIds: ['p1', 'p2'] }, today).request;
    expect(some.producerIds).toEqual(['p1', 'p2']);
  });

  it('is refused on the device, on its fields, as the service would refuse it', () => {
    const { problems } = assistanceRequest({ ...filled, deliveredOn: '2026-12-03', deliveredBy: ' ', cost: '-1',
      wholeNetwork: false }, today);
    expect([...problems.keys()].sort()).toEqual(['cost', 'deliveredBy', 'deliveredOn', 'producerIds']);
    expect(assistanceRequest({ ...filled, cost: '10.005' }, today).problems.get('cost')).toMatch(/2 decimales/);
    expect(assistanceRequest({ ...filled, cost: 'diez' }, today).problems.get('cost')).toMatch(/Monto en soles/);
    expect(assistanceRequest({ ...filled, deliveredOn: '' }, today).problems.get('deliveredOn')).toBe('Indique el día');
  });

  it('keeps its id, so sending it again after a lost answer records one delivery', () => {
    expect(assistanceRequest(filled, today).request.id).toBe(assistanceRequest(filled, today).request.id);
    expect(blankAssistance(today).id).not.toBe(blankAssistance(today).id);
  });

  it("previews each producer's share as contracts-service splits it: down to the céntimo, the rest one each", () => {
    expect(shareRange('100', 2)).toEqual([50, 50]);
    expect(shareRange('100', 3)).toEqual([33.33, 33.34]);
    expect(shareRange('0,05', 3)).toEqual([0.01, 0.02]);
    expect(shareRange('80.5', 1)).toEqual([80.5, 80.5]);
    expect(shareRange('0', 4)).toEqual([0, 0]);
    for (const [cost, served] of [['100', 0], ['', 2], ['abc', 2], ['-5', 2], ['10.005', 2]] as const) {
      expect(shareRange(cost, served)).toBeNull();
    }
  });

  it('is charged only when the clause lists the kind as charged to the producer', () => {
    const clauses = { quality: { parameters: [] }, price: { basePrice: 1, paymentTermDays: 7 },
      assistance: { services: [{ kind: 'VETERINARY_SERVICE', chargedToProducer: true }, { kind: 'TECHNICAL_VISITS', chargedToProducer: false }] } } as Clauses;
    expect(chargedUnder(clauses, 'VETERINARY_SERVICE')).toBe(true);
    expect(chargedUnder(clauses, 'TECHNICAL_VISITS')).toBe(false);
    expect(chargedUnder(clauses, 'INSEMINATION')).toBe(false);
    expect(chargedUnder(undefined, 'VETERINARY_SERVICE')).toBe(false);
  });
});

describe('incentive and sanction rules in the clause editor', () => {
  const withCommitment = (): ReturnType<typeof blankForm> => ({ ...blankForm(), basePrice: '1.03', committed: true,
    committedQuantity: '60', per: 'DAY', tolerancePercent: '10' });

  it('sends each kind with its own fields and no other', () => {
    const f = withCommitment();
    f.rules = [newRule('ACCEPTANCE_BONUS'), { ...newRule('UNDER_COMMITMENT'), action: 'SUSPENSION_PROPOSED' }];
    const { clauses, problems } = clausesOf(f);
    expect(problems.size).toBe(0);
    expect(clauses.incentives).toEqual({ rules: [
      { kind: 'ACCEPTANCE_BONUS', consecutiveFortnights: 2, minAcceptancePercent: 95, bonusPerUnit: 0.02 },
      { kind: 'UNDER_COMMITMENT', consecutiveFortnights: 3, action: 'SUSPENSION_PROPOSED' },
    ] });
  });

  it('refuses on its field a streak out of 1..6, an acceptance over 100 % and a sanction without a commitment', () => {
    const f = { ...withCommitment(), committed: false };
    f.rules = [{ ...newRule('ACCEPTANCE_BONUS'), consecutiveFortnights: '7', minAcceptancePercent: '101', bonusPerUnit: '' },
      newRule('UNDER_COMMITMENT')];
    const { problems } = clausesOf(f);
    expect(problems.get('clauses.incentives.rules[0].consecutiveFortnights')).toBe('un número entero de 1 a 6');
    expect(problems.get('clauses.incentives.rules[0].minAcceptancePercent')).toBe('como máximo 100');
    expect(problems.get('clauses.incentives.rules[0].bonusPerUnit')).toBe('obligatorio');
    expect(problems.get('clauses.incentives.rules[1].kind')).toMatch(/volumen comprometido/);
  });

  it('reads stored rules into the form and back unchanged; removing the last one sends an empty list', () => {
    const stored = { ...clausesOf(withCommitment()).clauses,
      incentives: { rules: [{ kind: 'UNDER_COMMITMENT' as const, consecutiveFortnights: 3, action: 'WARNING' as const }] } };
    const form = formOf(stored);
    expect(form.rules).toEqual([{ kind: 'UNDER_COMMITMENT', consecutiveFortnights: '3', minAcceptancePercent: '', bonusPerUnit: '',
      action: 'WARNING' }]);
    expect(clausesOf(form).clauses.incentives).toEqual(stored.incentives);
    form.rules = [];
    expect(clausesOf(form).clauses.incentives).toEqual({ rules: [] });
  });
});
