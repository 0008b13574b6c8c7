// An agreement's clauses as contracts-service stores them, and as the manager's editor holds them
// (text as typed). Turning the form into clauses checks what can be checked on the device (numbers,
// required fields), naming each problem by the same path the service uses, so both land on the field.
import { isDecimal, scaleOf } from './decimal';

export type Decimal = number | string;

/** ACCEPTANCE_BONUS pays bonusPerUnit after a streak of acceptance; UNDER_COMMITMENT gives notice of action. */
export interface IncentiveRule {
  kind: 'ACCEPTANCE_BONUS' | 'UNDER_COMMITMENT';
  consecutiveFortnights: number;
  minAcceptancePercent?: Decimal | null;
  bonusPerUnit?: Decimal | null;
  action?: 'WARNING' | 'SUSPENSION_PROPOSED' | null;
}

export interface ClauseParameter {
  code: string;
  name?: string | null;
  kind: 'NUMERIC' | 'BOOLEAN';
  unit?: string | null;
  min?: Decimal | null;
  max?: Decimal | null;
  passValue?: boolean | null;
  required?: boolean | null;
}

export interface Clauses {
  /** Fields this editor does not show (a dispute's window, say) ride along untouched. */
  quality: { parameters: ClauseParameter[]; [kept: string]: unknown };
  quantity?: { committedQuantity: Decimal; per: 'DAY' | 'FORTNIGHT'; tolerancePercent: Decimal;
    shortfallPenaltyPerUnit?: Decimal | null } | null;
  price: { currency?: string | null; basePrice: Decimal;
    qualityAdjustments?: { parameter: string; from?: Decimal | null; to?: Decimal | null; amountPerUnit: Decimal }[] | null;
    volumeTiers?: { minQuantity: Decimal; bonusPerUnit: Decimal }[] | null;
    paymentFrequency?: string | null; paymentTermDays: number };
  assistance?: { services?: { kind: string; description?: string | null; visitsPerMonth?: number | null;
    chargedToProducer: boolean }[] | null; maxInstalments?: number | null } | null;
  /** The certificate a producer must hold on the delivery day; required null: none. */
  certification?: { required: string | null; schemeName?: string | null } | null;
  /** Incentive and sanction rules, judged per fortnight by payments-service. */
  incentives?: { rules?: IncentiveRule[] | null } | null;
  /** Fields this editor does not show ride along untouched. */
  [kept: string]: unknown;
}

export interface ParameterForm {
  code: string;
  name: string;
  kind: 'NUMERIC' | 'BOOLEAN';
  unit: string;
  min: string;
  max: string;
  passValue: boolean;
  required: boolean;
  /** A parameter added in this form: its code follows its name. A stored one keeps its code (readings use it). */
  auto?: boolean;
}

export interface RuleForm {
  kind: 'ACCEPTANCE_BONUS' | 'UNDER_COMMITMENT';
  consecutiveFortnights: string;
  minAcceptancePercent: string;
  bonusPerUnit: string;
  action: 'WARNING' | 'SUSPENSION_PROPOSED';
}

export interface ClauseForm {
  parameters: ParameterForm[];
  currency: string;
  basePrice: string;
  paymentTermDays: string;
  adjustments: { parameter: string; from: string; to: string; amountPerUnit: string }[];
  tiers: { minQuantity: string; bonusPerUnit: string }[];
  committed: boolean;
  committedQuantity: string;
  per: 'DAY' | 'FORTNIGHT';
  tolerancePercent: string;
  shortfallPenaltyPerUnit: string;
  services: { kind: string; description: string; visitsPerMonth: string; chargedToProducer: boolean }[];
  maxInstalments: string;
  /** The scheme required (ORGANIC, FAIRTRADE, RAINFOREST_ALLIANCE, OTHER), or '' for none; an OTHER one by its name. */
  certificationRequired: string;
  certificationSchemeName: string;
  rules: RuleForm[];
  /**
   * The clauses the form was filled from. What the form does not show (a dispute's window,
   * fields a newer service adds) is sent back as it was, so an amendment made here never drops it.
   */
  base?: Clauses;
}

const text = (value: Decimal | null | undefined): string => (value === null || value === undefined ? '' : String(value));

export function formOf(c: Clauses): ClauseForm {
  return {
    parameters: c.quality.parameters.map((p) => ({ code: p.code, name: p.name ?? p.code, kind: p.kind, unit: p.unit ?? '',
      min: text(p.min), max: text(p.max), passValue: p.passValue ?? false, required: p.required ?? true })),
    currency: c.price.currency ?? 'PEN',
    basePrice: text(c.price.basePrice),
    paymentTermDays: text(c.price.paymentTermDays),
    adjustments: (c.price.qualityAdjustments ?? []).map((a) => ({ parameter: a.parameter, from: text(a.from), to: text(a.to),
      amountPerUnit: text(a.amountPerUnit) })),
    tiers: (c.price.volumeTiers ?? []).map((t) => ({ minQuantity: text(t.minQuantity), bonusPerUnit: text(t.bonusPerUnit) })),
    committed: !!c.quantity,
    committedQuantity: text(c.quantity?.committedQuantity),
    per: c.quantity?.per ?? 'DAY',
    tolerancePercent: text(c.quantity?.tolerancePercent ?? 10),
    shortfallPenaltyPerUnit: text(c.quantity?.shortfallPenaltyPerUnit),
    services: (c.assistance?.services ?? []).map((s) => ({ kind: s.kind, description: s.description ?? '',
      visitsPerMonth: text(s.visitsPerMonth), chargedToProducer: s.chargedToProducer })),
    maxInstalments: text(c.assistance?.maxInstalments ?? 2),
    certificationRequired: c.certification?.required ?? '',
    certificationSchemeName: c.certification?.schemeName ?? '',
    rules: (c.incentives?.rules ?? []).map((r) => ({ kind: r.kind, consecutiveFortnights: text(r.consecutiveFortnights),
      minAcceptancePercent: text(r.minAcceptancePercent), bonusPerUnit: text(r.bonusPerUnit), action: r.action ?? 'WARNING' })),
    base: c,
  };
}

/** A form with nothing negotiated yet: one numeric parameter to fill, fortnightly payment, two armadas. */
export function blankForm(): ClauseForm {
  return formOf({ quality: { parameters: [] }, price: { currency: 'PEN', basePrice: '', paymentTermDays: 7 } as Clauses['price'],
    quantity: null, assistance: { services: [], maxInstalments: 2 } });
}

/** A rule as the editor offers it: the bonus of the field studies' example (95 % two fortnights running, S/ 0.02). */
export function newRule(kind: RuleForm['kind']): RuleForm {
  return kind === 'ACCEPTANCE_BONUS'
    ? { kind, consecutiveFortnights: '2', minAcceptancePercent: '95', bonusPerUnit: '0.02', action: 'WARNING' }
    : { kind, consecutiveFortnights: '3', minAcceptancePercent: '', bonusPerUnit: '', action: 'WARNING' };
}

export function newParameter(kind: 'NUMERIC' | 'BOOLEAN'): ParameterForm {
  return { code: '', name: '', kind, unit: '', min: '', max: '', passValue: false, required: true, auto: true };
}

/** The key readings use, made from the name: "Sólidos totales" → "solidos_totales". */
export function codeFor(name: string): string {
  if (!name.trim()) return '';
  const slug = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return (/^[a-z]/.test(slug) ? slug : `p_${slug}`).slice(0, 40).replace(/_+$/, '');
}

export type Problems = Map<string, string>;

/** The clauses the form says, or the problems found on the device, each under the service's path. */
export function clausesOf(f: ClauseForm, prefix = 'clauses.'): { clauses: Clauses; problems: Problems } {
  const problems: Problems = new Map();
  const at = (path: string) => prefix + path;
  const decimal = (value: string, path: string, o: { required?: boolean; fraction?: number; positive?: boolean;
    signed?: boolean } = {}): number | null => {
    const v = value.trim().replace(',', '.');
    if (v === '') {
      if (o.required) problems.set(at(path), 'obligatorio');
      return null;
    }
    if (!isDecimal(v) || (!o.signed && v.startsWith('-'))) {
      problems.set(at(path), o.signed ? 'un número, con punto decimal (negativo para un descuento)' : 'un número, con punto decimal');
      return null;
    }
    if (scaleOf(v) > (o.fraction ?? 4)) {
      problems.set(at(path), `como máximo ${o.fraction ?? 4} decimales`);
      return null;
    }
    if (o.positive && Number(v) <= 0) {
      problems.set(at(path), 'debe ser mayor que 0');
      return null;
    }
    return Number(v);
  };
  const whole = (value: string, path: string, min: number, max: number, required: boolean): number | null => {
    const v = value.trim();
    if (v === '') {
      if (required) problems.set(at(path), 'obligatorio');
      return null;
    }
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      problems.set(at(path), `un número entero de ${min} a ${max}`);
      return null;
    }
    return Number(v);
  };

  const parameters = f.parameters.map((p, i): ClauseParameter => {
    const path = `quality.parameters[${i}].`;
    if (!p.name.trim()) problems.set(at(`${path}name`), 'obligatorio');
    const code = p.code.trim() || codeFor(p.name);
    if (p.name.trim() && !/^[a-z][a-z0-9_]{0,39}$/.test(code)) problems.set(at(`${path}code`), 'minúsculas, dígitos y _, hasta 40');
    if (p.kind === 'BOOLEAN') {
      return { code, name: p.name.trim(), kind: 'BOOLEAN', passValue: p.passValue, required: p.required };
    }
    return { code, name: p.name.trim(), kind: 'NUMERIC', unit: p.unit.trim() || null,
      min: decimal(p.min, `${path}min`, { signed: true }), max: decimal(p.max, `${path}max`, { signed: true }), required: p.required };
  });
  const price: Clauses['price'] = {
    currency: f.currency,
    basePrice: decimal(f.basePrice, 'price.basePrice', { required: true, positive: true }) ?? '',
    qualityAdjustments: f.adjustments.map((a, i) => ({
      parameter: a.parameter,
      from: decimal(a.from, `price.qualityAdjustments[${i}].from`, { signed: true }),
      to: decimal(a.to, `price.qualityAdjustments[${i}].to`, { signed: true }),
      amountPerUnit: decimal(a.amountPerUnit, `price.qualityAdjustments[${i}].amountPerUnit`, { required: true, signed: true }) ?? '',
    })),
    volumeTiers: f.tiers.map((t, i) => ({
      minQuantity: decimal(t.minQuantity, `price.volumeTiers[${i}].minQuantity`, { required: true, positive: true, fraction: 3 }) ?? '',
      bonusPerUnit: decimal(t.bonusPerUnit, `price.volumeTiers[${i}].bonusPerUnit`, { required: true, positive: true }) ?? '',
    })),
    paymentFrequency: 'FORTNIGHTLY',
    paymentTermDays: whole(f.paymentTermDays, 'price.paymentTermDays', 0, 120, true) ?? 0,
  };
  const quantity: Clauses['quantity'] = f.committed ? {
    committedQuantity: decimal(f.committedQuantity, 'quantity.committedQuantity', { required: true, positive: true, fraction: 3 }) ?? '',
    per: f.per,
    tolerancePercent: decimal(f.tolerancePercent, 'quantity.tolerancePercent', { required: true, fraction: 2 }) ?? '',
    shortfallPenaltyPerUnit: decimal(f.shortfallPenaltyPerUnit, 'quantity.shortfallPenaltyPerUnit', { positive: true }),
  } : null;
  const assistance: Clauses['assistance'] = {
    services: f.services.map((s, i) => ({ kind: s.kind, description: s.description.trim() || null,
      visitsPerMonth: whole(s.visitsPerMonth, `assistance.services[${i}].visitsPerMonth`, 1, 31, false),
      chargedToProducer: s.chargedToProducer })),
    maxInstalments: whole(f.maxInstalments, 'assistance.maxInstalments', 1, 12, true) ?? 2,
  };
  const other = f.certificationRequired === 'OTHER';
  if (other && !f.certificationSchemeName.trim()) problems.set(at('certification.schemeName'), 'obligatorio: el nombre de la certificación');
  const certification: Clauses['certification'] = f.certificationRequired
    ? { required: f.certificationRequired, schemeName: other ? f.certificationSchemeName.trim() : null } : null;
  // Each kind sends the fields it uses and no other (the service refuses the rest).
  const rules = f.rules.map((r, i): IncentiveRule => {
    const path = `incentives.rules[${i}].`;
    const consecutiveFortnights = whole(r.consecutiveFortnights, `${path}consecutiveFortnights`, 1, 6, true) ?? 1;
    if (r.kind === 'UNDER_COMMITMENT') {
      if (!f.committed) problems.set(at(`${path}kind`), 'necesita un volumen comprometido (cláusula de volumen)');
      return { kind: r.kind, consecutiveFortnights, action: r.action };
    }
    const minAcceptancePercent = decimal(r.minAcceptancePercent, `${path}minAcceptancePercent`, { required: true, positive: true, fraction: 2 });
    if (minAcceptancePercent !== null && minAcceptancePercent > 100) problems.set(at(`${path}minAcceptancePercent`), 'como máximo 100');
    return { kind: r.kind, consecutiveFortnights, minAcceptancePercent,
      bonusPerUnit: decimal(r.bonusPerUnit, `${path}bonusPerUnit`, { required: true, positive: true }) };
  });
  const base = f.base;
  return {
    clauses: { ...base, quality: { ...base?.quality, parameters }, quantity, price: { ...base?.price, ...price },
      assistance: { ...base?.assistance, ...assistance },
      // No rules are left out unless the stored clauses had some (then an empty list removes them).
      ...(rules.length > 0 || base?.incentives ? { incentives: { ...base?.incentives, rules } } : {}),
      // None required is left out unless the stored clauses required one (then null stops requiring it).
      ...(certification || base?.certification ? { certification } : {}) },
    problems,
  };
}
