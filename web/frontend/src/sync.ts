// Keeps the device and lots-service in step: downloads what changed (centres, operators, producers,
// agreement terms) and sends every lot still pending through the batch endpoint, by itself when the
// network returns, on a timer, and on the operator's button. A lot leaves "pending" only when the
// server has answered for it, so a dropped connection means it is sent again and answered UNCHANGED.
// A server too busy to take them (503 overloaded, 429) says when to come back: they wait, still pending,
// and go again then, as the same requests (same ids).
import { ApiError, NetworkError, busyRetryDelayMs, call } from './api';
import { type Centre, type LocalLot, type Operator, db, getMeta, setMeta } from './db';
import type { AgreementTerms, LotReceipt, Problem, Producer } from './domain/types';

interface Roster {
  cursor: string;
  full: boolean;
  producers: Producer[];
  agreements: AgreementTerms[];
}

interface BatchItem {
  index: number;
  id: string;
  outcome: 'CREATED' | 'UNCHANGED' | 'REFUSED';
  receipt: LotReceipt | null;
  problem: Problem | null;
}

interface BatchResult {
  total: number;
  created: number;
  unchanged: number;
  refused: number;
  results: BatchItem[];
}

export interface SyncStatus {
  sending: boolean;
  lastSentAt: string | null;
  lastError: string | null;
  sessionExpired: boolean;
  /** The server was busy: when the pending lots go again by themselves (not a failure). */
  retryAt: string | null;
}

export const status: SyncStatus = { sending: false, lastSentAt: null, lastError: null, sessionExpired: false,
  retryAt: null };
let retryTimer: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<() => void>();

export function onChange(listener: () => void): void {
  listeners.add(listener);
}

function changed(): void {
  listeners.forEach((l) => l());
}

const BATCH_SIZE = 500;

export async function refreshCentres(): Promise<Centre[]> {
  const centres = await call<Centre[]>('/api/lots/v1/collection-centres');
  await db.transaction('rw', db.centres, async () => {
    await db.centres.clear();
    await db.centres.bulkPut(centres.map((c) => ({ id: c.id, organisationId: c.organisationId, name: c.name, district: c.district })));
  });
  return centres;
}

export async function refreshOperators(centreId: string): Promise<void> {
  const operators = await call<Operator[]>(`/api/lots/v1/collection-centres/${centreId}/operators`);
  await db.operators.bulkPut(operators.map((o) => ({ id: o.id, centreId, name: o.name })));
}

/** Only what changed since the last download: a phone on a slow line does not fetch everything each morning. */
export async function refreshRoster(centreId: string): Promise<{ producers: number; agreements: number }> {
  const cursor = await getMeta<string>(`cursor:${centreId}`);
  const query = cursor ? `?since=${encodeURIComponent(cursor)}` : '';
  const roster = await call<Roster>(`/api/lots/v1/collection-centres/${centreId}/roster${query}`, { timeoutMs: 60000 });
  await db.transaction('rw', db.producers, db.agreements, db.meta, async () => {
    await db.producers.bulkPut(roster.producers.map((p) => ({ ...p, centreId })));
    await db.agreements.bulkPut(roster.agreements.map((a) => ({ ...a, centreId })));
    await setMeta(`cursor:${centreId}`, roster.cursor);
    await setMeta(`roster-at:${centreId}`, new Date().toISOString());
  });
  return { producers: roster.producers.length, agreements: roster.agreements.length };
}

/** The day's lots as lots-service has them, including those other devices recorded. */
export async function refreshSheet(centreId: string, date: string): Promise<void> {
  const sheet = await call<{ lots: LotReceipt[] }>(`/api/lots/v1/collection-centres/${centreId}/sheet?date=${date}`);
  const producers = new Map((await db.producers.where('centreId').equals(centreId).toArray()).map((p) => [p.id, p]));
  await db.transaction('rw', db.lots, async () => {
    const stored = await db.lots.bulkGet(sheet.lots.map((l) => l.id));
    const changed: LocalLot[] = [];
    sheet.lots.forEach((receipt, i) => {
      const local = stored[i];
      if (local) {
        if (local.state !== 'confirmed' || local.receipt?.version !== receipt.version) changed.push(confirmed(local, receipt));
        return;
      }
      const producer = producers.get(receipt.producerId);
      changed.push({
        id: receipt.id, centreId, deliveryDate: receipt.deliveryDate, shift: receipt.shift,
        producerId: receipt.producerId, producerName: producer?.name ?? 'Productor', nationalId: producer?.nationalId ?? '',
        state: 'confirmed', request: null, provisional: null, receipt, problem: null, differs: false,
        savedAt: receipt.recordedAt,
      });
    });
    await db.lots.bulkPut(changed);
  });
}

function confirmed(lot: LocalLot, receipt: LotReceipt): LocalLot {
  // Compared with what the device said when the lot was saved, not with any later correction.
  const differs = lot.provisional !== null && lot.request !== null && receipt.revision === 1
    && receipt.verdict !== lot.provisional.verdict;
  return { ...lot, state: 'confirmed', receipt, problem: null, differs: lot.differs || differs };
}

let inFlight: Promise<void> | null = null;

/** Sends every pending lot; one run at a time, whoever asks. */
export function sendPending(): Promise<void> {
  if (!inFlight) {
    inFlight = send().finally(() => {
      inFlight = null;
      changed();
    });
  }
  return inFlight;
}

async function send(): Promise<void> {
  status.sending = true;
  status.lastError = null;
  status.retryAt = null;
  if (retryTimer !== null) clearTimeout(retryTimer);
  retryTimer = null;
  changed();
  try {
    for (;;) {
      const pending = await db.lots.where('state').equals('pending').sortBy('savedAt');
      const batch = pending.filter((l) => l.request !== null).slice(0, BATCH_SIZE);
      if (batch.length === 0) break;
      const result = await call<BatchResult>('/api/lots/v1/lots/batch', {
        method: 'POST', body: { lots: batch.map((l) => l.request) }, timeoutMs: 120000,
      });
      await db.transaction('rw', db.lots, async () => {
        const current = await db.lots.bulkGet(batch.map((l) => l.id));
        const answered: LocalLot[] = [];
        for (const item of result.results) {
          const now = current[item.index];
          if (!now || now.id !== item.id || now.state !== 'pending') continue; // discarded or edited meanwhile
          if (item.outcome === 'REFUSED') answered.push({ ...now, state: 'refused', problem: item.problem });
          else if (item.receipt) answered.push(confirmed(now, item.receipt));
        }
        await db.lots.bulkPut(answered);
      });
      status.lastSentAt = new Date().toISOString();
      status.sessionExpired = false;
      changed();
    }
  } catch (e) {
    const busy = busyRetryDelayMs(e);
    if (busy !== null) {
      status.retryAt = new Date(Date.now() + busy).toISOString();
      retryTimer = setTimeout(() => {
        retryTimer = null;
        void sendPending();
      }, busy);
    } else if (e instanceof ApiError && e.status === 401) {
      status.sessionExpired = true;
      status.lastError = 'Su sesión venció: vuelva a entrar para enviar los lotes (se guardan en el equipo)';
    } else if (e instanceof NetworkError) {
      status.lastError = 'Sin conexión: los lotes quedan guardados y se enviarán solos';
    } else if (e instanceof ApiError) {
      status.lastError = `El servidor no aceptó el envío (${e.status}): ${e.problem.detail ?? e.problem.title ?? ''}`;
    } else {
      status.lastError = String(e);
    }
  } finally {
    status.sending = false;
  }
}

let started = false;

/** Sends by itself: when the network comes back, and every 30 s while something is pending. */
export function startBackgroundSync(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void sendPending());
  setInterval(async () => {
    if (navigator.onLine && (await db.lots.where('state').equals('pending').count()) > 0) void sendPending();
  }, 30000);
}
