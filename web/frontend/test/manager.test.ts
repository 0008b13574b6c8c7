import { describe, expect, it } from 'vitest';
import { type Clauses, blankForm, clausesOf, codeFor, formOf, newParameter } from '../src/domain/clauses';
import { csvLines, rowsRefused } from '../src/domain/csv';

// The sample dairy clauses, as contracts-service answers them.
const milk: Clauses = {
  quality: { parameters: [
    { code: 'total_solids', name: 'Sólidos totales', kind: 'NUMERIC', unit: '%', min: 11.5, max: null, passValue: null, required: true },
    { code: 'antibiotics', name: 'Antibióticos', kind: 'BOOLEAN', unit: null, min: null, max: null, passValue: false, required: true },
  ] },
  quantity: { committedQuantity: 60, per: 'DAY', tolerancePercent: 10, shortfallPenaltyPerUnit: null },
  price: { currency: 'PEN', basePrice: 1.03, qualityAdjustments: [{ parameter: 'total_solids', from: 12, to: null, amountPerUnit: 0.05 }],
    volumeTiers: [], paymentFrequency: 'FORTNIGHTLY', paymentTermDays: 7 },
  assistance: { services: [{ kind: 'FEED_SUPPLY', description: 'Alimento concentrado', visitsPerMonth: null, chargedToProducer: true }],
    maxInstalments: 2 },
};

describe('the clause editor', () => {
  it('gives back the clauses it was given, numbers as numbers', () => {
    const { clauses, problems } = clausesOf(formOf(milk));
    expect(problems.size).toBe(0);
    expect(clauses.quality.parameters[0]).toEqual({ code: 'total_solids', name: 'Sólidos totales', kind: 'NUMERIC', unit: '%',
      min: 11.5, max: null, required: true });
    expect(clauses.quality.parameters[1]).toEqual({ code: 'antibiotics', name: 'Antibióticos', kind: 'BOOLEAN', passValue: false,
      required: true });
    expect(clauses.price.qualityAdjustments).toEqual([{ parameter: 'total_solids', from: 12, to: null, amountPerUnit: 0.05 }]);
    expect(clauses.quantity).toEqual({ committedQuantity: 60, per: 'DAY', tolerancePercent: 10, shortfallPenaltyPerUnit: null });
    expect(clauses.assistance?.services?.[0].chargedToProducer).toBe(true);
  });

  it('sends back what it does not show, so an amendment keeps incentive rules and the dispute window', () => {
    const stored = { ...milk, quality: { ...milk.quality, contestWindowHours: 72, untestedDisputeFavoursProducer: false },
      incentives: { rules: [{ kind: 'ACCEPTANCE_BONUS' as const, consecutiveFortnights: 2, minAcceptancePercent: 95, bonusPerUnit: 0.02 }] } };
    const form = formOf(stored);
    form.basePrice = '1.06';
    const { clauses, problems } = clausesOf(form);
    expect(problems.size).toBe(0);
    expect(clauses.price.basePrice).toBe(1.06);
    expect(clauses.quality.contestWindowHours).toBe(72);
    expect(clauses.quality.untestedDisputeFavoursProducer).toBe(false);
    expect(clauses.incentives).toEqual(stored.incentives);
    // A new agreement starts with nothing to keep.
    expect(Object.keys(clausesOf(blankForm()).clauses).sort()).toEqual(['assistance', 'price', 'quality', 'quantity']);
  });

  it('names each problem by the path the service uses, so both land on the same field', () => {
    const form = formOf(milk);
    form.basePrice = '1,03';
    form.parameters[0].min = '11.5.1';
    form.adjustments[0].amountPerUnit = '';
    form.tiers.push({ minQuantity: '0', bonusPerUnit: '0.01' });
    form.paymentTermDays = '121';
    form.parameters.push(newParameter('NUMERIC'));
    const { clauses, problems } = clausesOf(form);
    expect(clauses.price.basePrice).toBe(1.03); // a comma typed on a phone is a decimal point
    expect([...problems.keys()].sort()).toEqual([
      'clauses.price.paymentTermDays', 'clauses.price.qualityAdjustments[0].amountPerUnit',
      'clauses.price.volumeTiers[0].minQuantity', 'clauses.quality.parameters[0].min', 'clauses.quality.parameters[2].name']);
    expect(problems.get('clauses.price.volumeTiers[0].minQuantity')).toBe('debe ser mayor que 0');
  });

  it('accepts a negative adjustment (a discount) but not a negative price', () => {
    const form = formOf(milk);
    form.adjustments[0].amountPerUnit = '-0.02';
    form.basePrice = '-1';
    const { clauses, problems } = clausesOf(form);
    expect(clauses.price.qualityAdjustments?.[0].amountPerUnit).toBe(-0.02);
    expect([...problems.keys()]).toEqual(['clauses.price.basePrice']);
  });

  it('leaves the volume out when nothing is committed, and a new parameter takes its code from its name', () => {
    const form = blankForm();
    form.basePrice = '1.10';
    form.parameters.push({ ...newParameter('NUMERIC'), name: 'Grasa láctea', unit: '%', min: '3.2' });
    const { clauses, problems } = clausesOf(form);
    expect(problems.size).toBe(0);
    expect(clauses.quantity).toBeNull();
    expect(clauses.quality.parameters[0].code).toBe('grasa_lactea');
    expect(codeFor('  3 Ácidez (°D) ')).toBe('p_3_acidez_d');
  });
});

describe('the CSV import', () => {
  const file = 'dni,nombre,distrito\n45871236,Rosa Quispe,Laredo\n\n4587123,Juan Pérez,Laredo\r\n41234567,,Laredo\n';

  it('numbers the rows as the service does: header 1, blank lines skipped', () => {
    expect([...csvLines(file).entries()]).toEqual([[1, 'dni,nombre,distrito'], [2, '45871236,Rosa Quispe,Laredo'],
      [3, '4587123,Juan Pérez,Laredo'], [4, '41234567,,Laredo']]);
  });

  it('shows each refused row on its line with its problems in Spanish', () => {
    const rows = rowsRefused([
      { field: 'rows[4].name', message: 'no debe estar vacío' },
      { field: 'rows[3].nationalId', message: 'un DNI tiene 8 dígitos y un RUC 11; se recibieron 7' },
      { field: 'rows[4].district', message: 'x' },
      { field: 'file', message: 'otra cosa' },
    ], csvLines(file));
    expect(rows).toEqual([
      { line: 3, text: '4587123,Juan Pérez,Laredo', problems: ['DNI/RUC: un DNI tiene 8 dígitos y un RUC 11; se recibieron 7'] },
      { line: 4, text: '41234567,,Laredo', problems: ['nombre: no debe estar vacío', 'distrito: x'] },
    ]);
  });
});
