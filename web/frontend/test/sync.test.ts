import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LocalLot, LotRequest } from '../src/db';
import { ApiError, busyRetryDelayMs, retryAfterSeconds } from '../src/api';

// The device's lots, kept in memory in place of IndexedDB: only what the outbox uses.
const store = vi.hoisted(() => new Map<string, unknown>());
vi.mock('../src/db', () => {
  const lots = {
    where: () => ({ equals: (state: string) => ({
      sortBy: async () => [...store.values()].filter((l) => (l as LocalLot).state === state),
      count: async () => [...store.values()].filter((l) => (l as LocalLot).state === state).length,
    }) }),
    bulkGet: async (ids: string[]) => ids.map((id) => store.get(id)),
    bulkPut: async (list: LocalLot[]) => list.forEach((l) => store.set(l.id, l)),
  };
  return { db: { lots, transaction: async (_mode: string, _table: unknown, work: () => Promise<void>) => work() },
    getMeta: async () => undefined, setMeta: async () => undefined };
});

const request: LotRequest = { id: 'lot-1', centreId: 'c', operatorId: 'o', producerId: 'p', product: 'milk', quantity: 18.5,
  unit: 'L', deliveredAt: '2026-12-01T11:00:00Z', shift: 'MORNING', readings: [] };
const pendingLot: LocalLot = { id: 'lot-1', centreId: 'c', deliveryDate: '2026-12-01', shift: 'MORNING', producerId: 'p',
  producerName: 'Rosa', nationalId: '1', state: 'pending', request, provisional: null, receipt: null, problem: null,
  differs: false, savedAt: '2026-12-01T11:00:00Z' };

function busy(status: number, retryAfter: string | null): Response {
  return new Response(JSON.stringify({ type: 'urn:articula:problem:overloaded', title: 'Servicio ocupado', status,
    detail: 'Repita la misma solicitud en 7 segundos.' }), { status,
    headers: { 'Content-Type': 'application/problem+json', ...(retryAfter === null ? {} : { 'Retry-After': retryAfter }) } });
}

function created(): Response {
  const receipt = { ...request, deliveryDate: '2026-12-01', verdict: 'ACCEPTED', reasons: [], status: 'RECORDED',
    revision: 1, version: 1, recordedAt: '2026-12-01T11:00:01Z' };
  return new Response(JSON.stringify({ total: 1, created: 1, unchanged: 0, refused: 0,
    results: [{ index: 0, id: 'lot-1', outcome: 'CREATED', receipt, problem: null }] }),
  { status: 200, headers: { 'Content-Type': 'application/json' } });
}

const sentIds = (fetch: ReturnType<typeof vi.fn>) => fetch.mock.calls.map(([, init]) =>
  (JSON.parse(String((init as RequestInit).body)) as { lots: LotRequest[] }).lots.map((l) => l.id));

describe('the outbox when the server sheds load', () => {
  let sync: typeof import('../src/sync');
  let fetch: ReturnType<typeof vi.fn>;

  beforeEach(async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T16:00:00Z') });
    vi.resetModules();
    store.clear();
    store.set('lot-1', { ...pendingLot });
    fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    sync = await import('../src/sync');
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('keeps a lot refused with 503 pending, shows it waiting, and sends it again after Retry-After', async () => {
    fetch.mockResolvedValueOnce(busy(503, '7')).mockResolvedValueOnce(created());
    await sync.sendPending();

    expect((store.get('lot-1') as LocalLot).state).toBe('pending');
    expect(sync.status.lastError).toBeNull();
    expect(sync.status.retryAt).toBe('2026-12-01T16:00:07.000Z');
    await vi.advanceTimersByTimeAsync(6999);
    expect(fetch).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(() => expect((store.get('lot-1') as LocalLot).state).toBe('confirmed'));
    expect(sentIds(fetch)).toEqual([['lot-1'], ['lot-1']]); // the same lot under the same id: stored once
    expect(sync.status.retryAt).toBeNull();
    expect(sync.status.lastError).toBeNull();
  });

  it('treats 429 alike, and a Retry-After given as a date', async () => {
    fetch.mockResolvedValueOnce(busy(429, 'Tue, 01 Dec 2026 16:00:20 GMT')).mockResolvedValueOnce(created());
    await sync.sendPending();
    expect(sync.status.retryAt).toBe('2026-12-01T16:00:20.000Z');
    expect((store.get('lot-1') as LocalLot).state).toBe('pending');
    await vi.advanceTimersByTimeAsync(20000);
    await vi.waitFor(() => expect((store.get('lot-1') as LocalLot).state).toBe('confirmed'));
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('waits again when the server is still busy, and the operator may send before the time', async () => {
    fetch.mockResolvedValueOnce(busy(503, '5')).mockResolvedValueOnce(busy(503, '5')).mockResolvedValueOnce(created());
    await sync.sendPending();
    await vi.advanceTimersByTimeAsync(5000);
    await vi.waitFor(() => expect(sync.status.retryAt).toBe('2026-12-01T16:00:10.000Z'));
    expect(fetch).toHaveBeenCalledTimes(2);
    expect((store.get('lot-1') as LocalLot).state).toBe('pending');
    await sync.sendPending(); // "Enviar ahora" before the time: the planned retry is dropped
    expect((store.get('lot-1') as LocalLot).state).toBe('confirmed');
    await vi.advanceTimersByTimeAsync(60000);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('shows another server error as an error and plans no early retry', async () => {
    fetch.mockResolvedValueOnce(new Response(JSON.stringify({ status: 500, title: 'Error interno', detail: 'Falló' }),
      { status: 500, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '1' } }));
    await sync.sendPending();
    expect(sync.status.retryAt).toBeNull();
    expect(sync.status.lastError).toContain('(500)');
    expect((store.get('lot-1') as LocalLot).state).toBe('pending');
    await vi.advanceTimersByTimeAsync(10000);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('Retry-After', () => {
  it('reads seconds or a date, and bounds the wait', () => {
    const now = Date.parse('2026-12-01T16:00:00Z');
    expect(retryAfterSeconds('2', now)).toBe(2);
    expect(retryAfterSeconds('Tue, 01 Dec 2026 16:01:00 GMT', now)).toBe(60);
    expect(retryAfterSeconds('Tue, 01 Dec 2026 15:00:00 GMT', now)).toBe(0);
    expect(retryAfterSeconds('pronto', now)).toBeNull();
    expect(retryAfterSeconds(null, now)).toBeNull();
    const problem = { status: 503, title: 'Servicio ocupado' };
    expect(busyRetryDelayMs(new ApiError(503, problem, 2))).toBe(2000);
    expect(busyRetryDelayMs(new ApiError(503, problem, 0))).toBe(1000);
    expect(busyRetryDelayMs(new ApiError(503, problem, null))).toBe(30000);
    expect(busyRetryDelayMs(new ApiError(429, problem, 86400))).toBe(300000);
    expect(busyRetryDelayMs(new ApiError(500, problem, 2))).toBeNull();
    expect(busyRetryDelayMs(new Error('x'))).toBeNull();
  });
});
