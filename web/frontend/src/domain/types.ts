// The shapes the services answer (lots-service's roster and receipts), as the app keeps them.

export interface QualityParameter {
  code: string;
  name: string;
  kind: 'NUMERIC' | 'BOOLEAN' | string;
  unit: string | null;
  min: number | string | null;
  max: number | string | null;
  passValue: boolean | null;
  required: boolean;
}

export interface TermsVersion {
  number: number;
  effectiveFrom: string;
  effectiveTo: string;
  quality: QualityParameter[];
}

export interface DayRange {
  from: string;
  to: string;
}

export interface AgreementTerms {
  id: string;
  organisationId: string;
  buyerId: string;
  producerId: string | null;
  groupId: string | null;
  product: string;
  unit: string;
  status: string;
  startDate: string;
  endDate: string;
  periodsInForce: DayRange[];
  versions: TermsVersion[];
  revision: number;
}

export interface Producer {
  id: string;
  name: string;
  nationalId: string;
  groupId: string | null;
}

export interface Reading {
  parameter: string;
  value?: string | number | null;
  result?: boolean | null;
  instrument?: string | null;
  measuredAt?: string | null;
}

export type Verdict = 'ACCEPTED' | 'REJECTED';

export interface RejectionReason {
  parameter: string;
  code: 'MISSING_READING' | 'BELOW_MIN' | 'ABOVE_MAX' | 'FAILED_TEST';
  limit: number | string | null;
  value: number | string | null;
  result: boolean | null;
  message: string;
}

export interface Judgement {
  verdict: Verdict;
  reasons: RejectionReason[];
}

export interface LotReceipt {
  id: string;
  organisationId: string;
  centreId: string;
  producerId: string;
  product: string;
  quantity: number | string;
  unit: string;
  deliveredAt: string;
  deliveryDate: string;
  shift: Shift | null;
  agreementId: string;
  agreementVersion: number;
  readings: Reading[];
  verdict: Verdict;
  reasons: RejectionReason[];
  status: 'RECORDED' | 'VOIDED';
  revision: number;
  recordedBy: string;
  recordedAt: string;
  version: number;
}

/** One revision of a lot as its history lists it: as recorded, each correction or decided claim, the void. */
export interface LotRevisionView extends Judgement {
  revision: number;
  kind: string;
  quantity: number | string;
  readings: Reading[];
  status: 'RECORDED' | 'VOIDED';
  reason: string | null;
  changedBy: string;
  changedAt: string;
}

export type Shift = 'MORNING' | 'AFTERNOON';

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  violations?: { field: string; message: string }[];
}

/** An input-credit charge as payments-service shows it: its armadas and what is left to recover. */
export interface Charge {
  id: string;
  kind: string;
  description: string;
  amount: number;
  chargeDate: string;
  status: string;
  recovered: number;
  remaining: number;
  instalments: { number: number; dueFrom: string; amount: number; recovered: number }[];
}
