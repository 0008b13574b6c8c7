// Opening a claim against a rejected lot, from the producer's phone or at the centre's counter: the same request,
// with an id made when the form opened, so a double tap or a lost answer still opens one claim.
import { call, explain } from './api';
import type { Dispute } from './domain/dispute';

/** A claim being written. */
export interface ClaimForm {
  id: string;
  reason: string;
  error: string | null;
  sending: boolean;
}

export function newClaimForm(): ClaimForm {
  return { id: crypto.randomUUID(), reason: '', error: null, sending: false };
}

/** Sends the claim: the dispute opened, or null with the form's error saying why not (an empty reason first). */
export async function sendClaim(lotId: string, form: ClaimForm, withoutReason: string): Promise<Dispute | null> {
  if (form.sending) return null;
  const reason = form.reason.trim();
  if (!reason) {
    form.error = withoutReason;
    return null;
  }
  form.sending = true;
  try {
    return await call<Dispute>(`/api/lots/v1/lots/${lotId}/disputes`, { method: 'POST', body: { id: form.id, reason } });
  } catch (e) {
    form.error = explain(e);
    return null;
  } finally {
    form.sending = false;
  }
}
