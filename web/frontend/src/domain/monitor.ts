// The compliance monitor of agreements (payments-service, decision 0027) in the words both parties read:
// each fortnight's commitment, deliveries and acceptance, the buyer's payment against its due date, the
// incentive and sanction rules met, and the assistance the buyer promised against what it delivered.
import { day, money } from '../format';

export type Scope = 'agreements' | 'producers' | 'networks' | 'buyers';

export interface BuyerPayment {
  dueDate: string;
  paidOn: string | null;
  status: 'NOTHING_DUE' | 'PENDING' | 'ON_TIME' | 'LATE' | 'UNPAID';
  daysLate: number | null;
}

/** A rule as the monitor reports it met, or as an agreement's clauses state it (decimals as numbers or text). */
export interface Rule {
  kind: 'ACCEPTANCE_BONUS' | 'UNDER_COMMITMENT' | string;
  consecutiveFortnights: number;
  minAcceptancePercent?: number | string | null;
  bonusPerUnit?: number | string | null;
  action?: 'WARNING' | 'SUSPENSION_PROPOSED' | null;
}

export interface QualityFigure { parameter: string; readings: number; mean: number | null; worst: number | null }

export interface FortnightCompliance {
  periodStart: string;
  periodEnd: string;
  termsVersion: number | null;
  committed: number | null;
  threshold: number | null;
  delivered: number | null;
  accepted: number | null;
  acceptancePercent: number | null;
  underCommitment: boolean;
  quality: QualityFigure[];
  buyerPayment: BuyerPayment | null;
  rulesMet: Rule[];
}

export interface Punctuality { due: number; onTime: number; late: number; unpaid: number; totalDaysLate: number; maxDaysLate: number }

export interface AssistanceFigure { month: string; kind: string; promised: number; delivered: number; shortfall: number }

export interface TrendPoint { periodStart: string; committed: number | null; delivered: number | null; accepted: number | null;
  acceptancePercent: number | null }

export interface AgreementCompliance {
  agreementId: string;
  organisationId: string;
  /** Names as contracts-service last announced them to payments-service; null until then. */
  organisationName: string | null;
  buyerId: string;
  buyerName: string | null;
  counterpartyType: 'PRODUCER' | 'PRODUCER_GROUP';
  counterpartyId: string;
  counterpartyName: string | null;
  product: string;
  unit: string;
  fortnights: FortnightCompliance[];
  trend: { fortnights: TrendPoint[]; direction: 'UP' | 'DOWN' | 'STABLE' | 'UNKNOWN' } | null;
  punctuality: Punctuality | null;
  assistance: AssistanceFigure[];
}

export interface Notice {
  id: string;
  agreementId: string;
  periodStart: string;
  rule: string;
  action: string | null;
  figures: unknown;
  raisedAt: string;
}

export interface Compliance {
  scope: string;
  id: string;
  from: string;
  to: string;
  agreements: AgreementCompliance[];
  buyers: { buyerId: string; punctuality: Punctuality | null; assistance: AssistanceFigure[] }[];
  notices: Notice[];
}

const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'setiembre', 'octubre',
  'noviembre', 'diciembre'];

export const SANCTION_NAMES: Record<string, string> = { WARNING: 'advertencia', SUSPENSION_PROPOSED: 'se propone suspender el acuerdo' };

export const TREND_NAMES: Record<string, string> = { UP: 'mejora', DOWN: 'empeora', STABLE: 'se mantiene',
  UNKNOWN: 'pocas quincenas para ver si mejora' };

function number(value: number | string, decimals = 2): string {
  return new Intl.NumberFormat('es-PE', { maximumFractionDigits: decimals }).format(Number(value));
}

/** What a buyer's free technical assistance cost over a period (contracts-service), for the tax incentive. */
export interface FreeAssistanceCost { buyerId: string; from: string; to: string; cost: number | string; deliveries: number }

/** The free assistance in words: the total and how many deliveries make it. */
export function freeAssistanceText(f: FreeAssistanceCost): string {
  if (f.deliveries === 0) return `Ninguna asistencia técnica sin costo para los productores del ${day(f.from)} al ${day(f.to)}.`;
  return `${money(f.cost)} en ${f.deliveries === 1 ? 'una entrega' : `${f.deliveries} entregas`} de asistencia técnica sin costo`
    + ` para los productores, del ${day(f.from)} al ${day(f.to)}.`;
}

/** "2026-10" → "octubre 2026". */
export function monthName(month: string): string {
  const [y, m] = month.split('-');
  return `${MONTHS[Number(m) - 1]} ${y}`;
}

/** An acceptance as people say it: "98.5 %"; a fortnight without deliveries has none. */
export function percent(value: number | string | null): string {
  return value === null ? '—' : `${number(value)} %`;
}

/** The buyer's payment of a fortnight, against the due date its payment term gives. */
export function paymentText(p: BuyerPayment | null): string {
  if (!p || p.status === 'NOTHING_DUE') return 'Nada que pagar';
  switch (p.status) {
    case 'PENDING': return `Vence el ${day(p.dueDate)}`;
    case 'ON_TIME': return `A tiempo${p.paidOn ? `: pagó el ${day(p.paidOn)}` : ''}`;
    case 'LATE': return `${p.daysLate} ${p.daysLate === 1 ? 'día' : 'días'} tarde${p.paidOn ? `: pagó el ${day(p.paidOn)}` : ''}`
      + ` (vencía el ${day(p.dueDate)})`;
    default: return `Sin pagar: vencía el ${day(p.dueDate)}`;
  }
}

/** A rule of the agreement in words, with what it does: "Aceptación de 95 % o más 2 quincenas seguidas: …". */
export function ruleText(r: Rule, unit: string): string {
  const times = `${r.consecutiveFortnights} ${r.consecutiveFortnights === 1 ? 'quincena' : 'quincenas seguidas'}`;
  if (r.kind === 'ACCEPTANCE_BONUS') {
    return `Aceptación de ${percent(r.minAcceptancePercent ?? null)} o más ${times}: bono de S/ ${number(r.bonusPerUnit ?? 0, 4)}`
      + ` por ${unit} aceptado en la quincena siguiente`;
  }
  if (r.kind === 'UNDER_COMMITMENT') {
    return `Entrega aceptada bajo el volumen comprometido ${times}: ${SANCTION_NAMES[r.action ?? ''] ?? r.action ?? 'aviso'}`;
  }
  return r.kind;
}

/** How a buyer paid over the range: "De 4 quincenas vencidas: 3 a tiempo, 1 tarde (5 días); ninguna sin pagar." */
export function punctualityText(p: Punctuality | null): string {
  if (!p || p.due === 0) return 'Ninguna quincena vencida en el periodo.';
  const late = p.late === 0 ? 'ninguna tarde'
    : `${p.late} tarde (${p.totalDaysLate} ${p.totalDaysLate === 1 ? 'día' : 'días'} en total${p.late > 1 ? `, hasta ${p.maxDaysLate}` : ''})`;
  const unpaid = p.unpaid === 0 ? 'ninguna sin pagar' : `${p.unpaid} sin pagar`;
  return `De ${p.due} ${p.due === 1 ? 'quincena vencida' : 'quincenas vencidas'}: ${p.onTime} a tiempo, ${late}; ${unpaid}.`;
}

/** The last six fortnights' acceptance, oldest first, and where it is going. */
export function trendText(t: AgreementCompliance['trend']): string {
  if (!t) return TREND_NAMES.UNKNOWN;
  const points = t.fortnights.filter((p) => p.acceptancePercent !== null).map((p) => percent(p.acceptancePercent));
  return `${points.length ? `${points.join(' → ')}: ` : ''}${TREND_NAMES[t.direction] ?? t.direction}`;
}

/** A parameter's figures over the fortnight: "media 11.9, peor 10.6 (30 lecturas)". */
export function qualityText(q: QualityFigure, unit = ''): string {
  if (q.readings === 0 || q.mean === null) return 'sin lecturas';
  const u = unit ? ` ${unit}` : '';
  return `media ${number(q.mean)}${u}, peor ${number(q.worst ?? q.mean)}${u} (${q.readings} ${q.readings === 1 ? 'lectura' : 'lecturas'})`;
}

/** Months where the buyer delivered less assistance than promised, as one line each. */
export function shortfalls(figures: AssistanceFigure[], names: Record<string, string>): string[] {
  return figures.filter((f) => f.shortfall > 0).map((f) => `${monthName(f.month)}: ${names[f.kind] ?? f.kind},`
    + ` ${f.delivered} de ${f.promised} prometidas`);
}

/**
 * The number notices go to, written as contracts-service takes it (+519xxxxxxxx): a Peruvian mobile typed
 * as people write it (987 654 321, 51987654321, +51 987-654-321) gains its country code; anything else is
 * left as typed, spaces and dashes removed, for the service to judge.
 */
export function mobileForNotices(typed: string): string {
  const plain = typed.replace(/[\s\-().]/g, '');
  if (/^9\d{8}$/.test(plain)) return `+51${plain}`;
  if (/^519\d{8}$/.test(plain)) return `+${plain}`;
  return plain;
}

/** Who the ids of a reading stand for, from the names it carries: each party reads the others' names. */
export function namesIn(c: Compliance): Map<string, string> {
  const names = new Map<string, string>();
  for (const a of c.agreements) {
    if (a.counterpartyName) names.set(a.counterpartyId, a.counterpartyName);
    if (a.buyerName) names.set(a.buyerId, a.buyerName);
    if (a.organisationName) names.set(a.organisationId, a.organisationName);
  }
  return names;
}

/** The web address of a reading of the monitor: its scope in Spanish, as the app names its screens. */
export const SCOPE_PATHS: Record<string, Scope> = { acuerdo: 'agreements', socio: 'producers', red: 'networks', comprador: 'buyers' };
