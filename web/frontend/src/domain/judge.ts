// The quality verdict on the device: the same rules as lots-service's QualityJudge, so a lot recorded
// offline gets its verdict at once. It stays provisional until the server confirms it.
import { compare, plain } from './decimal';
import type { Judgement, QualityParameter, Reading, RejectionReason } from './types';

function isTest(p: QualityParameter): boolean {
  return p.kind === 'BOOLEAN';
}

function absent(p: QualityParameter, r: Reading | undefined): boolean {
  if (!r) return true;
  return isTest(p) ? r.result === null || r.result === undefined : r.value === null || r.value === undefined || r.value === '';
}

/**
 * ACCEPTED when every required reading is present and every reading of a clause parameter is within
 * its limits (inclusive); otherwise REJECTED with one reason per failed parameter, in clause order.
 */
export function judge(clause: QualityParameter[], readings: Reading[]): Judgement {
  const byParameter = new Map<string, Reading>();
  for (const r of readings) byParameter.set(r.parameter, r); // the last of a repeated one, as the server
  const reasons: RejectionReason[] = [];
  for (const p of clause) {
    const r = byParameter.get(p.code);
    if (absent(p, r)) {
      if (p.required) {
        reasons.push({ parameter: p.code, code: 'MISSING_READING', limit: null, value: null, result: null,
          message: `falta la lectura de ${p.name}` });
      }
      continue;
    }
    const reading = r as Reading;
    const unit = p.unit ?? '';
    if (isTest(p)) {
      if (reading.result !== p.passValue) {
        reasons.push({ parameter: p.code, code: 'FAILED_TEST', limit: null, value: null, result: reading.result ?? null,
          message: `${p.name}: prueba ${reading.result ? 'positiva' : 'negativa'}, no aprobada` });
      }
    } else {
      const value = reading.value as string | number;
      if (p.min !== null && p.min !== undefined && compare(value, p.min) < 0) {
        reasons.push({ parameter: p.code, code: 'BELOW_MIN', limit: p.min, value, result: null,
          message: `${p.name} ${plain(value)} ${unit} bajo el mínimo ${plain(p.min)}` });
      } else if (p.max !== null && p.max !== undefined && compare(value, p.max) > 0) {
        reasons.push({ parameter: p.code, code: 'ABOVE_MAX', limit: p.max, value, result: null,
          message: `${p.name} ${plain(value)} ${unit} sobre el máximo ${plain(p.max)}` });
      }
    }
  }
  return { verdict: reasons.length === 0 ? 'ACCEPTED' : 'REJECTED', reasons };
}
