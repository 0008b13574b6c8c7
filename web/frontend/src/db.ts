// What the device keeps in IndexedDB (Dexie): the centre's producers and agreement terms, and every
// lot until lots-service has confirmed it. Closing the browser or restarting the phone loses nothing.
import Dexie, { type Table } from 'dexie';
import type { AgreementTerms, Judgement, LotReceipt, Problem, Producer, Reading, Shift } from './domain/types';

export interface Centre {
  id: string;
  organisationId: string;
  name: string;
  district: string;
}

export interface Operator {
  id: string;
  centreId: string;
  name: string;
}

export interface LotRequest {
  id: string;
  centreId: string;
  operatorId: string;
  producerId: string;
  product: string;
  quantity: number;
  unit: string;
  deliveredAt: string;
  shift: Shift;
  readings: Reading[];
}

export type LotState = 'pending' | 'confirmed' | 'refused';

/** A lot as the device knows it: what was sent, the provisional verdict, and the server's answer. */
export interface LocalLot {
  id: string;
  centreId: string;
  deliveryDate: string;
  shift: Shift | null;
  producerId: string;
  producerName: string;
  nationalId: string;
  state: LotState;
  request: LotRequest | null; // null for a lot another device recorded
  provisional: Judgement | null;
  receipt: LotReceipt | null;
  problem: Problem | null;
  /** The server judged differently from the device (its terms changed meanwhile). */
  differs: boolean;
  savedAt: string;
}

export type CentreProducer = Producer & { centreId: string };
export type CentreAgreement = AgreementTerms & { centreId: string };

export interface Meta {
  key: string;
  value: unknown;
}

class ArticulaDb extends Dexie {
  centres!: Table<Centre, string>;
  operators!: Table<Operator, [string, string]>;
  producers!: Table<CentreProducer, [string, string]>;
  agreements!: Table<CentreAgreement, [string, string]>;
  lots!: Table<LocalLot, string>;
  meta!: Table<Meta, string>;

  constructor() {
    super('articula');
    this.version(1).stores({
      centres: 'id',
      operators: '[centreId+id], centreId',
      producers: '[centreId+id], centreId',
      agreements: '[centreId+id], centreId',
      lots: 'id, [centreId+deliveryDate], state, savedAt',
      meta: 'key',
    });
  }
}

export const db = new ArticulaDb();

export async function getMeta<T>(key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export async function setMeta(key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}
