import { describe, expect, it } from 'vitest';
import { compare } from '../src/domain/decimal';
import { parseQuantity, parseReading, cleanText } from '../src/domain/input';
import { judge } from '../src/domain/judge';
import { search, shortCode } from '../src/domain/search';
import { applicable } from '../src/domain/terms';
import type { AgreementTerms, Producer, QualityParameter } from '../src/domain/types';

// The milk clause of the field studies: solids at least 11.5 %, at most 10 °C, no antibiotics.
const milk: QualityParameter[] = [
  { code: 'total_solids', name: 'Sólidos totales', kind: 'NUMERIC', unit: '%', min: 11.5, max: null, passValue: null, required: true },
  { code: 'temperature', name: 'Temperatura', kind: 'NUMERIC', unit: '°C', min: null, max: 10, passValue: null, required: true },
  { code: 'antibiotics', name: 'Antibióticos', kind: 'BOOLEAN', unit: null, min: null, max: null, passValue: false, required: true },
];

describe('quality verdict on the device (the rules of lots-service)', () => {
  it('accepts a lot whose every reading is within limits, limits included', () => {
    const j = judge(milk, [{ parameter: 'total_solids', value: '11.50' }, { parameter: 'temperature', value: 10 },
      { parameter: 'antibiotics', result: false }]);
    expect(j).toEqual({ verdict: 'ACCEPTED', reasons: [] });
  });

  it('rejects with one reason per failed parameter, in clause order, in Spanish', () => {
    const j = judge(milk, [{ parameter: 'antibiotics', result: true }, { parameter: 'temperature', value: 10.1 },
      { parameter: 'total_solids', value: 11.49 }]);
    expect(j.verdict).toBe('REJECTED');
    expect(j.reasons.map((r) => r.code)).toEqual(['BELOW_MIN', 'ABOVE_MAX', 'FAILED_TEST']);
    expect(j.reasons[0].message).toBe('Sólidos totales 11.49 % bajo el mínimo 11.5');
    expect(j.reasons[1].message).toBe('Temperatura 10.1 °C sobre el máximo 10');
    expect(j.reasons[2].message).toBe('Antibióticos: prueba positiva, no aprobada');
  });

  it('a missing required reading rejects; a missing optional one does not', () => {
    const optional = milk.map((p) => p.code === 'temperature' ? { ...p, required: false } : p);
    const readings = [{ parameter: 'total_solids', value: 12 }, { parameter: 'antibiotics', result: false }];
    expect(judge(milk, readings).reasons.map((r) => [r.parameter, r.code])).toEqual([['temperature', 'MISSING_READING']]);
    expect(judge(optional, readings).verdict).toBe('ACCEPTED');
  });

  it('a boolean test passes only with its pass value (organic certification must be true)', () => {
    const organic: QualityParameter[] = [{ code: 'organic', name: 'Certificación orgánica', kind: 'BOOLEAN', unit: null,
      min: null, max: null, passValue: true, required: true }];
    expect(judge(organic, [{ parameter: 'organic', result: true }]).verdict).toBe('ACCEPTED');
    expect(judge(organic, [{ parameter: 'organic', result: false }]).reasons[0].message)
      .toBe('Certificación orgánica: prueba negativa, no aprobada');
  });

  it('readings of parameters the clause does not name are not judged', () => {
    expect(judge(milk.slice(0, 1), [{ parameter: 'total_solids', value: 12 }, { parameter: 'ph', value: 99 }]).verdict)
      .toBe('ACCEPTED');
  });
});

describe('decimal comparison', () => {
  it('compares as decimals, not binary floating point', () => {
    expect(compare('11.5', '11.50')).toBe(0);
    expect(compare(0.3, '0.30000000000000004')).toBe(-1);
    expect(compare('-1.5', '-1.25')).toBe(-1);
    expect(compare('100', '99.9999')).toBe(1);
  });
});

describe('input on the device', () => {
  it('takes a comma or a point, refuses nonsense with a Spanish message', () => {
    expect(parseQuantity('18,5', 'L')).toEqual({ ok: true, value: '18.5' });
    expect(parseQuantity('0', 'L')).toEqual({ ok: false, message: 'Debe ser mayor que 0' });
    expect(parseQuantity('12.1234', 'L').ok).toBe(false);
    expect(parseQuantity('abc', 'L').ok).toBe(false);
    expect(parseQuantity('99999', 'L')).toEqual({ ok: false, message: 'No más de 5000 L por entrega' });
    expect(parseReading('140', milk[0]).ok).toBe(false);
    expect(parseReading('-20', milk[1]).ok).toBe(false);
    expect(parseReading('', milk[0])).toEqual({ ok: false, message: 'Ingrese sólidos totales' });
    expect(cleanText('bal\u0000de\n', 60)).toBe('bal de');
  });
});

const rosa: Producer = { id: 'p1', name: 'Rosa Quispe Huamán', nationalId: '45871236', groupId: 'g1' };
const julio: Producer = { id: 'p2', name: 'Julio Rodríguez Cruz', nationalId: '41234567', groupId: 'g2' };

describe('producer search', () => {
  it('finds by any word of the name without accents, by DNI and by short code', () => {
    expect(search([rosa, julio], 'huaman', new Set()).map((p) => p.id)).toEqual(['p1']);
    expect(search([rosa, julio], 'rod cr', new Set()).map((p) => p.id)).toEqual(['p2']);
    expect(search([rosa, julio], '4123', new Set()).map((p) => p.id)).toEqual(['p2']);
    expect(shortCode(rosa)).toBe('1236');
    expect(search([rosa, julio], '1236', new Set()).map((p) => p.id)).toEqual(['p1']);
  });

  it('lists those still to deliver this shift first', () => {
    expect(search([rosa, julio], '', new Set(['p2'])).map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(search([rosa, julio], '', new Set(['p1'])).map((p) => p.id)).toEqual(['p2', 'p1']);
  });
});

describe('agreement in force', () => {
  const base: AgreementTerms = { id: 'a1', organisationId: 'assoc', buyerId: 'plant', producerId: null, groupId: 'g1',
    product: 'milk', unit: 'L', status: 'ACTIVE', startDate: '2026-01-01', endDate: '2026-12-31',
    periodsInForce: [{ from: '2026-01-01', to: '2026-06-30' }, { from: '2026-08-01', to: '2026-12-31' }],
    versions: [{ number: 1, effectiveFrom: '2026-01-01', effectiveTo: '2026-11-07', quality: milk },
      { number: 2, effectiveFrom: '2026-11-08', effectiveTo: '2026-12-31', quality: milk.slice(0, 1) }],
    revision: 3 };

  it('picks the version in force on the delivery day', () => {
    const before = applicable([base], rosa, 'milk', '2026-11-07', 'assoc');
    const after = applicable([base], rosa, 'milk', '2026-11-08', 'assoc');
    expect(before.kind === 'one' && before.version.number).toBe(1);
    expect(after.kind === 'one' && after.version.number).toBe(2);
  });

  it('refuses outside the periods in force, another group, another organisation, or two agreements', () => {
    expect(applicable([base], rosa, 'milk', '2026-07-15', 'assoc').kind).toBe('none');
    expect(applicable([base], julio, 'milk', '2026-11-10', 'assoc').kind).toBe('none');
    expect(applicable([base], rosa, 'milk', '2026-11-10', 'someone-else').kind).toBe('none');
    expect(applicable([base], rosa, 'milk', '2026-11-10', 'plant').kind).toBe('one');
    expect(applicable([base, { ...base, id: 'a2', groupId: null, producerId: 'p1' }], rosa, 'milk', '2026-11-10', 'assoc'))
      .toEqual({ kind: 'several', count: 2 });
  });
});
